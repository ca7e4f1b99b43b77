// The lesson's figures, drawn from the sweeps' results.
import Algorithms
import Environments
import Foundation
import Plotting

/// The running mean of `values` over `window` points.
func smoothed(_ values: [Double], window: Int) -> [Double] {
    var result: [Double] = []
    var sum = 0.0
    for (i, value) in values.enumerated() {
        sum += value
        if i >= window { sum -= values[i - window] }
        result.append(sum / Double(min(i + 1, window)))
    }
    return result
}

/// Seed 0's training loss for a few numbers of demonstrations, on a log axis.
func lossPanel(_ result: SweepResult, title: String, counts: [Int]) -> Axes {
    var axes = Axes()
    let colors: [Color] = [.vermillion, .orange, .green, .blue, .purple]
    for (i, count) in counts.enumerated() {
        guard let curve = result.lossCurves[count] else { continue }
        let steps = curve.indices.map { Double($0 + 1) }
        axes.line(x: steps, y: smoothed(curve, window: 25).map { max($0, 1e-7) },
                  label: "\(count) demo\(count == 1 ? "" : "s")", color: colors[i % colors.count], width: 1.6)
    }
    axes.yScale = .log
    axes.xLabel = "Adam step"
    axes.yLabel = "minibatch loss L_{BC}(θ)"
    axes.title = title
    axes.grid = true
    return axes
}

/// The return against the number of demonstrations: mean ± std band over seeds, the expert dashed.
func returnPanel(_ result: SweepResult, title: String, yLabel: String) -> Axes {
    var axes = Axes()
    let x = result.demonstrationCounts.map(Double.init)
    let means = result.mean(result.returns), spreads = result.standardDeviation(result.returns)
    axes.band(x: x, center: means, spread: spreads, color: .blue, label: "BC ± std over seeds")
    axes.line(x: x, y: means, label: "BC (mean)", color: .blue, width: 2, marker: .circle)
    axes.horizontalLine(y: result.expertMeanReturn, label: "expert π*", color: .black)
    axes.xScale = .log
    axes.xTicks = x
    axes.xLabel = "number of demonstrations"
    axes.yLabel = yLabel
    axes.title = title
    axes.legend = .lowerRight
    axes.grid = true
    return axes
}

/// The angle (0 = upright) of a Pendulum observation [cos θ, sin θ, θ̇].
func pendulumAngle(_ observation: [Float]) -> Double {
    atan2(Double(observation[1]), Double(observation[0]))
}

/// A policy's torque over the action figure's grid of angle × angular velocity (rows: velocities).
func torqueGrid(_ action: ([Float]) -> Float) -> [[Double]] {
    let angles = stride(from: -Double.pi, through: Double.pi, by: Double.pi / 40).map { $0 }
    let velocities = stride(from: -8.0, through: 8.0, by: 0.25).map { $0 }
    return velocities.map { v in
        angles.map { theta in Double(action([Float(cos(theta)), Float(sin(theta)), Float(v)])) }
    }
}

/// A heat map of a policy's torque over angle × angular velocity (``torqueGrid(_:)``), optionally
/// with the states it learned from as dots.
func actionPanel(title: String, values: [[Double]], demonstrations: [[Float]]?) -> Axes {
    var axes = Axes()
    axes.heatMap(values: values, xRange: -Double.pi...Double.pi, yRange: -8...8, colorMap: .blueWhiteRed,
                 colorBarLabel: "torque a (N·m)", valueRange: -2...2)
    if let demonstrations {
        axes.scatter(x: demonstrations.map(pendulumAngle), y: demonstrations.map { Double($0[2]) },
                     color: .black, size: 1.6, opacity: 0.7)
    }
    axes.xLabel = "angle θ (rad, 0 = upright)"
    axes.yLabel = "angular velocity θ̇ (rad/s)"
    axes.xLimits = -Double.pi...Double.pi
    axes.yLimits = -8...8
    axes.title = title
    axes.legend = .none
    return axes
}
