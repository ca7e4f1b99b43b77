// The orange-and-blue experiment of lesson 5: its budgets, the runs over seeds, and the summary
// numbers the text, the tables, results.json and the claim tests use.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// The experiment's budgets, full or quick (`--quick`): `FixedBufferExperimentConfiguration.pendulum`
/// in the library, so that lesson 6 rebuilds exactly these buffers.
func experimentConfiguration(quick: Bool) -> FixedBufferExperimentConfiguration {
    .pendulum(quick: quick)
}

/// The hidden-layer widths of every DDPG network in the lesson (Fujimoto et al. use 400 and 300;
/// 64 and 64 learn Pendulum as well and train about ten times faster).
let hiddenWidths = FixedBufferExperimentConfiguration.pendulum(quick: false).agent.actorHiddenSizes

/// The number of seeds of the experiment.
/// (The quick setting's 4 are the fewest with which the claims clear two standard errors over seeds
/// on 29 or more of 30 runs; with 2, one poorly trained orange decides them.)
func experimentSeedCount(quick: Bool) -> Int { quick ? 4 : 5 }

/// One setting's outcome over all seeds.
struct SettingSummary: Sendable {
    /// Which buffer.
    let setting: BufferSetting
    /// Orange's curves, one per seed.
    let orange: [EvaluationCurve]
    /// Blue's curves, one per seed.
    let blue: [EvaluationCurve]

    /// The "final" value of a series: the mean of its last `tail` points (NaN for an empty series:
    /// the hopper's expert has no critic, so no estimates).
    static func final(_ series: [Double], tail: Int = 3) -> Double {
        let end = series.suffix(tail)
        return end.isEmpty ? .nan : end.reduce(0, +) / Double(end.count)
    }

    /// Mean and standard deviation over seeds of each seed's final return.
    func finalReturn(_ agent: KeyPath<SettingSummary, [EvaluationCurve]>) -> (mean: Double, std: Double) {
        meanAndStandardDeviation(of: self[keyPath: agent].map { Self.final($0.returns) })
    }

    /// Each seed's final return.
    func finalReturnPerSeed(_ agent: KeyPath<SettingSummary, [EvaluationCurve]>) -> [Double] {
        self[keyPath: agent].map { Self.final($0.returns) }
    }

    /// Each seed's final value estimate minus its final true value.
    func overestimationPerSeed(_ agent: KeyPath<SettingSummary, [EvaluationCurve]>) -> [Double] {
        self[keyPath: agent].map { Self.final($0.estimatedValues) - Self.final($0.trueValues) }
    }

    /// Mean over seeds of the final value estimate and of the final true value.
    func finalValues(_ agent: KeyPath<SettingSummary, [EvaluationCurve]>) -> (estimate: Double, truth: Double) {
        let curves = self[keyPath: agent]
        return (meanAndStandardDeviation(of: curves.map { Self.final($0.estimatedValues) }).mean,
                meanAndStandardDeviation(of: curves.map { Self.final($0.trueValues) }).mean)
    }
}

extension SettingSummary {
    /// What results.json keeps of this setting; `valuesPerSeed` adds each seed's final estimate and
    /// true value (the hopper's, compared as a ratio).
    func recorded(valuesPerSeed: Bool = false) -> Lesson05Results.Setting {
        .init(orange: recorded(\.orange, valuesPerSeed: valuesPerSeed), blue: recorded(\.blue, valuesPerSeed: valuesPerSeed))
    }

    /// What results.json keeps of one agent: its final numbers and its mean curves (an agent without
    /// a critic, the hopper's expert, gets NaN estimates).
    func recorded(_ agent: KeyPath<SettingSummary, [EvaluationCurve]>, valuesPerSeed: Bool = false) -> Lesson05Results.Agent {
        let curves = self[keyPath: agent], returns = finalReturn(agent), values = finalValues(agent)
        let returnCurve = CurveStatistics.returns(curves)
        let hasCritic = curves.allSatisfy { $0.estimatedValues.count == $0.updates.count }
        var recorded = Lesson05Results.Agent(
            finalReturn: .init(mean: returns.mean, standardDeviation: returns.std),
            finalReturnPerSeed: finalReturnPerSeed(agent), finalValue: .init(estimate: values.estimate, truth: values.truth),
            overestimationPerSeed: overestimationPerSeed(agent), updates: returnCurve.updates,
            returnCurve: returnCurve.mean,
            estimateCurve: hasCritic ? CurveStatistics.estimatedValues(curves).mean : returnCurve.updates.map { _ in .nan },
            truthCurve: CurveStatistics.trueValues(curves).mean)
        if valuesPerSeed {
            recorded.finalEstimatePerSeed = curves.map { Self.final($0.estimatedValues) }
            recorded.finalTruthPerSeed = curves.map { Self.final($0.trueValues) }
        }
        return recorded
    }
}

/// Runs the three settings for every seed, in parallel over the machine's cores (each seed's Final
/// and its Concurrent-then-Imitation as two jobs), with a
/// progress bar; returns the per-seed runs (buffers included) and the summaries. The seeds go
/// through `context.perSeed`, so a shard (`--seeds`) runs its own and a merge (`--merge`) reads them.
func runOrangeAndBlue(context: LessonContext, formulas: any OffPolicyExercises)
    throws -> (runs: [[SettingRun]], summaries: [SettingSummary]) {
    let configuration = experimentConfiguration(quick: context.quick)
    let count = context.seedCount(experimentSeedCount(quick: context.quick))
    let seeds = FixedBufferExperimentConfiguration.seeds(base: context.seed, count: count)
    let unitsPerSeed = configuration.workUnits()
    let runs = try context.perSeed("orange-and-blue", count: count) { indices in
        let bar = context.progress(total: unitsPerSeed * indices.count, label: "orange and blue, \(indices.count) seeds")
        let runs = try runFixedBufferExperiments(seeds: indices.map { seeds[$0] }, configuration: configuration,
                                                 environment: Pendulum(), formulas: formulas, progress: { bar.update($0) })
        bar.finish()
        return runs
    }
    let summaries = BufferSetting.allCases.enumerated().map { i, setting in
        SettingSummary(setting: setting, orange: runs.map { $0[i].orange }, blue: runs.map { $0[i].blue! })
    }
    return (runs, summaries)
}
