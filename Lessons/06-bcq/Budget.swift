// The lesson's budgets: the seeds, and how long each learner trains. Lesson 5's experiment (whose
// buffers and offline DDPG this lesson reuses) runs with `FixedBufferExperimentConfiguration.pendulum`.
import Algorithms
import Environments

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
    var seeds: Int
    /// BCQ's gradient updates on each buffer (as many as lesson 5's blue takes, at most ``maxBCQUpdates``).
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
    var sweepSeeds: Int
    /// BCQ's updates in each run of the sweep.
    let sweepUpdates: Int

    /// The most updates BCQ takes on a buffer: a BCQ update costs about five of DDPG's, and its
    /// returns have levelled off by then.
    static let maxBCQUpdates = 6_000

    /// The full run or the quick one. The full run takes two seeds: on a 2-core machine a third
    /// would run lesson 5's experiment and its three BCQ runs with one core idle, for half again
    /// the wall time (lesson 6 must stay under three minutes). Its Φ sweep leaves out the paper's
    /// 0.05, which the comparison runs and which behaves as Φ = 0 there.
    static func make(quick: Bool) -> ContinuousBudget {
        let updates = min(FixedBufferExperimentConfiguration.pendulum(quick: quick).offlineUpdates, maxBCQUpdates)
        return quick
            ? ContinuousBudget(seeds: 1, bcqUpdates: updates, evaluationInterval: 1_000, bcSteps: 2_000,
                               sweepPerturbations: [0, 2], sweepSettings: [.imitation], sweepSeeds: 1, sweepUpdates: 3_000)
            : ContinuousBudget(seeds: 2, bcqUpdates: updates, evaluationInterval: 1_000, bcSteps: 2_000,
                               sweepPerturbations: [0, 0.25, 1, 2], sweepSettings: [.final, .imitation], sweepSeeds: 1,
                               sweepUpdates: 3_000)
    }
}

/// The tabular batch: episodes of the careless behaviour policy, and its randomness ε.
let tabularEpisodes = 5
let tabularEpsilon = 0.7
