// The figures of the orange-and-blue experiment: return curves, value estimates against true
// values, and what each fixed buffer contains.
import Algorithms
import Datasets
import Foundation
import Plotting

/// Orange is drawn in orange and blue in blue, as the lecture names them.
let orangeColor = Color.orange
let blueColor = Color.blue

/// Three panels, one per setting: the return of orange and blue over updates, mean ± std over seeds.
/// `small`: for a slide or a column, no legend (the caption names the colours), so the panels share
/// the width evenly.
func returnCurvesFigure(_ summaries: [SettingSummary], small: Bool = false) -> Figure {
    var figure = Figure(width: 12, height: 3.9, rows: 1, columns: summaries.count)
    figure.title = "Same algorithm (DDPG), same data: orange interacts, blue never does"
    for (column, summary) in summaries.enumerated() {
        var axes = Axes()
        for (curves, color, name) in [(summary.orange, orangeColor, summary.setting == .imitation ? "orange (the expert)" : "orange"),
                                      (summary.blue, blueColor, "blue")] {
            let stats = CurveStatistics.returns(curves)
            let x = stats.updates.map(Double.init)
            axes.band(x: x, center: stats.mean, spread: stats.standardDeviation, color: color)
            axes.line(x: x, y: stats.mean, label: name, color: color, width: 2)
        }
        axes.title = summary.setting.title
        axes.xLabel = "gradient updates"
        if column == 0 { axes.yLabel = "episode return" }
        axes.yLimits = -1800 ... 0
        // On Imitation blue stays low and orange high, so no inside corner is free: the legend
        // goes outside this last panel.
        axes.legend = small ? .none : (summary.setting == .imitation ? .outsideRight : .lowerRight)
        axes.grid = true
        figure[0, column] = axes
    }
    return figure
}

/// Three panels, one per setting: each agent's own estimate Q(s₀, π(s₀)) (solid) against the
/// true discounted value of its policy from the same start states (dashed). `small`: no legend (the
/// caption names the lines).
func valueEstimatesFigure(_ summaries: [SettingSummary], small: Bool = false) -> Figure {
    var figure = Figure(width: 13.5, height: 3.9, rows: 1, columns: summaries.count)
    figure.title = "What each agent believes its policy is worth (solid) and what it is worth (dashed)"
    for (column, summary) in summaries.enumerated() {
        var axes = Axes()
        for (curves, color, name) in [(summary.orange, orangeColor, "orange"), (summary.blue, blueColor, "blue")] {
            let estimate = CurveStatistics.estimatedValues(curves)
            let truth = CurveStatistics.trueValues(curves)
            let x = estimate.updates.map(Double.init)
            axes.band(x: x, center: estimate.mean, spread: estimate.standardDeviation, color: color, opacity: 0.15)
            axes.line(x: x, y: estimate.mean, label: "\(name): Q(s_0, π(s_0))", color: color, width: 2)
            axes.line(x: x, y: truth.mean, label: "\(name): true value", color: color, style: .dashed, width: 1.6)
        }
        axes.horizontalLine(y: 0, color: .gray, style: .dotted, width: 1)
        axes.title = summary.setting.title
        axes.xLabel = "gradient updates"
        if column == 0 { axes.yLabel = "discounted value (γ = 0.99)" }
        axes.legend = column == summaries.count - 1 && !small ? .outsideRight : .none
        axes.grid = true
        figure[0, column] = axes
    }
    return figure
}

/// Three panels, one per buffer of one seed: the pendulum's angle θ against the torque a of every
/// stored transition (a random subset), to see how much of the action range each buffer covers.
func bufferCoverageFigure(_ runs: [SettingRun], seed: UInt64, points: Int = 2_500) -> Figure {
    var figure = Figure(width: 12, height: 3.6, rows: 1, columns: runs.count)
    figure.title = "What the fixed buffers contain (seed \(seed)): angle θ against the torque a of each transition"
    for (column, run) in runs.enumerated() {
        var axes = Axes()
        let data = run.buffer
        let stride = max(1, data.count / points)
        var angles: [Double] = [], torques: [Double] = []
        for i in Swift.stride(from: 0, to: data.count, by: stride) {
            let o = i * data.observationSize
            angles.append(atan2(Double(data.observations[o + 1]), Double(data.observations[o])))
            torques.append(Double(data.actions[i * data.actionSize]))
        }
        axes.scatter(x: angles, y: torques, color: column == 2 ? orangeColor : .gray, size: 2, opacity: 0.5)
        axes.title = "\(run.setting.title): \(data.count) transitions"
        axes.xLabel = "angle θ (rad, 0 = upright)"
        if column == 0 { axes.yLabel = "torque a" }
        axes.xLimits = -Double.pi ... Double.pi
        axes.yLimits = -2.2 ... 2.2
        figure[0, column] = axes
    }
    return figure
}
