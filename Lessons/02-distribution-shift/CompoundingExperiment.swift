// The compounding-error experiment: behavior cloning and DAgger from one short demonstration on the
// lane-keeping car, their deviation from the centre line over growing horizons, and the states
// they visit.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics

typealias CarTrajectory = Trajectory<LaneKeepingCar.State>

/// The budget of the experiment.
struct CompoundingSettings {
    /// Independent repetitions (new demonstration, new networks).
    var seeds: Int
    /// Demonstrations per seed, and their length in steps.
    var demonstrations: Int
    var demonstrationSteps: Int
    /// The expert's action noise while demonstrating.
    var demonstrationNoise: Double
    /// The horizons T at which the cumulative deviation is measured.
    var horizons: [Int]
    /// Evaluation episodes per policy (same start states for every policy).
    var evaluationEpisodes: Int
    /// DAgger's settings.
    var dagger: DAggerConfiguration
    /// Episodes used to measure the return after each DAgger round.
    var iterationEvaluationEpisodes: Int
}

/// What one seed produced: what a shard (`--seeds`) keeps of it.
struct CompoundingSeed: Codable, Sendable {
    /// The demonstration's states (for the histograms and the track picture).
    var demonstrations: [CarTrajectory]
    /// Evaluation episodes of the longest horizon, one array per policy.
    var expert: [CarTrajectory]
    var behaviorCloning: [CarTrajectory]
    var dagger: [CarTrajectory]
    /// The learner's mean return after each DAgger round (round 0 = behavior cloning).
    var daggerReturns: [Double]
    /// DAgger's rounds.
    var daggerIterations: [DAggerIteration]
}

/// The lane half-width: the per-step cost of a car that has left the road.
let offRoadCost = LaneKeepingCar().laneHalfWidth

/// The cumulative deviation J(T) = Σ_{t=1}^{T} min(|d_t|, w) of one episode, a car that left the
/// road counting w for every remaining step (it stays off the road).
func cumulativeDeviation(_ trajectory: CarTrajectory, horizon: Int) -> Double {
    var total = 0.0
    for t in 1...horizon {
        if t < trajectory.states.count {
            total += min(abs(trajectory.states[t].offset), offRoadCost)
        } else if trajectory.terminated {
            total += offRoadCost
        }
    }
    return total
}

/// The mean J(T) over episodes for each horizon.
func meanDeviation(_ trajectories: [CarTrajectory], horizons: [Int]) -> [Double] {
    horizons.map { T in trajectories.map { cumulativeDeviation($0, horizon: T) }.reduce(0, +) / Double(max(trajectories.count, 1)) }
}

/// The least-squares slope of log y against log x.
func logLogSlope(x: [Double], y: [Double]) -> Double {
    let lx = x.map { log($0) }, ly = y.map { log(max($0, 1e-12)) }
    let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
    let covariance = zip(lx, ly).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    let variance = lx.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
    return covariance / variance
}

/// The lateral offsets a policy's car occupies over the first `horizon` steps of each episode; a
/// car that left the road stays where it left it.
func visitedOffsets(_ trajectories: [CarTrajectory], horizon: Int) -> [Double] {
    var offsets: [Double] = []
    for trajectory in trajectories {
        for t in 0..<horizon {
            let state = trajectory.states[min(t, trajectory.states.count - 1)]
            offsets.append(state.offset)
        }
    }
    return offsets
}

/// Counts of `values` in `bins` equal bins over `range` (values outside go to the end bins).
func histogram(_ values: [Double], bins: Int, range: ClosedRange<Double>) -> [Double] {
    var counts = [Double](repeating: 0, count: bins)
    let width = (range.upperBound - range.lowerBound) / Double(bins)
    for value in values {
        let index = Int(((value - range.lowerBound) / width).rounded(.down))
        counts[min(max(index, 0), bins - 1)] += 1
    }
    return counts
}

/// Runs one seed: demonstration, behavior cloning, DAgger, and evaluation of the three policies.
func runCompoundingSeed(_ k: Int, settings: CompoundingSettings, set: ExerciseSet, baseSeed: UInt64,
                        evaluationSeed: UInt64) throws -> CompoundingSeed {
    let longest = settings.horizons.max() ?? 300
    let car = LaneKeepingCar(maxEpisodeSteps: longest)
    let expert = LaneKeepingExpert(for: car)
    let demonstrator = LaneKeepingExpert(for: car, knobs: ExpertKnobs(noise: settings.demonstrationNoise))
    let demonstrations = try Rollout.run(car, expert: demonstrator, episodes: settings.demonstrations,
                                         seed: RandomSource.derivedSeed(base: 0, index: k, stride: 100), maxSteps: settings.demonstrationSteps)
    let dataset = try ImitationDataset(trajectories: demonstrations)
    let lap = LaneKeepingCar()   // 300 steps, about one lap: the return of each DAgger round

    var rng = RandomSource(seed: RandomSource.derivedSeed(base: baseSeed, index: k))
    var bcRNG = rng.split()
    let bc = try BehaviorCloning(configuration: settings.dagger.behaviorCloning, formulas: set.behaviorCloning)
        .train(on: dataset, actionLow: car.actionSpace.low, actionHigh: car.actionSpace.high, rng: &bcRNG).policy

    var daggerRNG = rng.split()
    var returns: [Double] = []
    let dagger = DAgger(configuration: settings.dagger, behaviorCloning: set.behaviorCloning,
                        distributionShift: set.distributionShift)
    let result = try dagger.run(demonstrations: dataset, in: car, expert: expert, rng: &daggerRNG) { _, policy in
        let episodes = try policy.evaluate(in: lap, episodes: settings.iterationEvaluationEpisodes, seed: evaluationSeed)
        returns.append(try episodes.map { try set.behaviorCloning.discountedReturn(rewards: $0.rewards, discount: 1) }
            .reduce(0, +) / Double(episodes.count))
    }
    let n = settings.evaluationEpisodes
    return CompoundingSeed(
        demonstrations: demonstrations,
        expert: try Rollout.run(car, expert: expert, episodes: n, seed: evaluationSeed),
        behaviorCloning: try bc.evaluate(in: car, episodes: n, seed: evaluationSeed),
        dagger: try result.policy.evaluate(in: car, episodes: n, seed: evaluationSeed),
        daggerReturns: returns, daggerIterations: result.iterations)
}

/// The experiment's summary over seeds.
struct CompoundingSummary {
    var horizons: [Int]
    /// Mean J(T) over seeds and episodes, per policy.
    var expertDeviation: [Double], bcDeviation: [Double], daggerDeviation: [Double]
    /// Log-log slopes of J(T).
    var expertSlope: Double, bcSlope: Double, daggerSlope: Double
    /// The fraction of evaluation episodes that left the road within the longest horizon.
    var bcOffRoad: Double, daggerOffRoad: Double, expertOffRoad: Double

    init(_ seeds: [CompoundingSeed], horizons: [Int]) {
        self.horizons = horizons
        func pooled(_ pick: (CompoundingSeed) -> [CarTrajectory]) -> [CarTrajectory] { seeds.flatMap(pick) }
        expertDeviation = meanDeviation(pooled(\.expert), horizons: horizons)
        bcDeviation = meanDeviation(pooled(\.behaviorCloning), horizons: horizons)
        daggerDeviation = meanDeviation(pooled(\.dagger), horizons: horizons)
        let x = horizons.map(Double.init)
        expertSlope = logLogSlope(x: x, y: expertDeviation)
        bcSlope = logLogSlope(x: x, y: bcDeviation)
        daggerSlope = logLogSlope(x: x, y: daggerDeviation)
        func offRoad(_ t: [CarTrajectory]) -> Double { Double(t.filter(\.terminated).count) / Double(max(t.count, 1)) }
        expertOffRoad = offRoad(pooled(\.expert))
        bcOffRoad = offRoad(pooled(\.behaviorCloning))
        daggerOffRoad = offRoad(pooled(\.dagger))
    }
}
