// BCQ on the hopper: lesson 5's hopper Imitation buffer again (the same configuration and seeds
// rebuild it, and lesson 5's blue, offline DDPG, with it), with BCQ and behavior cloning trained on it.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

/// BCQ's updates on the hopper's expert buffer, and how often it is evaluated. Measured at 6 000
/// updates on 4 seeds (notes/hopper-study.md): returns 1 600–2 600 against the expert's 2 350.
let hopperBCQUpdates = 6_000, hopperBCQEvaluationInterval = 1_000

/// The number of seeds of the hopper comparison (lesson 5's hopper seeds).
func hopperSeedCount(quick: Bool) -> Int { 4 }

/// One seed's hopper comparison: the expert, offline DDPG (lesson 5's blue), BCQ and BC on one buffer.
struct HopperOutcome: Sendable, Codable {
    /// The seed (lesson 5's).
    let seed: UInt64
    /// Transitions in the expert's buffer.
    let transitions: Int
    /// The expert's evaluation, drawn flat.
    let expert: EvaluationCurve
    /// Lesson 5's blue on this buffer.
    let ddpg: EvaluationCurve
    /// BCQ with Φ = 0.05 on the same buffer.
    let bcq: EvaluationCurve
    /// Behavior cloning on the same buffer, evaluated once.
    let bc: EvaluationPoint
}

/// Rebuilds lesson 5's hopper Imitation buffer and blue for each seed, then trains BCQ and BC on the
/// buffer; one job per seed over the machine's cores, through `context.perSeed`.
func runHopperComparison(context: LessonContext, formulas: ExerciseSet) throws -> [HopperOutcome] {
    let configuration = FixedBufferExperimentConfiguration.hopper(quick: context.quick)
    let count = context.seedCount(hopperSeedCount(quick: context.quick))
    let seeds = FixedBufferExperimentConfiguration.seeds(base: context.seed, count: count)
    let unitsPerSeed = FixedBufferPart.imitation.workUnits(configuration) + 5 * hopperBCQUpdates
    return try context.perSeed("hopper-comparison", count: count) { indices in
        let bar = context.progress(total: unitsPerSeed * indices.count, label: "hopper: lesson 5's buffer, then BCQ and BC")
        let tally = WorkTally(count: indices.count)
        let outcomes = try parallelMap(indices.count) { job in
            let seed = seeds[indices[job]]
            let run = try runFixedBufferPart(.imitation, seed: seed, configuration: configuration, environment: Hopper(),
                                             formulas: formulas.offPolicyLearning)[0]
            let done = FixedBufferPart.imitation.workUnits(configuration)
            bar.update(tally.set(job, done))
            let evaluator = try lessonFiveEvaluator(seed: seed, configuration: configuration, environment: Hopper(),
                                                    formulas: formulas.offPolicyLearning)
            let bcq = try trainBCQ(on: run.buffer, maxPerturbation: 0.05, updates: hopperBCQUpdates,
                                   evaluationInterval: hopperBCQEvaluationInterval, evaluator: evaluator,
                                   formulas: formulas.batchConstrained,
                                   seed: RandomSource.derivedSeed(base: seed, index: 1, stride: 11_000),
                                   progress: { u in if u % 250 == 0 { bar.update(tally.set(job, done + 5 * u)) } })
            let bc = try trainBehaviorCloning(on: run.buffer, steps: hopperBCQUpdates, evaluator: evaluator,
                                              formulas: formulas.behaviorCloning,
                                              seed: RandomSource.derivedSeed(base: seed, index: 1, stride: 13_000))
            return HopperOutcome(seed: seed, transitions: run.buffer.count, expert: run.orange, ddpg: run.blue!,
                                 bcq: bcq.curve, bc: bc)
        }
        bar.finish()
        return outcomes
    }
}

/// The mean of the last three points of a series (NaN for an empty one), as lesson 5 reports "final".
func finalOfSeries(_ series: [Double]) -> Double {
    let end = series.suffix(3)
    return end.isEmpty ? .nan : end.reduce(0, +) / Double(end.count)
}

extension Lesson06Results.HopperComparison {
    /// What results.json keeps of the hopper comparison.
    init(_ outcomes: [HopperOutcome]) {
        self.init(seeds: outcomes.count, transitions: outcomes.first?.transitions ?? 0, bcqUpdates: hopperBCQUpdates,
                  expertReturnPerSeed: outcomes.map { finalOfSeries($0.expert.returns) },
                  ddpgReturnPerSeed: outcomes.map { finalOfSeries($0.ddpg.returns) },
                  bcqReturnPerSeed: outcomes.map { finalOfSeries($0.bcq.returns) },
                  bcReturnPerSeed: outcomes.map(\.bc.averageReturn),
                  bcqEstimatePerSeed: outcomes.map { finalOfSeries($0.bcq.estimatedValues) },
                  bcqTruthPerSeed: outcomes.map { finalOfSeries($0.bcq.trueValues) })
    }
}

/// Return over gradient updates of the expert (flat), offline DDPG and BCQ on the hopper's expert
/// buffer, mean ± std over seeds (each agent at its own update counts), and BC's final return as a
/// point with its spread at BCQ's last update. `small` (a slide or a column): no legend, the caption
/// names the colours.
func hopperComparisonFigure(_ outcomes: [HopperOutcome], small: Bool = false) -> Figure {
    var figure = Figure(width: 7.5, height: 4.2)
    figure.title = "The hopper's expert buffer: BCQ, offline DDPG and BC"
    var axes = Axes()
    for (curves, color, name) in [(outcomes.map(\.expert), Color.orange, "the expert (filled the buffer)"),
                                  (outcomes.map(\.ddpg), Palette.ddpg, "offline DDPG (lesson 5's blue)"),
                                  (outcomes.map(\.bcq), Palette.bcq, "BCQ, Φ = 0.05")] {
        let stats = CurveStatistics.returns(curves)
        let x = stats.updates.map(Double.init)
        axes.band(x: x, center: stats.mean, spread: stats.standardDeviation, color: color)
        axes.line(x: x, y: stats.mean, label: name, color: color, width: 2)
    }
    let bc = meanAndStandardDeviation(of: outcomes.map(\.bc.averageReturn))
    axes.scatter(x: [Double(hopperBCQUpdates)], y: [bc.mean], label: "behavior cloning (after \(hopperBCQUpdates) steps)",
                 color: Palette.bc, size: 8)
    axes.line(x: [Double(hopperBCQUpdates), Double(hopperBCQUpdates)], y: [bc.mean - bc.std, bc.mean + bc.std],
              color: Palette.bc, width: 1.5)
    axes.xLabel = "gradient updates"
    axes.yLabel = "episode return"
    axes.legend = small ? .none : .outsideRight
    axes.grid = true
    figure[0, 0] = axes
    return figure
}
