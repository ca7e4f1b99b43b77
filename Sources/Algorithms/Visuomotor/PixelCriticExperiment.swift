import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Zhu et al.'s (2018) critic ablation at the kit's scale: the mixed-reward agent on pixels trained
/// with the asymmetric critic (on the state) and with a critic on the images, per seed, each
/// evaluated along training from the task's own start states until its success rate reaches a
/// threshold.
///
/// Every run uses the same demonstrations and evaluation episodes, and its random streams depend
/// only on its seed, not on the critic, so the two critics start from the same policy and cameras.
public struct PixelCriticExperiment: Sendable {
    /// The task.
    public var task: PushingTask
    /// The agent's settings (``PixelMixedRewardConfiguration/critic`` is set per run).
    public var configuration: PixelMixedRewardConfiguration
    /// The demonstrations every run learns from (recorded with their states).
    public var demonstrations: [Trajectory<BlockPushing.State>]
    /// The largest number of training iterations per run.
    public var iterations: Int
    /// Evaluate every this many iterations (and after the last).
    public var evaluationInterval: Int
    /// Episodes per evaluation.
    public var evaluationEpisodes: Int
    /// The success rate that counts as reaching the goal of the run.
    public var successThreshold: Double
    /// Stop a run at its first evaluation at or above the threshold.
    public var stopsAtThreshold: Bool
    /// The seed of the evaluation episodes (the same start states for every run).
    public var evaluationSeed: UInt64
    /// After training, evaluate the final policy once more in ``PushingRenderStyle/heldOut``, a style
    /// it never saw (the agent trains in ``PixelMixedRewardConfiguration/styles``): the same episodes,
    /// other pixels. Off by default; it costs one evaluation and changes no training number.
    public var evaluatesHeldOutStyle = false

    /// An experiment with the given task, settings, demonstrations and budget.
    public init(task: PushingTask, configuration: PixelMixedRewardConfiguration, demonstrations: [Trajectory<BlockPushing.State>],
                iterations: Int, evaluationInterval: Int, evaluationEpisodes: Int, successThreshold: Double,
                stopsAtThreshold: Bool = false, evaluationSeed: UInt64 = 1_000_000) {
        self.task = task
        self.configuration = configuration
        self.demonstrations = demonstrations
        self.iterations = iterations
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.successThreshold = successThreshold
        self.stopsAtThreshold = stopsAtThreshold
        self.evaluationSeed = evaluationSeed
    }

    /// Trains and evaluates the agent with `critic` and `seed`.
    ///
    /// - Throws: what the agent, the evaluation or the exercises throw.
    public func run(critic: PixelCriticChoice, seed: UInt64, imitation: some GAILExercises,
                    mixing: some RewardMixingExercises, visuomotor: some VisuomotorExercises,
                    onIteration: (IterationReport) -> Void = { _ in }) throws -> PixelCriticRun {
        let started = Date()
        var configuration = configuration
        configuration.critic = critic
        var rng = RandomSource(seed: seed)
        let agent = try PixelMixedRewardAgent(task: task, demonstrations: demonstrations, configuration: configuration,
                                              imitation: imitation, mixing: mixing, visuomotor: visuomotor, rng: &rng)
        var curve: [SuccessCurvePoint] = [], reached: Int?, last = SuccessStatistics(episodes: 0, successes: 0, meanStepsToSuccess: .nan)
        for iteration in 1...max(iterations, 1) {
            onIteration(try agent.iterate(rng: &rng))
            guard iteration % max(evaluationInterval, 1) == 0 || iteration == iterations else { continue }
            let episodes = try PixelPolicyEvaluation.trajectories(of: agent.policy, task: task, episodes: evaluationEpisodes,
                                                                  seed: evaluationSeed)
            last = try mixing.successStatistics(of: episodes)
            curve.append(SuccessCurvePoint(environmentSteps: agent.environmentSteps, successRate: last.successRate,
                                           meanStepsToSuccess: last.meanStepsToSuccess))
            if reached == nil, last.successRate >= successThreshold {
                reached = agent.environmentSteps
                if stopsAtThreshold { break }
            }
        }
        var heldOut: SuccessStatistics?
        if evaluatesHeldOutStyle {
            let episodes = try PixelPolicyEvaluation.trajectories(of: agent.policy, task: task, style: .heldOut,
                                                                  episodes: evaluationEpisodes, seed: evaluationSeed)
            heldOut = try mixing.successStatistics(of: episodes)
        }
        return PixelCriticRun(critic: critic, seed: seed, successCurve: curve, stepsToThreshold: reached, finalEvaluation: last,
                              heldOutEvaluation: heldOut,
                              meanSuccessAlongTraining: mean(of: curve.map(\.successRate)),
                              environmentSteps: agent.environmentSteps,
                              demonstrationStartFraction: agent.demonstrationStartFraction,
                              seconds: Date().timeIntervalSince(started))
    }

    /// Runs every critic with every seed, `parallelism` runs at a time, in the order critic by
    /// critic, seed by seed; `onIteration` sees every iteration's report of every run (from any thread).
    ///
    /// - Throws: the error of the first failed run in that order.
    public func runAll(_ critics: [PixelCriticChoice], seeds: [UInt64], imitation: some GAILExercises,
                       mixing: some RewardMixingExercises, visuomotor: some VisuomotorExercises, parallelism: Int = 2,
                       onIteration: @escaping @Sendable (PixelCriticChoice, UInt64, IterationReport) -> Void = { _, _, _ in })
        throws -> [PixelCriticRun] {
        let jobs = critics.flatMap { critic in seeds.map { (critic, $0) } }
        let experiment = self
        let formulas = PixelFormulas(imitation: imitation, mixing: mixing, visuomotor: visuomotor)
        return try parallelMap(jobs.count, threads: parallelism) { index in
            let (critic, seed) = jobs[index]
            return try experiment.run(critic: critic, seed: seed, imitation: formulas.imitation, mixing: formulas.mixing,
                                      visuomotor: formulas.visuomotor, onIteration: { onIteration(critic, seed, $0) })
        }
    }
}

/// The three formula sets, carried across threads (the protocols are `Sendable`).
private struct PixelFormulas<Imitation: GAILExercises, Mixing: RewardMixingExercises, Visuomotor: VisuomotorExercises>: Sendable {
    let imitation: Imitation
    let mixing: Mixing
    let visuomotor: Visuomotor
}
