// The experiment of lesson 4: behavior cloning and GAIL on the lane-keeping car, from 1 to 25
// short demonstrations, several seeds, run in parallel on the machine's cores.
import Algorithms
import Datasets
import Dispatch
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics

/// The sizes of the experiment (full or `--quick`).
struct ExperimentSettings: Sendable {
    /// Numbers of expert trajectories N.
    var demonstrationCounts: [Int]
    /// Seeds per N (each seed draws its own demonstrations and trains its own networks).
    var seeds: Int
    /// Steps per demonstration: 50 steps = 5 s of driving, about a sixth of a lap.
    var demonstrationLength = 50
    /// GAIL iterations (each 8 environments × 256 steps = 2048 environment steps).
    var gailIterations: Int
    /// Evaluation episodes for the final returns.
    var evaluationEpisodes: Int
    /// Evaluate the learning curve every this many iterations…
    var curveInterval = 2
    /// …on this many episodes.
    var curveEpisodes = 5
    /// Behavior cloning's Adam steps (lesson 1's trainer).
    var bcGradientSteps = 2_000
    /// The demonstration count of the side experiments (reward sign, REINFORCE vs PPO).
    var sideDemonstrations = 5
    /// Seeds of the side experiments.
    var sideSeeds: Int
    /// GAIL's PPO settings (the library's GAIL default).
    var ppo = PPOConfiguration.largeMinibatches
    /// REINFORCE iterations (one policy step each, so it needs more of them than PPO).
    var reinforceIterations: Int

    static let full = ExperimentSettings(demonstrationCounts: [1, 2, 5, 10, 25], seeds: 5, gailIterations: 30,
                                         evaluationEpisodes: 20, sideSeeds: 3, reinforceIterations: 45)
    static let quick = ExperimentSettings(demonstrationCounts: [1, 5, 25], seeds: 3, gailIterations: 20,
                                          evaluationEpisodes: 10, sideSeeds: 1, reinforceIterations: 30)
}

/// The task: the car, its expert, and fixed evaluation episodes shared by every method.
struct CarTask: Sendable {
    let car = LaneKeepingCar()
    let expert: LaneKeepingExpert
    /// Evaluation episode i starts from `RandomSource(seed: evaluationSeed + i)`.
    let evaluationSeed: UInt64
    /// The lesson's seed, from which every demonstration set and network seed is derived.
    let baseSeed: UInt64

    init(seed: UInt64) {
        expert = LaneKeepingExpert(for: LaneKeepingCar(), knobs: .perfect)
        baseSeed = seed
        evaluationSeed = RandomSource.derivedSeed(base: seed, scale: 10_007, offset: 1_000_000)
    }

    /// The first `count` of seed `seedIndex`'s demonstrations (nested: the 2 contain the 1).
    func demonstrations(seedIndex: Int, count: Int, length: Int) throws -> [Trajectory<LaneKeepingCar.State>] {
        try Rollout.run(car, expert: expert, episodes: count, seed: RandomSource.derivedSeed(base: baseSeed, scale: 7_919, index: seedIndex, stride: 1_000),
                        maxSteps: length)
    }

    /// The expert on the evaluation episodes.
    func expertEpisodes(_ episodes: Int) throws -> [Trajectory<LaneKeepingCar.State>] {
        try Rollout.run(car, expert: expert, episodes: episodes, seed: evaluationSeed)
    }

    /// A seed for the networks of one run.
    func runSeed(_ tag: UInt64, demonstrations: Int, seedIndex: Int) -> UInt64 {
        RandomSource.derivedSeed(base: baseSeed, scale: 1_000_003,
                                indices: [(Int(tag), 10_000), (demonstrations, 100), (seedIndex, 1)])
    }
}

/// What one GAIL run gave.
struct GAILRun: Sendable, Codable {
    let demonstrations: Int
    let seedIndex: Int
    /// The final policy's mean return on the evaluation episodes.
    let finalReturn: Double
    /// Its mean episode length.
    let finalLength: Double
    let curve: LearningCurve
    let environmentSteps: Int
    let gradientSteps: Int
    let discriminatorSteps: Int
    let seconds: Double
    /// The car's path (x, y) in the first evaluation episode.
    let path: Path
    /// Mean κ·d over the evaluation steps (> 0: the car keeps to the inside of bends).
    let cornerCutting: Double
}

/// What one behavior-cloning run gave.
struct BCRun: Sendable, Codable {
    let demonstrations: Int
    let seedIndex: Int
    let finalReturn: Double
    let finalLength: Double
    let gradientSteps: Int
    let seconds: Double
    /// The car's path (x, y) in the first evaluation episode.
    let path: Path
}

/// The mean of κ(s)·d over every step of `trajectories`: positive when the car keeps to the inside
/// of the bends, where each step covers more of the centre line (ṡ = v cos ψ / (1 − κd)).
func cornerCutting(_ trajectories: [Trajectory<LaneKeepingCar.State>], track: Track) -> Double {
    var total = 0.0, count = 0
    for trajectory in trajectories {
        for state in trajectory.states {
            total += track.curvature(at: state.arcLength) * state.offset
            count += 1
        }
    }
    return count == 0 ? 0 : total / Double(count)
}

/// Runs `job` for every number of demonstrations `counts` on every seed index of `indices`, in
/// parallel over the cores, and returns each seed's runs (one per number of demonstrations, in
/// order): what a shard (`--seeds`) keeps per seed.
func runPerSeed<Run: Sendable>(counts: [Int], indices: [Int],
                               _ job: @escaping @Sendable (_ count: Int, _ seedIndex: Int) throws -> Run) throws -> [[Run]] {
    let jobs = counts.flatMap { count in indices.map { (count, $0) } }
    let runs = try parallelMap(jobs.count) { index in try job(jobs[index].0, jobs[index].1) }
    return indices.indices.map { k in counts.indices.map { c in runs[c * indices.count + k] } }
}

/// A path in the plane.
struct Path: Sendable, Codable {
    var x: [Double] = []
    var y: [Double] = []

    /// The positions of the car along `trajectory` (which must carry its states).
    init(_ trajectory: Trajectory<LaneKeepingCar.State>?, track: Track) {
        for state in trajectory?.states ?? [] {
            let p = track.position(at: state.arcLength, offset: state.offset)
            x.append(p.x)
            y.append(p.y)
        }
    }
}

/// Behavior cloning on `demonstrations` with lesson 1's trainer and formulas.
func runBehaviorCloning(task: CarTask, settings: ExperimentSettings, demonstrations: [Trajectory<LaneKeepingCar.State>],
                        seedIndex: Int, formulas: any BehaviorCloningExercises) throws -> BCRun {
    let start = Date()
    let pairs = try ExpertPairs(demonstrations)
    let dataset = try ImitationDataset(observations: pairs.observations, actions: pairs.actions)
    var rng = RandomSource(seed: task.runSeed(1, demonstrations: demonstrations.count, seedIndex: seedIndex))
    let trainer = BehaviorCloning(configuration: BehaviorCloningConfiguration(gradientSteps: settings.bcGradientSteps),
                                  formulas: formulas)
    let result = try trainer.train(on: dataset, actionLow: task.car.actionSpace.low, actionHigh: task.car.actionSpace.high,
                                   rng: &rng)
    let episodes = try Rollout.run(task.car, episodes: settings.evaluationEpisodes, seed: task.evaluationSeed) {
        observation, _ in result.policy.action(for: observation)
    }
    let stats = EpisodeStatistics(episodes)
    return BCRun(demonstrations: demonstrations.count, seedIndex: seedIndex, finalReturn: stats.meanReturn,
                 finalLength: stats.meanLength, gradientSteps: settings.bcGradientSteps,
                 seconds: Date().timeIntervalSince(start), path: Path(episodes.first, track: task.car.track))
}

/// GAIL on `demonstrations` with the lesson's formulas (the student's or the reference's).
func runGAIL<Formulas: GAILExercises>(task: CarTask, settings: ExperimentSettings,
                                      demonstrations: [Trajectory<LaneKeepingCar.State>], seedIndex: Int,
                                      formulas: Formulas, rewardForm: GAILRewardForm = .negativeLogOneMinusD,
                                      learner: PolicyLearnerChoice = .ppo(.largeMinibatches),
                                      iterations: Int? = nil, tag: UInt64 = 2) throws -> GAILRun {
    let start = Date()
    var configuration = GAILConfiguration()
    configuration.rewardForm = rewardForm
    configuration.learner = learner
    configuration.rollouts.evaluationInterval = settings.curveInterval
    configuration.rollouts.evaluationEpisodes = settings.curveEpisodes
    configuration.rollouts.evaluationSeed = task.evaluationSeed
    var rng = RandomSource(seed: task.runSeed(tag, demonstrations: demonstrations.count, seedIndex: seedIndex))
    let gail = try GAIL(environment: task.car, demonstrations: try ExpertPairs(demonstrations),
                        configuration: configuration, formulas: formulas, rng: &rng)
    let count = iterations ?? settings.gailIterations
    try gail.train(iterations: count, rng: &rng)
    let episodes = try PolicyEvaluation.trajectories(of: gail.policy, in: task.car, episodes: settings.evaluationEpisodes,
                                                     seed: task.evaluationSeed)
    let stats = EpisodeStatistics(episodes)
    return GAILRun(demonstrations: demonstrations.count, seedIndex: seedIndex, finalReturn: stats.meanReturn,
                   finalLength: stats.meanLength, curve: gail.curve, environmentSteps: gail.environmentSteps,
                   gradientSteps: gail.trainer.gradientSteps,
                   discriminatorSteps: count * configuration.discriminatorStepsPerIteration,
                   seconds: Date().timeIntervalSince(start), path: Path(episodes.first, track: task.car.track),
                   cornerCutting: cornerCutting(episodes, track: task.car.track))
}

/// The learning-curve series `value` of runs with identical schedules: x, mean and std per point.
func curveStatistics(_ runs: [GAILRun], evaluatedOnly: Bool = false,
                     _ value: (LearningCurvePoint) -> Double) -> (x: [Double], mean: [Double], std: [Double]) {
    guard let first = runs.first else { return ([], [], []) }
    let indices = first.curve.points.indices.filter { !evaluatedOnly || !first.curve.points[$0].evaluationReturn.isNaN }
    var x: [Double] = [], mean: [Double] = [], std: [Double] = []
    for i in indices {
        let values = runs.compactMap { $0.curve.points.indices.contains(i) ? value($0.curve.points[i]) : nil }.filter { !$0.isNaN }
        guard !values.isEmpty else { continue }
        let (m, s) = meanAndStandardDeviation(of: values, kind: .sample)
        x.append(Double(first.curve.points[i].environmentSteps))
        mean.append(m)
        std.append(s)
    }
    return (x, mean, std)
}

/// The runs of a side experiment (the reward's sign, REINFORCE against PPO): GAIL on
/// `settings.sideDemonstrations` demonstrations for each of `settings.sideSeeds` seeds, trained by
/// `train`, the seeds in parallel, through `context.perSeed` (so a shard trains its seeds and a
/// merge reads them).
func sideExperimentRuns(_ experiment: String, label: String, context: LessonContext, task: CarTask,
                        settings: ExperimentSettings,
                        train: @escaping @Sendable (_ demonstrations: [Trajectory<LaneKeepingCar.State>], _ seedIndex: Int)
                            throws -> GAILRun) throws -> [GAILRun] {
    let count = settings.sideDemonstrations
    return try context.perSeed(experiment, count: settings.sideSeeds) { indices in
        let bar = context.progress(total: indices.count, label: label)
        defer { bar.finish() }
        return try parallelMap(indices.count) { k in
            let demonstrations = try task.demonstrations(seedIndex: indices[k], count: count,
                                                         length: settings.demonstrationLength)
            let run = try train(demonstrations, indices[k])
            bar.advance()
            return run
        }
    }
}
