// The lesson's budgets: lesson 5's experiment (whose buffers it reuses), the seeds, and how long
// each learner trains.
import Algorithms
import Environments

/// Lesson 5's fixed-buffer experiment, exactly as `Lessons/05-off-policy-failure/Experiment.swift`
/// configures it: with the same seeds, `runFixedBufferExperiment` rebuilds the very buffers (and
/// the very blue agents) lesson 5 showed. Keep the two in step.
func lessonFiveConfiguration(quick: Bool) -> FixedBufferExperimentConfiguration {
    let widths = [64, 64]
    let steps = quick ? 6_000 : 10_000
    return FixedBufferExperimentConfiguration(
        agent: DDPGConfiguration(actorHiddenSizes: widths, criticHiddenSizes: widths),
        schedule: InteractionSchedule(environmentSteps: steps, randomSteps: 1_000, evaluationInterval: quick ? 1_000 : 500),
        finalBufferNoise: 0.5, concurrentNoise: 0.1, evaluationEpisodes: 10, valueHorizon: 600)
}

/// BCQ as this lesson runs it: the paper's constants, Pendulum-sized networks, and the paper's
/// n = 10 candidates when acting too (its code uses 100 there; on Pendulum the two give the same
/// returns, and evaluations run ten times faster).
func bcqConfiguration(maxPerturbation: Float) -> BCQConfiguration {
    var configuration = BCQConfiguration.kit(maxPerturbation: maxPerturbation)
    configuration.actingSamples = 10
    return configuration
}

/// How much the continuous experiment computes.
struct ContinuousBudget: Sendable {
    /// Seeds of the comparison (lesson 5's seeds: base, base + 1, …).
    let seeds: Int
    /// BCQ's gradient updates on each buffer (as many as lesson 5's blue takes).
    let bcqUpdates: Int
    /// Evaluate BCQ every this many updates.
    let evaluationInterval: Int
    /// Behavior cloning's gradient steps on each buffer.
    let bcSteps: Int
    /// The values of Φ in the sweep.
    let sweepPerturbations: [Float]
    /// The buffers of the sweep.
    let sweepSettings: [BufferSetting]
    /// Seeds of the sweep (the first ones of the comparison).
    let sweepSeeds: Int
    /// BCQ's updates in each run of the sweep.
    let sweepUpdates: Int

    /// The full run or the quick one.
    static func make(quick: Bool) -> ContinuousBudget {
        let updates = lessonFiveConfiguration(quick: quick).offlineUpdates
        return quick
            ? ContinuousBudget(seeds: 1, bcqUpdates: updates, evaluationInterval: 1_000, bcSteps: 2_000,
                               sweepPerturbations: [0, 0.05, 2], sweepSettings: [.imitation], sweepSeeds: 1, sweepUpdates: 3_000)
            : ContinuousBudget(seeds: 3, bcqUpdates: updates, evaluationInterval: 1_000, bcSteps: 3_000,
                               sweepPerturbations: [0, 0.05, 0.25, 1, 2], sweepSettings: BufferSetting.allCases, sweepSeeds: 1,
                               sweepUpdates: 4_000)
    }
}

/// The tabular batch: episodes of the careless behaviour policy, and its randomness ε.
let tabularEpisodes = 5
let tabularEpsilon = 0.7
