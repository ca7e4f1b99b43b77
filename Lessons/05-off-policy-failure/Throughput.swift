// How fast DDPG trains on this machine: environment steps per second (acting with the actor and
// stepping Pendulum or the hopper) and gradient steps per second (one critic and one actor update on
// a mini-batch), measured separately.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// One throughput measurement.
struct Throughput: Sendable {
    /// The environment's name.
    let environment: String
    /// The hidden widths measured.
    let widths: [Int]
    /// Environment steps per second, acting with exploration noise.
    let environmentStepsPerSecond: Double
    /// Gradient steps (critic + actor + targets) per second, mini-batch of 100.
    let gradientStepsPerSecond: Double
}

/// Measures DDPG with hidden `widths` on `environment`: `environmentSteps` acting steps, then
/// `gradientSteps` updates on mini-batches drawn from the transitions just collected.
func measureThroughput<Environment: ContinuousEnvironment>(
    _ environment: Environment, widths: [Int], environmentSteps: Int, gradientSteps: Int,
    formulas: any OffPolicyExercises, seed: UInt64
) throws -> Throughput {
    var rng = RandomSource(seed: seed)
    let agent = try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize,
                         maxAction: environment.actionSpace.high.map(abs).max() ?? 1,
                         configuration: DDPGConfiguration(actorHiddenSizes: widths, criticHiddenSizes: widths),
                         formulas: formulas, rng: &rng)
    var env = environment
    var buffer = ReplayBuffer(capacity: environmentSteps, observationSize: environment.observationSize,
                              actionSize: environment.actionSize)
    var observation = env.reset(rng: &rng)
    let actingStart = Date()
    for _ in 0..<environmentSteps {
        let action = try agent.explore(observation, rng: &rng)
        let step = try env.step(action)
        try buffer.add(observation: observation, action: action, reward: step.reward, nextObservation: step.observation,
                       terminated: step.terminated, truncated: step.truncated)
        observation = step.isDone ? env.reset(rng: &rng) : step.observation
    }
    let acting = Date().timeIntervalSince(actingStart)
    let learningStart = Date()
    for _ in 0..<gradientSteps {
        try agent.update(OffPolicyBatch(buffer.sample(batchSize: agent.batchSize, rng: &rng)), rng: &rng)
    }
    let learning = Date().timeIntervalSince(learningStart)
    return Throughput(environment: environment.name, widths: widths, environmentStepsPerSecond: Double(environmentSteps) / max(acting, 1e-9),
                      gradientStepsPerSecond: Double(gradientSteps) / max(learning, 1e-9))
}
