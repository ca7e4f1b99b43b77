// Lesson 7's third imitator: behavior cloning (lesson 1) of the same noisy demonstrator, evaluated
// deterministically, so that the lesson can answer the lecture's question "can imitation outperform
// the expert?" for BC, GAIL (λ = 1) and the mixed agent side by side.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// Behavior cloning of the demonstrator: lesson 1's trainer (64-64 ReLU MLP, Adam, L_BC), one clone
/// per training seed, on the agents' demonstrations and on many more.
enum CloningBaseline {
    /// Gradient steps of each clone, full and quick run (with 200 demonstrations of base seed 0, 2 000
    /// steps left the clone under-trained, 0.63 success; 6 000 and 12 000 gave 0.94 and 0.92).
    static let gradientSteps = 6_000
    /// The large demonstration set: 25 times the agents'. With 200 the clone of one base seed's
    /// demonstrations (seed 8) succeeded only as often as the demonstrator (0.84 ± 0.04 against 0.81,
    /// 200 episodes), with 500 in 0.94 ± 0.02: that clone was short of data, not of training.
    static let manyDemonstrations = 500
    /// Evaluation episodes of the clones and of the demonstrator they are compared with: more than
    /// the agents' final evaluation, because the demonstrator's own rate is measured too (on 50
    /// episodes its standard error is about 0.05, as large as the difference in question).
    static let evaluationEpisodes = 200

    /// The clones of one demonstration set, one per training seed.
    struct Result: Sendable {
        /// The number of demonstrations cloned.
        let demonstrations: Int
        /// Each seed's final evaluation.
        let evaluations: [SuccessStatistics]
        /// Each seed's success rate.
        var success: [Double] { evaluations.map(\.successRate) }
        /// Each seed's mean steps to success (NaN for a seed that never succeeded).
        var stepsToSuccess: [Double] { evaluations.map(\.meanStepsToSuccess) }
        /// The clones as results.json keeps them.
        var recorded: Lesson07Results.Clones {
            .init(demonstrations: demonstrations, finalSuccess: success, stepsToSuccess: stepsToSuccess)
        }
    }

    /// Clones each demonstration set once per training seed and evaluates each clone's
    /// deterministic policy on `episodes` episodes from the task's start states (`evaluationSeed`,
    /// the same episodes as the demonstrator's and the agents' final evaluations). The seeds run in
    /// parallel, each with its own random source.
    ///
    /// - Returns: for each seed, in order, one evaluation per demonstration set.
    static func evaluateClones(task: PushingTask, demonstrationSets: [[Trajectory<BlockPushing.State>]], seeds: [UInt64],
                               gradientSteps: Int, episodes: Int, evaluationSeed: UInt64,
                               exercises: ExerciseSet) throws -> [[SuccessStatistics]] {
        let environment = task.environment
        let datasets = try demonstrationSets.map { try ImitationDataset(trajectories: $0) }
        let trainer = BehaviorCloning(configuration: .init(gradientSteps: gradientSteps), formulas: exercises.behaviorCloning)
        return try parallelMap(seeds.count) { k in
            try datasets.map { dataset in
                var base = RandomSource(seed: seeds[k])
                var rng = base.split()
                let clone = try trainer.train(on: dataset, actionLow: environment.actionSpace.low,
                                              actionHigh: environment.actionSpace.high, rng: &rng)
                let evaluation = try clone.policy.evaluate(in: environment, episodes: episodes, seed: evaluationSeed)
                return try exercises.rewardMixing.successStatistics(of: evaluation)
            }
        }
    }
}
