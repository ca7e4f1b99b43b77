// The lesson's experiment: behavior cloning from 1, 2, 5, 10 and 25 expert demonstrations, several
// seeds, on one environment. Used for Pendulum and for the lane-keeping car.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// The budget of one sweep.
struct SweepSettings {
    /// Numbers of demonstration trajectories to try, increasing.
    var demonstrationCounts: [Int]
    /// Independent repetitions (new demonstrations, new network, new minibatches).
    var seeds: Int
    /// The length of each demonstration (`nil`: a whole episode).
    var demonstrationSteps: Int?
    /// Episodes used to measure a policy's return (the same start states for every policy).
    var evaluationEpisodes: Int
    /// The behavior-cloning hyper-parameters.
    var behaviorCloning: BehaviorCloningConfiguration
}

/// What a sweep measured. Arrays indexed [demonstration count][seed].
struct SweepResult {
    /// The numbers of demonstrations tried.
    var demonstrationCounts: [Int] = []
    /// The behavior-cloning policy's mean return over the evaluation episodes.
    var returns: [[Double]] = []
    /// The mean loss of the first 10 training steps (the untrained network's loss).
    var initialLoss: [[Double]] = []
    /// L_BC of the trained policy on its whole training set.
    var finalLoss: [[Double]] = []
    /// The expert's return on the evaluation episodes, one per episode.
    var expertReturns: [Double] = []
    /// Seed 0's loss curve for each number of demonstrations.
    var lossCurves: [Int: [Double]] = [:]
    /// Seed 0's trained policy's torque on the action figure's grid (``torqueGrid(_:)``), for the
    /// numbers of demonstrations the figure shows.
    var actionGrids: [Int: [[Double]]] = [:]
    /// Seed 0's demonstrations (the largest set; a run with n demonstrations used the first n).
    var demonstrations: [[Float]] = []
    /// Where seed 0's first n demonstrations' observations end, for each n.
    var demonstrationEnds: [Int: Int] = [:]

    /// The mean over seeds for each number of demonstrations.
    func mean(_ values: [[Double]]) -> [Double] { values.map { meanAndStandardDeviation(of: $0).mean } }

    /// The (population) standard deviation over seeds for each number of demonstrations.
    func standardDeviation(_ values: [[Double]]) -> [Double] { values.map { meanAndStandardDeviation(of: $0).std } }

    /// The expert's mean return.
    var expertMeanReturn: Double { expertReturns.reduce(0, +) / Double(max(expertReturns.count, 1)) }

    /// The sweep from the expert's returns and each seed's run (trained here or read from the
    /// shards that trained them: the same numbers either way).
    init(demonstrationCounts: [Int], expertReturns: [Double], seeds: [SweepSeedRun]) {
        self.demonstrationCounts = demonstrationCounts
        self.expertReturns = expertReturns
        returns = demonstrationCounts.indices.map { i in seeds.map { $0.returns[i] } }
        initialLoss = demonstrationCounts.indices.map { i in seeds.map { $0.initialLoss[i] } }
        finalLoss = demonstrationCounts.indices.map { i in seeds.map { $0.finalLoss[i] } }
        if let first = seeds.first {
            lossCurves = first.lossCurves
            actionGrids = first.actionGrids
            demonstrations = first.demonstrations
            demonstrationEnds = first.demonstrationEnds
        }
    }
}

/// One seed of a sweep, one entry per number of demonstrations: what a shard (`--seeds`) keeps.
/// Seed 0 also keeps what the figures draw (empty for the other seeds).
struct SweepSeedRun: Codable, Sendable {
    var returns: [Double] = []
    var initialLoss: [Double] = []
    var finalLoss: [Double] = []
    var lossCurves: [Int: [Double]] = [:]
    var actionGrids: [Int: [[Double]]] = [:]
    var demonstrations: [[Float]] = []
    var demonstrationEnds: [Int: Int] = [:]
}

/// The mean undiscounted return of `episodes`, each computed with exercise 1.4 (γ = 1).
func meanReturn<State>(of episodes: [Trajectory<State>], formulas: any BehaviorCloningExercises) throws -> Double {
    let returns = try episodes.map { try formulas.discountedReturn(rewards: $0.rewards, discount: 1) }
    return returns.reduce(0, +) / Double(max(returns.count, 1))
}

/// The expert's return on each evaluation episode (reset seeds `evaluationSeed + i`).
func expertReturns<Env: ContinuousEnvironment, E: Expert>(env: Env, expert: E, settings: SweepSettings,
                                                          formulas: any BehaviorCloningExercises,
                                                          evaluationSeed: UInt64) throws -> [Double] {
    let expertEpisodes = try Rollout.run(env, expert: expert, episodes: settings.evaluationEpisodes, seed: evaluationSeed)
    return try expertEpisodes.map { try formulas.discountedReturn(rewards: $0.rewards, discount: 1) }
}

/// Runs behavior cloning for every number of demonstrations on the seeds `indices`, one run per
/// index, the seeds in parallel over the cores (each with its own random source).
///
/// Seed k draws its demonstrations from reset seeds `1_000·(k+1) + i` and uses the first n of
/// them for n demonstrations, so the datasets of one seed are nested. Every policy (and the expert)
/// is evaluated on the same episodes, reset seeds `evaluationSeed + i`. Seed 0 also keeps its
/// loss curves, its demonstrations and, for the numbers in `gridCounts`, its policy's torque grid.
func runSweep<Env: ContinuousEnvironment, E: Expert>(
    env: Env, expert: E, settings: SweepSettings, formulas: any BehaviorCloningExercises, seed: UInt64,
    evaluationSeed: UInt64, indices: [Int], gridCounts: Set<Int> = [], progress: LessonKit.Progress
) throws -> [SweepSeedRun] {
    let most = settings.demonstrationCounts.max() ?? 1
    let trainer = BehaviorCloning(configuration: settings.behaviorCloning, formulas: formulas)
    return try parallelMap(indices.count) { j in
        let k = indices[j]
        var run = SweepSeedRun()
        let demonstrations = try Rollout.run(env, expert: expert, episodes: most, seed: RandomSource.derivedSeed(base: 0, index: k + 1, stride: 1_000),
                                             maxSteps: settings.demonstrationSteps)
        if k == 0 {
            var end = 0
            for (i, trajectory) in demonstrations.enumerated() {
                run.demonstrations += trajectory.observations.prefix(trajectory.count)
                end += trajectory.count
                run.demonstrationEnds[i + 1] = end
            }
        }
        var rng = RandomSource(seed: RandomSource.derivedSeed(base: seed, index: k))
        for count in settings.demonstrationCounts {
            let dataset = try ImitationDataset(trajectories: Array(demonstrations.prefix(count)))
            var trainingRNG = rng.split()
            let trained = try trainer.train(on: dataset, actionLow: env.actionSpace.low, actionHigh: env.actionSpace.high,
                                            rng: &trainingRNG)
            let episodes = try trained.policy.evaluate(in: env, episodes: settings.evaluationEpisodes, seed: evaluationSeed)
            run.returns.append(try meanReturn(of: episodes, formulas: formulas))
            run.initialLoss.append(trained.lossCurve.prefix(10).reduce(0, +) / Double(min(10, trained.lossCurve.count)))
            run.finalLoss.append(try trainer.loss(of: trained.policy, on: dataset))
            if k == 0 {
                run.lossCurves[count] = trained.lossCurve
                if gridCounts.contains(count) { run.actionGrids[count] = torqueGrid { trained.policy.action(for: $0)[0] } }
            }
            progress.advance(status: "seed \(k + 1), \(count) demos: return \(String(format: "%.0f", run.returns.last!))")
        }
        return run
    }
}

extension SweepResult {
    /// The sweep's numbers as results.json keeps them.
    var recorded: Lesson01Results.DemonstrationSweep {
        Lesson01Results.DemonstrationSweep(
            demonstrations: demonstrationCounts, expertReturn: expertMeanReturn, returnMean: mean(returns),
            returnStandardDeviation: standardDeviation(returns), returnPerSeed: returns, initialLoss: mean(initialLoss),
            finalLoss: mean(finalLoss), finalLossMax: finalLoss.map { $0.max() ?? .nan })
    }
}

/// The sweep as a table: one row per number of demonstrations.
func table(for result: SweepResult, title: String) throws -> Table {
    var table = Table(title, columns: ["demos", .init("BC return (mean ± std)", format: .fixed(1)),
                                       .init("expert return", format: .fixed(1)),
                                       .init("initial loss", format: .fixed(3)),
                                       .init("final loss L_BC", format: .scientific(2))])
    let means = result.mean(result.returns), spreads = result.standardDeviation(result.returns)
    let initial = result.mean(result.initialLoss), final = result.mean(result.finalLoss)
    for (i, count) in result.demonstrationCounts.enumerated() {
        try table.addRow(count, Table.Cell.estimate(mean: means[i], spread: spreads[i]), result.expertMeanReturn,
                         initial[i], final[i])
    }
    return table
}
