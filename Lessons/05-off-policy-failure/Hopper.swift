// The orange-and-blue experiment on the hopper (the kit's Hopper-v4 on MuJoCo), where Fujimoto et
// al. ran it: the same library function as on Pendulum, another environment and configuration.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics
import Plotting

/// The hopper experiment's configuration: `FixedBufferExperimentConfiguration.hopper` in the library.
func hopperConfiguration(_ budget: HopperBudget) -> FixedBufferExperimentConfiguration {
    .hopper(budget)
}

/// The buffers the hopper runs, in the order of `BufferSetting.allCases`. Final's and Concurrent's claims
/// need 50 000 interacting steps (about 30 s of processor time a seed; at 20 000 blue's estimate on Final
/// is only 1.4–1.7 times its true value, and on Concurrent blue's critic had diverged on some seeds only),
/// so `--quick` runs the expert's buffer alone: the only hopper claim it decides (5.hopperImitation).
func hopperSettings(_ budget: HopperBudget) -> [BufferSetting] {
    BufferSetting.allCases.filter { budget != .quick || $0 == .imitation }
}

/// The hopper's budget for this run: `--quick`, the default, or `--scale paper`.
func hopperBudget(_ context: LessonContext) -> HopperBudget {
    HopperBudget(quick: context.quick, paperScale: context.scale == .paper)
}

/// Runs the hopper's settings for every seed over the machine's cores (one job per seed and
/// independent part), with a progress bar, through `context.perSeed` as on Pendulum.
func runHopperOrangeAndBlue(context: LessonContext, formulas: any OffPolicyExercises)
    throws -> (runs: [[SettingRun]], summaries: [SettingSummary]) {
    let budget = hopperBudget(context)
    let configuration = hopperConfiguration(budget)
    let settings = hopperSettings(budget)
    let count = context.seedCount(budget.seedCount)
    let seeds = FixedBufferExperimentConfiguration.seeds(base: context.seed, count: count)
    let unitsPerSeed = FixedBufferPart.parts(for: settings, configuration).reduce(0) { $0 + $1.workUnits(configuration) }
    let runs = try context.perSeed("hopper-orange-and-blue", count: count) { indices in
        if budget == .paper {   // what the run will cost, before it starts
            let cost = try HopperCost.measure(configuration: configuration, bcq: nil, offPolicy: formulas,
                                              batchConstrained: nil, seed: context.seed)
            context.print(HopperCost.estimate(perSeed: cost.lessonFiveSeconds(configuration, settings: settings),
                                              seeds: indices.count))
        }
        let bar = context.progress(total: unitsPerSeed * indices.count, label: "hopper, \(indices.count) seeds")
        let runs = try runFixedBufferExperiments(seeds: indices.map { seeds[$0] }, configuration: configuration,
                                                 environment: Hopper(), formulas: formulas, settings: settings,
                                                 progress: { bar.update($0) })
        bar.finish()
        return runs
    }
    let summaries = settings.enumerated().map { i, setting in
        SettingSummary(setting: setting, orange: runs.map { $0[i].orange }, blue: runs.map { $0[i].blue! })
    }
    return (runs, summaries)
}

/// Two rows of panels, one column per buffer: the return of orange and blue over blue's updates
/// (mean ± std over seeds), Imitation first, and below, on a log scale, each agent's estimate Q(s₀, π(s₀)) (solid)
/// against the true discounted value of its policy (dashed), means over seeds. The expert has no
/// critic: only its true value is drawn.
func hopperFigure(_ summaries: [SettingSummary], small: Bool = false) -> Figure {
    // Imitation first (the setting Pendulum reproduces too), so that the last column, which carries
    // the legends, has orange's critic.
    let order: [BufferSetting] = [.imitation, .concurrent, .final]
    let summaries = summaries.sorted { order.firstIndex(of: $0.setting)! < order.firstIndex(of: $1.setting)! }
    var figure = Figure(width: 4.2 * Double(summaries.count) + 1.6, height: 7.4, rows: 2, columns: summaries.count)
    figure.title = "The hopper: same algorithm (DDPG), same data; orange interacts, blue never does"
    for (column, summary) in summaries.enumerated() {
        let expert = summary.setting == .imitation
        var returns = Axes(), values = Axes()
        for (curves, color, name) in [(summary.orange, orangeColor, expert ? "orange (the expert)" : "orange"),
                                      (summary.blue, blueColor, "blue")] {
            let stats = CurveStatistics.returns(curves)
            let x = stats.updates.map(Double.init)
            returns.band(x: x, center: stats.mean, spread: stats.standardDeviation, color: color)
            returns.line(x: x, y: stats.mean, label: name, color: color, width: 2)
            let truth = CurveStatistics.trueValues(curves)
            if curves.allSatisfy({ $0.estimatedValues.count == $0.updates.count }) {
                values.line(x: x, y: CurveStatistics.estimatedValues(curves).mean, label: "\(name): Q(s_0, π(s_0))",
                            color: color, width: 2)
            }
            values.line(x: x, y: truth.mean, label: "\(name): true value", color: color, style: .dashed, width: 1.6)
        }
        returns.title = summary.setting.title
        if column == 0 { returns.yLabel = small ? "return" : "episode return" }
        returns.legend = small || column != summaries.count - 1 ? .none : .outsideRight
        returns.grid = true
        values.xLabel = "gradient updates"
        values.yScale = .log
        if column == 0 { values.yLabel = small ? "value (log)" : "discounted value (γ = 0.99, log)" }
        values.legend = small || column != summaries.count - 1 ? .none : .outsideRight
        values.grid = true
        figure[0, column] = returns
        figure[1, column] = values
    }
    return figure
}
