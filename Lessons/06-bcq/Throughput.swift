// BCQ's training speed on this machine.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Gradient steps per second of BCQ (the lesson's configuration, one thread) on mini-batches of
/// a buffer of noisy scripted-expert transitions.
func measureBCQThroughput(updates: Int, formulas: any BCQExercises, seed: UInt64) throws -> Double {
    var rng = RandomSource(seed: seed)
    var env = Pendulum()
    var observation = env.reset(rng: &rng)
    let expert = PendulumExpert(knobs: ExpertKnobs(noise: 0.5), planningHorizon: 0)
    var buffer = ReplayBuffer(capacity: 2_000, observationSize: 3, actionSize: 1)
    for _ in 0..<2_000 {
        let action = expert.action(for: observation, rng: &rng)
        let step = try env.step(action)
        try buffer.add(observation: observation, action: action, reward: step.reward, nextObservation: step.observation,
                       terminated: step.terminated, truncated: step.truncated)
        observation = step.isDone ? env.reset(rng: &rng) : step.observation
    }
    let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: bcqConfiguration(maxPerturbation: 0.05),
                      formulas: formulas, rng: &rng)
    let batches = try (0..<updates).map { _ in OffPolicyBatch(try buffer.sample(batchSize: 100, rng: &rng)) }
    let started = Date()
    for b in batches { try bcq.train(on: b, rng: &rng) }
    return Double(updates) / max(Date().timeIntervalSince(started), 1e-9)
}
