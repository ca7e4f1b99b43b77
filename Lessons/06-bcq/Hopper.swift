// BCQ on the hopper: lesson 5's hopper buffers again (the same configuration and seeds rebuild them,
// and lesson 5's blue, offline DDPG, with them), with BCQ and behavior cloning trained on each.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

/// The hopper buffers lesson 6 compares on: lesson 5's Imitation buffer (the expert's transitions) at
/// every setting; its Final buffer (a DDPG agent's whole training run with N(0, 0.5) exploration) and its
/// Concurrent buffer (the same with N(0, 0.1), blue training on it as it grew) without `--quick`, like
/// lesson 5's Final (at `--quick`'s 20 000 steps blue's estimate on Final is only 1.4–1.7 times its true
/// value: nothing to fix).
enum HopperBuffer: CaseIterable, Sendable {
    case imitation, final, concurrent

    /// Lesson 5's part that builds this buffer and trains its blue.
    var part: FixedBufferPart {
        switch self {
        case .imitation: .imitation
        case .final: .final
        case .concurrent: .concurrent
        }
    }

    /// BCQ's updates on this buffer (behavior cloning takes as many steps). Imitation: 6 000, measured on
    /// 4 seeds (notes/hopper-study.md): returns 1 600–2 600 against the expert's 2 350. `--quick` takes as many:
    /// with 4 000 (tried in session 16 for the quick course's time) 6.hopperImitation and 6.hopperPhi still held on
    /// the 30 quick runs of ROBUSTNESS.md, but the tightest by 1 % and 0 % (Sandybridge, base seed 9: BCQ 1 829 ± 299),
    /// against 31 % at 6 000. Final: 12 000, where
    /// over 12 seeds per kernel BCQ's estimate had climbed to about two thirds of its true value (at 6 000,
    /// a third) and its return had levelled; Concurrent as many as Final. At the paper's scale, as many as
    /// offline DDPG's.
    func bcqUpdates(_ budget: HopperBudget) -> Int {
        budget == .paper ? FixedBufferExperimentConfiguration.hopper(.paper).offlineUpdates
            : self == .imitation ? 6_000 : 12_000
    }

    /// How often BCQ is evaluated.
    func bcqEvaluationInterval(_ budget: HopperBudget) -> Int {
        budget == .paper ? 5_000 : self == .imitation ? 1_000 : 2_000
    }

    /// BCQ's configuration: the lesson's (the paper's constants, 64–64 networks, 10 candidates when
    /// acting), or at the paper's scale the paper's own (400–300, a 750–750 VAE, 100 candidates).
    func learnerConfiguration(_ budget: HopperBudget) -> BCQConfiguration {
        budget == .paper ? BCQConfiguration(maxPerturbation: 0.05) : bcqConfiguration(maxPerturbation: 0.05)
    }

    /// BCQ with Φ = 1 on the same buffer, whose perturbation can move each torque of a proposal by up to 1, half
    /// the action range (from a proposal in the middle, anywhere): the constraint removed, everything else the same (the expert's buffer only: the lesson's Φ sweep on
    /// the hopper). Measured with `hopper-study --bcq-phi 1`, 8 seeds per kernel: returns of 21–49 on
    /// average, offline DDPG's level, where Φ = 0.05 kept 2 300–2 500 (notes/hopper-study.md, phase 7).
    func wideLearnerConfiguration(_ budget: HopperBudget) -> BCQConfiguration? {
        guard self == .imitation else { return nil }
        var configuration = learnerConfiguration(budget)
        configuration.maxPerturbation = wideMaxPerturbation
        return configuration
    }

    /// Whether this buffer runs at `budget`.
    func runs(_ budget: HopperBudget) -> Bool { self == .imitation || budget != .quick }

    /// The key of its per-seed runs (`--seeds` shards and `--merge`).
    var runKey: String {
        switch self {
        case .imitation: "hopper-comparison"
        case .final: "hopper-final"
        case .concurrent: "hopper-concurrent"
        }
    }

    /// Who filled the buffer, for tables and legends.
    var filler: String {
        switch self {
        case .imitation: "the expert"
        case .final: "orange (DDPG, N(0, 0.5) exploration)"
        case .concurrent: "orange (DDPG, N(0, 0.1) exploration)"
        }
    }

    /// The buffer's name in titles.
    var title: String {
        switch self {
        case .imitation: "The hopper's expert buffer"
        case .final: "The hopper's Final buffer"
        case .concurrent: "The hopper's Concurrent buffer"
        }
    }
}

/// The Φ of the hopper's wide BCQ (``HopperBuffer/wideLearnerConfiguration(_:)``).
let wideMaxPerturbation: Float = 1

/// The hopper's budget for this run: `--quick`, the default, or `--scale paper`.
func hopperBudget(_ context: LessonContext) -> HopperBudget {
    HopperBudget(quick: context.quick, paperScale: context.scale == .paper)
}

/// One seed's hopper comparison: the agent that filled the buffer, offline DDPG (lesson 5's blue), BCQ
/// and BC on one buffer.
struct HopperOutcome: Sendable, Codable {
    /// The seed (lesson 5's).
    let seed: UInt64
    /// Transitions in the buffer.
    let transitions: Int
    /// The agent that filled the buffer: the expert's one evaluation, drawn flat, or orange's training
    /// curve on Final.
    let expert: EvaluationCurve
    /// Lesson 5's blue on this buffer.
    let ddpg: EvaluationCurve
    /// BCQ with Φ = 0.05 on the same buffer.
    let bcq: EvaluationCurve
    /// Behavior cloning on the same buffer, evaluated once.
    let bc: EvaluationPoint
    /// BCQ with Φ = 1 on the same buffer, with the same seed and updates (the expert's buffer only).
    var wideBCQ: EvaluationCurve? = nil
    /// How far each trained BCQ acts from the buffer (``actionDistance(_:buffer:seed:)``): Φ = 0.05's and,
    /// with the wide BCQ, Φ = 1's.
    var bcqDistance: Double? = nil
    var wideDistance: Double? = nil
}

/// 500 of the buffer's transitions drawn with `seed` (fewer in a smaller buffer, with repeats): their indices and
/// their states, one per row. The Φ sweep and ``actionDistance(_:buffer:seed:)`` measure BCQ's actions on them.
func sampledStates(of buffer: TransitionDataset, seed: UInt64) -> (rows: [Int], states: Matrix) {
    var rng = RandomSource(seed: seed)
    let d = buffer.observationSize
    let rows = (0..<min(500, buffer.count)).map { _ in rng.index(below: buffer.count) }
    return (rows, Matrix(rows: rows.count, cols: d, values: rows.flatMap { buffer.observations[($0 * d)..<($0 * d + d)] }))
}

/// The mean over 500 of the buffer's states (drawn with `seed`) of |π(s) − a|, averaged over the action's
/// coordinates, where a is the action the buffer holds at s: on the expert's buffer, how far a trained
/// policy acts from the expert, in torque units (the hopper's torques lie in [−1, 1]).
func actionDistance(_ bcq: BCQ, buffer: TransitionDataset, seed: UInt64) throws -> Double {
    let k = buffer.actionSize
    let (rows, states) = sampledStates(of: buffer, seed: seed)
    let chosen = try bcq.selectActions(for: states).scalars
    var total = 0.0
    for (r, row) in rows.enumerated() {
        for j in 0..<k { total += Double(abs(chosen[r * k + j] - buffer.actions[row * k + j])) }
    }
    return total / Double(rows.count * k)
}

/// Rebuilds lesson 5's hopper `buffer` and blue for each seed, then trains BCQ and BC on the buffer;
/// one job per seed over the machine's cores, through `context.perSeed`.
func runHopperComparison(_ buffer: HopperBuffer, context: LessonContext, formulas: ExerciseSet) throws -> [HopperOutcome] {
    let budget = hopperBudget(context)
    let configuration = FixedBufferExperimentConfiguration.hopper(budget)
    let count = context.seedCount(budget.seedCount)
    let seeds = FixedBufferExperimentConfiguration.seeds(base: context.seed, count: count)
    let part = buffer.part, updates = buffer.bcqUpdates(budget)
    let wide = buffer.wideLearnerConfiguration(budget)
    let bcqRuns = wide == nil ? 1 : 2
    let unitsPerSeed = part.workUnits(configuration) + 5 * updates * bcqRuns
    return try context.perSeed(buffer.runKey, count: count) { indices in
        if budget == .paper {   // what the run will cost, before it starts
            let cost = try HopperCost.measure(configuration: configuration, bcq: buffer.learnerConfiguration(budget),
                                              offPolicy: formulas.offPolicyLearning,
                                              batchConstrained: formulas.batchConstrained, seed: context.seed)
            let perSeed = cost.lessonFiveSeconds(configuration, settings: part.settings)
                + Double(bcqRuns) * cost.bcqSeconds(updates: updates, evaluationInterval: buffer.bcqEvaluationInterval(budget),
                                                    configuration)
            context.print(HopperCost.estimate(perSeed: perSeed, seeds: indices.count)
                          + " (Behavior cloning's steps are not counted.)")
        }
        let bar = context.progress(total: unitsPerSeed * indices.count, label: "hopper: lesson 5's buffer, then BCQ and BC")
        let tally = WorkTally(count: indices.count)
        let outcomes = try parallelMap(indices.count) { job in
            let seed = seeds[indices[job]]
            var reported = 0
            let run = try runFixedBufferPart(part, seed: seed, configuration: configuration, environment: Hopper(),
                                             formulas: formulas.offPolicyLearning, progress: { u in
                guard u - reported >= 256 else { return }
                reported = u
                bar.update(tally.set(job, u))
            })[0]
            let done = part.workUnits(configuration)
            bar.update(tally.set(job, done))
            let evaluator = try lessonFiveEvaluator(seed: seed, configuration: configuration, environment: Hopper(),
                                                    formulas: formulas.offPolicyLearning)
            let bcqSeed = RandomSource.derivedSeed(base: seed, index: 1, stride: 11_000)
            let bcq = try trainBCQ(on: run.buffer, configuration: buffer.learnerConfiguration(budget), updates: updates,
                                   evaluationInterval: buffer.bcqEvaluationInterval(budget), evaluator: evaluator,
                                   formulas: formulas.batchConstrained, seed: bcqSeed,
                                   progress: { u in if u % 250 == 0 { bar.update(tally.set(job, done + 5 * u)) } })
            // The same BCQ, seed and updates with the constraint removed (Φ = 1): only Φ differs.
            let wideBCQ = try wide.map { configuration in
                try trainBCQ(on: run.buffer, configuration: configuration, updates: updates,
                             evaluationInterval: buffer.bcqEvaluationInterval(budget), evaluator: evaluator,
                             formulas: formulas.batchConstrained, seed: bcqSeed,
                             progress: { u in if u % 250 == 0 { bar.update(tally.set(job, done + 5 * (updates + u))) } })
            }
            let distanceSeed = RandomSource.derivedSeed(base: seed, offset: 99)
            let distances = try wideBCQ.map { trained in
                (try actionDistance(bcq.bcq, buffer: run.buffer, seed: distanceSeed),
                 try actionDistance(trained.bcq, buffer: run.buffer, seed: distanceSeed))
            }
            let bc = try trainBehaviorCloning(on: run.buffer, steps: updates, evaluator: evaluator,
                                              formulas: formulas.behaviorCloning,
                                              seed: RandomSource.derivedSeed(base: seed, index: 1, stride: 13_000))
            return HopperOutcome(seed: seed, transitions: run.buffer.count, expert: run.orange, ddpg: run.blue!,
                                 bcq: bcq.curve, bc: bc, wideBCQ: wideBCQ?.curve, bcqDistance: distances?.0,
                                 wideDistance: distances?.1)
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
    /// What results.json keeps of the hopper comparison on `buffer`.
    init(_ outcomes: [HopperOutcome], buffer: HopperBuffer, budget: HopperBudget) {
        self.init(seeds: outcomes.count, transitions: outcomes.first?.transitions ?? 0, bcqUpdates: buffer.bcqUpdates(budget),
                  expertReturnPerSeed: outcomes.map { finalOfSeries($0.expert.returns) },
                  ddpgReturnPerSeed: outcomes.map { finalOfSeries($0.ddpg.returns) },
                  ddpgEstimatePerSeed: outcomes.map { finalOfSeries($0.ddpg.estimatedValues) },
                  ddpgTruthPerSeed: outcomes.map { finalOfSeries($0.ddpg.trueValues) },
                  bcqReturnPerSeed: outcomes.map { finalOfSeries($0.bcq.returns) },
                  bcReturnPerSeed: outcomes.map(\.bc.averageReturn),
                  bcqEstimatePerSeed: outcomes.map { finalOfSeries($0.bcq.estimatedValues) },
                  bcqTruthPerSeed: outcomes.map { finalOfSeries($0.bcq.trueValues) },
                  wideBCQ: Self.wideBCQ(outcomes, updates: buffer.bcqUpdates(budget)))
    }

    /// The wide BCQ's numbers when every seed trained one.
    private static func wideBCQ(_ outcomes: [HopperOutcome], updates: Int) -> WideBCQ? {
        let curves = outcomes.compactMap(\.wideBCQ)
        guard !curves.isEmpty, curves.count == outcomes.count else { return nil }
        // Offline DDPG's last evaluation at or before the BCQs' last update.
        let ddpgPoints = outcomes.map { outcome in outcome.ddpg.updates.lastIndex { $0 <= updates } }
        return WideBCQ(maxPerturbation: Double(wideMaxPerturbation),
                       returnPerSeed: curves.map { finalOfSeries($0.returns) },
                       estimatePerSeed: curves.map { finalOfSeries($0.estimatedValues) },
                       truthPerSeed: curves.map { finalOfSeries($0.trueValues) },
                       constrainedDistancePerSeed: outcomes.map { $0.bcqDistance ?? .nan },
                       distancePerSeed: outcomes.map { $0.wideDistance ?? .nan },
                       ddpgEstimateAtSameUpdatesPerSeed: zip(outcomes, ddpgPoints).map { o, i in i.map { o.ddpg.estimatedValues[$0] } ?? .nan },
                       ddpgTruthAtSameUpdatesPerSeed: zip(outcomes, ddpgPoints).map { o, i in i.map { o.ddpg.trueValues[$0] } ?? .nan })
    }
}

/// The comparison's table (final returns and, for offline DDPG and BCQ, estimate against true value)
/// and what the run shows, in numbers.
func showHopperComparison(_ recorded: Lesson06Results.HopperComparison, buffer: HopperBuffer,
                          context: LessonContext) throws {
    var table = Table("\(buffer.title) (\(recorded.transitions) transitions): final return, mean ± std over "
                      + "\(recorded.seeds) seeds (last 3 evaluations); estimate Q(s₀, π(s₀)) and true value, means",
                      columns: ["agent", .init("return", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("estimate", format: .fixed(0)), .init("true value", format: .fixed(0))])
    func mean(_ values: [Double]) -> Double { SeedComparison.mean(values) }
    for (name, values) in [(buffer.filler, recorded.expertReturnPerSeed), ("behavior cloning", recorded.bcReturnPerSeed)] {
        let stats = meanAndStandardDeviation(of: values)
        try table.addRow(name, stats.mean, stats.std, Table.Cell.empty, Table.Cell.empty)
    }
    for (name, returns, estimates, truths) in [
        ("offline DDPG (lesson 5's blue)", recorded.ddpgReturnPerSeed, recorded.ddpgEstimatePerSeed, recorded.ddpgTruthPerSeed),
        ("BCQ, Φ = 0.05", recorded.bcqReturnPerSeed, recorded.bcqEstimatePerSeed, recorded.bcqTruthPerSeed)] {
        let stats = meanAndStandardDeviation(of: returns)
        try table.addRow(name, stats.mean, stats.std, mean(estimates), mean(truths))
    }
    if let wide = recorded.wideBCQ {
        let stats = meanAndStandardDeviation(of: wide.returnPerSeed)
        try table.addRow("BCQ, Φ = \(phiLabel(wide.maxPerturbation)) (the constraint removed)", stats.mean, stats.std,
                         mean(wide.estimatePerSeed), mean(wide.truthPerSeed))
    }
    context.show(table)
    context.markdown(String(format: """
        **What this run shows.** After %d updates BCQ's return is %.0f against offline DDPG's %.0f (after lesson 5's \
        updates) and %.0f for %@; behavior cloning reaches %.0f. BCQ's estimate of its own policy is %.0f against a \
        true value of %.0f (%@); offline DDPG's is %.0f against %.0f (%@). Means over seeds; the ratios are the \
        medians over seeds of estimate / true value.
        """, recorded.bcqUpdates, mean(recorded.bcqReturnPerSeed), mean(recorded.ddpgReturnPerSeed),
        mean(recorded.expertReturnPerSeed), buffer.filler, mean(recorded.bcReturnPerSeed), mean(recorded.bcqEstimatePerSeed),
        mean(recorded.bcqTruthPerSeed), ratioWords(recorded.bcqEstimatePerSeed, recorded.bcqTruthPerSeed),
        mean(recorded.ddpgEstimatePerSeed), mean(recorded.ddpgTruthPerSeed),
        ratioWords(recorded.ddpgEstimatePerSeed, recorded.ddpgTruthPerSeed)))
}

/// "2.9 times its true value" or "0.55 times…": the median over seeds of estimate / truth, or what
/// stands in for it when a true value is not positive (a hopper that falls at once).
func ratioWords(_ estimates: [Double], _ truths: [Double]) -> String {
    let median = medianRatio(estimates, truths)
    guard !median.isNaN else { return "no seed's policy has a positive true value" }
    let n = zip(estimates, truths).filter { $0.1 > 0 }.count
    let skipped = estimates.count - n
    return String(format: median >= 10 ? "%.0f times it" : "%.2g times it", median)
        + (skipped > 0 ? ", over the \(n) seeds whose true value is positive" : "")
}

/// Top: return over gradient updates of the agent that filled the buffer (the expert, flat; orange on
/// Final, over its own updates), offline DDPG and BCQ on one of the hopper's buffers, mean ± std over
/// seeds (each agent at its own update counts), and BC's final return as a point with its spread at
/// BCQ's last update. Bottom, on a log scale: offline DDPG's and BCQ's estimate Q(s₀, π(s₀)) (solid)
/// against the true value of their policies (dashed), means over seeds. `small` (a slide or a
/// column): no legend, the caption names the colours.
func hopperComparisonFigure(_ outcomes: [HopperOutcome], buffer: HopperBuffer, budget: HopperBudget,
                            small: Bool = false) -> Figure {
    var figure = Figure(width: 7.5, height: 7.4, rows: 2, columns: 1)
    figure.title = "\(buffer.title): BCQ, offline DDPG and BC"
    var returns = Axes(), values = Axes()
    let updates = buffer.bcqUpdates(budget)
    let filler = buffer == .imitation ? "the expert, which filled the buffer" : "orange, which filled the buffer"
    let wide = outcomes.compactMap(\.wideBCQ)
    let wideName = "BCQ, Φ = \(phiLabel(Double(wideMaxPerturbation)))"
    var contenders = [(outcomes.map(\.expert), Color.orange, filler),
                      (outcomes.map(\.ddpg), Palette.ddpg, "offline DDPG (lesson 5's blue)"),
                      (outcomes.map(\.bcq), Palette.bcq, "BCQ, Φ = 0.05")]
    if wide.count == outcomes.count, !wide.isEmpty { contenders.append((wide, Palette.wideBCQ, wideName)) }
    for (curves, color, name) in contenders {
        let stats = CurveStatistics.returns(curves)
        let x = stats.updates.map(Double.init)
        returns.band(x: x, center: stats.mean, spread: stats.standardDeviation, color: color)
        returns.line(x: x, y: stats.mean, label: name, color: color, width: 2)
    }
    let bc = meanAndStandardDeviation(of: outcomes.map(\.bc.averageReturn))
    returns.scatter(x: [Double(updates)], y: [bc.mean], label: "behavior cloning (after \(updates) steps)",
                    color: Palette.bc, size: 8)
    returns.line(x: [Double(updates), Double(updates)], y: [bc.mean - bc.std, bc.mean + bc.std],
                 color: Palette.bc, width: 1.5)
    returns.yLabel = "episode return"
    returns.legend = small ? .none : .outsideRight
    returns.grid = true
    var critics = [(outcomes.map(\.ddpg), Palette.ddpg, "offline DDPG"), (outcomes.map(\.bcq), Palette.bcq, "BCQ")]
    if wide.count == outcomes.count, !wide.isEmpty { critics.append((wide, Palette.wideBCQ, wideName)) }
    for (curves, color, name) in critics {
        let x = CurveStatistics.returns(curves).updates.map(Double.init)
        values.line(x: x, y: CurveStatistics.estimatedValues(curves).mean, label: "\(name): Q(s_0, π(s_0))",
                    color: color, width: 2)
        values.line(x: x, y: CurveStatistics.trueValues(curves).mean, label: "\(name): true value", color: color,
                    style: .dashed, width: 1.6)
    }
    values.xLabel = "gradient updates"
    values.yLabel = small ? "value (log)" : "discounted value (γ = 0.99, log)"
    values.yScale = .log
    values.legend = small ? .none : .outsideRight
    values.grid = true
    figure[0, 0] = returns
    figure[1, 0] = values
    return figure
}
