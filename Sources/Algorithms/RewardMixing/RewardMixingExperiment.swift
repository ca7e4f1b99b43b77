import Datasets
import Dispatch
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Lesson 7's experiment driver: trains the mixed-reward agent for each (variant, seed) pair on
/// the pushing task, in parallel, and evaluates every policy from the task's own start states.
///
/// Every run uses the same demonstrations, the same evaluation episodes, and a seed that depends
/// only on its own seed (not on the variant), so variants are compared on equal terms.
public struct RewardMixingExperiment: Sendable {
    /// The task.
    public var task: PushingTask
    /// The agent's settings shared by all variants (each variant sets λ, the view and the start probability).
    public var baseConfiguration: MixedRewardConfiguration
    /// The demonstrations every run learns from (recorded with their states).
    public var demonstrations: [Trajectory<BlockPushing.State>]
    /// Training iterations per run.
    public var iterations: Int
    /// Evaluate the policy every this many iterations (and always after the last).
    public var evaluationInterval: Int
    /// Episodes per evaluation along training.
    public var evaluationEpisodes: Int
    /// Episodes of the final evaluation.
    public var finalEvaluationEpisodes: Int
    /// The seed of the evaluation episodes (the same start states for every run and for the expert).
    public var evaluationSeed: UInt64
    /// How many paths of the final evaluation each run keeps for drawing.
    public var keptPaths: Int = 6

    /// An experiment on `task` with the given demonstrations and budgets.
    public init(task: PushingTask, baseConfiguration: MixedRewardConfiguration, demonstrations: [Trajectory<BlockPushing.State>],
                iterations: Int, evaluationInterval: Int, evaluationEpisodes: Int, finalEvaluationEpisodes: Int,
                evaluationSeed: UInt64 = 1_000_000) {
        self.task = task
        self.baseConfiguration = baseConfiguration
        self.demonstrations = demonstrations
        self.iterations = iterations
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.finalEvaluationEpisodes = finalEvaluationEpisodes
        self.evaluationSeed = evaluationSeed
    }

    /// Environment steps of one run.
    public var stepsPerRun: Int { iterations * baseConfiguration.rollouts.stepsPerIteration }

    /// Trains and evaluates one variant with one seed.
    public func run(_ variant: RewardMixingVariant, seed: UInt64, imitation: some GAILExercises,
                    mixing: some RewardMixingExercises, onIteration: () -> Void = {}) throws -> RewardMixingRun {
        let started = Date()
        var configuration = variant.configuration(from: baseConfiguration)
        configuration.rollouts.evaluationInterval = 0   // evaluated here, through exercise 7.4
        var rng = RandomSource(seed: seed)
        let env = task.environment
        let agent = try MixedRewardAgent(environment: env, demonstrations: demonstrations, configuration: configuration,
                                         imitation: imitation, mixing: mixing, rng: &rng)
        var curve: [SuccessCurvePoint] = []
        func evaluate(episodes: Int) throws -> ([Trajectory<BlockPushing.State>], SuccessStatistics) {
            let episodes = try PolicyEvaluation.trajectories(of: agent.policy, in: env, episodes: episodes, seed: evaluationSeed)
            return (episodes, try mixing.successStatistics(of: episodes))
        }
        for iteration in stride(from: 1, through: iterations, by: 1) {
            try agent.iterate(rng: &rng)
            onIteration()
            if iteration % max(evaluationInterval, 1) == 0 && iteration < iterations {
                let (_, stats) = try evaluate(episodes: evaluationEpisodes)
                curve.append(SuccessCurvePoint(environmentSteps: agent.environmentSteps, successRate: stats.successRate,
                                               meanStepsToSuccess: stats.meanStepsToSuccess))
            }
        }
        let (episodes, final) = try evaluate(episodes: finalEvaluationEpisodes)
        curve.append(SuccessCurvePoint(environmentSteps: agent.environmentSteps, successRate: final.successRate,
                                       meanStepsToSuccess: final.meanStepsToSuccess))
        return RewardMixingRun(variant: variant, seed: seed, successCurve: curve, learningCurve: agent.curve,
                               finalEvaluation: final, finalPaths: episodes.prefix(keptPaths).map(\.states),
                               environmentSteps: agent.environmentSteps,
                               demonstrationStartFraction: agent.demonstrationStartFraction,
                               seconds: Date().timeIntervalSince(started))
    }

    /// Runs every variant with every seed, `parallelism` runs at a time, and returns the runs in
    /// the order variant by variant, seed by seed. `onIteration` is called after every training
    /// iteration of any run (from any thread), for a progress bar.
    ///
    /// - Throws: the error of the first failed run in that order (a stub's ``NotImplemented`` included);
    ///   no run starts after one has failed.
    public func runAll(_ variants: [RewardMixingVariant], seeds: [UInt64], imitation: some GAILExercises,
                       mixing: some RewardMixingExercises, parallelism: Int = 2,
                       onIteration: @escaping @Sendable () -> Void = {}) throws -> [RewardMixingRun] {
        let jobs = variants.flatMap { variant in seeds.map { (variant, $0) } }
        let experiment = self
        let formulas = Formulas(imitation: imitation, mixing: mixing)
        return try parallelMap(jobs.count, threads: parallelism) { index in
            let (variant, seed) = jobs[index]
            return try experiment.run(variant, seed: seed, imitation: formulas.imitation, mixing: formulas.mixing,
                                      onIteration: onIteration)
        }
    }
}

/// The two formula sets, carried across threads (both protocols are `Sendable`).
private struct Formulas<Imitation: GAILExercises, Mixing: RewardMixingExercises>: Sendable {
    let imitation: Imitation
    let mixing: Mixing
}
