// The figures of lesson 7, built from the runs' summaries.
import Algorithms
import Environments
import ExerciseAPI
import Plotting
import Numerics

/// Short names of variants for legends and bar labels.
@MainActor
func ablationLabels(_ variants: [RewardMixingVariant]) -> [String] {
    variants.map { variant in
        if variant.name == settings.withoutStarts.name { return "no demo starts" }
        if variant.name == settings.unmasked.name { return "sees pusher" }
        if variant.name == settings.unmaskedWithoutStarts.name { return "sees pusher, no starts" }
        if variant.name == settings.unscaled.name { return "c = 1" }
        switch variant.imitationWeight {
        case 0: return "λ = 0 (no GAIL reward, demo starts only)"
        case 1: return "λ = 1 (no task)"
        default: return "recipe, λ = \(ExperimentSettings.format(variant.imitationWeight))"
        }
    }
}

/// Final success and steps to success against λ, with the demonstrator's and the designed controller's.
func lambdaSensitivityFigure(sweep: [VariantSummary], expert: SuccessStatistics, designed: SuccessStatistics) throws -> Figure {
    var figure = Figure(width: 10, height: 4, rows: 1, columns: 2)
    figure.title = "Sensitivity to the mix r = λ·r_{GAIL} + (1 − λ)·r_{task}"
    let lambdas = sweep.map { Double($0.variant.imitationWeight) }

    var success = Axes()
    let final = sweep.map { meanAndStandardDeviation(of: $0.finalSuccess) }
    success.band(x: lambdas, lower: final.map { max($0.mean - $0.std, 0) }, upper: final.map { min($0.mean + $0.std, 1) },
                 color: .blue, label: "± std over seeds")
    success.line(x: lambdas, y: final.map(\.mean), label: "mixed agent", color: .blue, width: 2, marker: .circle)
    success.horizontalLine(y: expert.successRate, label: "demonstrator", color: .vermillion)
    success.xLabel = "imitation weight λ"
    success.yLabel = "success rate"
    success.yLimits = -0.02...1.45
    success.yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    success.xLimits = -0.03...1.03
    success.title = "Success of the final policy"
    success.legend = .upperRight
    figure[0, 0] = success

    var speed = Axes()
    let withSteps = sweep.filter { !$0.stepsToSuccess.isEmpty }
    let steps = withSteps.map { meanAndStandardDeviation(of: $0.stepsToSuccess) }
    let x = withSteps.map { Double($0.variant.imitationWeight) }
    if !x.isEmpty {
        speed.band(x: x, lower: steps.map { max($0.mean - $0.std, 0) }, upper: steps.map { $0.mean + $0.std }, color: .blue)
        speed.line(x: x, y: steps.map(\.mean), label: "mixed agent", color: .blue, width: 2, marker: .circle)
    }
    speed.horizontalLine(y: expert.meanStepsToSuccess, label: "demonstrator", color: .vermillion)
    speed.horizontalLine(y: designed.meanStepsToSuccess, label: "designed controller", color: .gray, style: .dotted)
    speed.xLabel = "imitation weight λ"
    speed.yLabel = "steps to success"
    speed.xLimits = -0.03...1.03
    speed.yLimits = 0...(max(expert.meanStepsToSuccess, steps.map { $0.mean + $0.std }.max() ?? 0) * 1.6)
    speed.title = "Speed of the successful episodes"
    speed.legend = .upperRight
    figure[0, 1] = speed
    return figure
}

/// Mean and standard error over seeds (the spread the claims compare against).
func meanAndStandardError(of values: [Double]) -> (mean: Double, std: Double) {
    (SeedComparison.mean(values), SeedComparison.standardError(values))
}

/// Bars of final success and of success along training for the recipe and its ablations, with
/// error bars of ± one standard error over seeds.
func ablationFigure(bars: [VariantSummary], labels: [String], expert: SuccessStatistics) -> Figure {
    var figure = Figure(width: 11, height: 4.2, rows: 1, columns: 2)
    figure.title = "Ablations of the recipe (demo starts, block-only discriminator, c = 1/(1 − γ))"
    var final = Axes()
    let finals = bars.map { meanAndStandardError(of: $0.finalSuccess) }
    final.bars(categories: labels, heights: finals.map(\.mean), errors: finals.map(\.std), color: .blue)
    labelBars(&final, finals)
    final.horizontalLine(y: expert.successRate, label: "demonstrator", color: .vermillion)
    final.yLabel = "success rate"
    final.yLimits = 0...1.4
    final.yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    final.title = "Final success"
    final.legend = .upperRight
    figure[0, 0] = final

    var along = Axes()
    let alongs = bars.map { meanAndStandardError(of: $0.successAlongTraining) }
    along.bars(categories: labels, heights: alongs.map(\.mean), errors: alongs.map(\.std), color: .green)
    labelBars(&along, alongs)
    along.yLabel = "mean success along training"
    along.yLimits = 0...1.4
    along.yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    along.title = "How soon it learned (area under the curve)"
    figure[0, 1] = along
    return figure
}

/// Writes each bar's mean on it (at the foot of a tall bar, above the error bar of a short one), so
/// that bars of height 0 are seen too and no number meets an error bar.
func labelBars(_ axes: inout Axes, _ values: [(mean: Double, std: Double)]) {
    for (index, value) in values.enumerated() {
        let text = String(format: "%.2f", value.mean)
        if value.mean >= 0.2 && value.mean - value.std >= 0.12 {
            axes.text(text, at: (Double(index), 0.03), anchor: .bottom, color: .white, size: 9)
        } else {
            axes.text(text, at: (Double(index), min(value.mean + value.std + 0.03, 1.3)), anchor: .bottom, color: .gray, size: 9)
        }
    }
}

/// Success along training for a few variants, mean ± std over seeds.
func learningCurvesFigure(curves: [VariantSummary], labels: [String], expert: SuccessStatistics) -> Figure {
    var figure = Figure(width: 8, height: 4.8)
    var axes = Axes()
    let colors: [Color] = [.blue, .orange, .vermillion, .green, .purple, .skyBlue]
    for (index, summary) in curves.enumerated() {
        let curve = summary.curve
        let steps = curve.steps.map { $0 / 1_000 }
        let color = colors[index % colors.count]
        axes.band(x: steps, lower: zip(curve.mean, curve.std).map { max($0 - $1, 0) },
                  upper: zip(curve.mean, curve.std).map { min($0 + $1, 1) }, color: color, opacity: 0.15)
        axes.line(x: steps, y: curve.mean, label: labels[index], color: color, width: 1.8)
    }
    axes.horizontalLine(y: expert.successRate, label: "demonstrator", color: .black)
    axes.xLabel = "environment steps (thousands)"
    axes.yLabel = "success rate from the start states"
    axes.yLimits = -0.02...1.05
    axes.title = "Learning curves (mean ± std over seeds)"
    axes.legend = .upperLeft
    figure[0, 0] = axes
    return figure
}

/// The table, the goal and paths of the demonstrator and of the agent from the same start states.
func pathsFigure(environment: BlockPushing, expert: [[BlockPushing.State]], agent: [[BlockPushing.State]],
                 expertTitle: String, agentTitle: String) -> Figure {
    var figure = Figure(width: 10, height: 5, rows: 1, columns: 2)
    figure.title = "Block pushing from the same start states"
    let colors: [Color] = [.blue, .orange, .green, .vermillion, .purple, .skyBlue]
    for (column, (paths, title)) in [(expert, expertTitle), (agent, agentTitle)].enumerated() {
        var axes = Axes()
        environment.drawTable(into: &axes)
        for (index, states) in paths.enumerated() {
            environment.drawPath(states, into: &axes, color: colors[index % colors.count])
        }
        axes.title = title
        axes.xLabel = "x"
        axes.yLabel = "y"
        axes.legend = .none
        figure[0, column] = axes
    }
    return figure
}
