// The lesson's figures.
import Environments
import Foundation
import Numerics
import Plotting

let expertColor = Color.black, bcColor = Color.vermillion, daggerColor = Color.blue

/// Draws a path through `states` as a plain line (width and style chosen by the caller).
func drawLine(_ states: [LaneKeepingCar.State], on car: LaneKeepingCar, into axes: inout Axes, label: String?, color: Color,
              width: Double, style: LineStyle = .solid) {
    let points = states.map { car.track.position(at: $0.arcLength, offset: $0.offset) }
    axes.line(x: points.map(\.x), y: points.map(\.y), label: label, color: color, style: style, width: width)
}

/// The three policies' paths from one start, drawn on the whole track.
func trackFigure(expert: CarTrajectory, bc: CarTrajectory, dagger: CarTrajectory, demonstrations: [CarTrajectory],
                 steps: Int) -> Figure {
    let car = LaneKeepingCar()
    var axes = Axes()
    car.drawTrack(into: &axes)
    for (i, demonstration) in demonstrations.enumerated() {
        drawLine(demonstration.states, on: car, into: &axes, label: i == 0 ? "demonstration" : nil,
                 color: Color.green.withAlpha(0.45), width: 7)
    }
    drawLine(Array(dagger.states.prefix(steps + 1)), on: car, into: &axes, label: "DAgger", color: daggerColor, width: 2.5)
    drawLine(Array(expert.states.prefix(steps + 1)), on: car, into: &axes, label: "expert π*", color: expertColor,
             width: 1.2, style: .dashed)
    car.drawPath(Array(bc.states.prefix(steps + 1)), into: &axes, label: "behavior cloning", color: bcColor)
    let start = car.track.position(at: expert.states[0].arcLength, offset: expert.states[0].offset)
    axes.scatter(x: [start.x], y: [start.y], label: "start", color: .black, size: 7, marker: .diamond, opacity: 1)
    axes.title = "One lap from the same start (the BC car leaves the road at ×)"
    axes.legend = .outsideRight
    var figure = Figure(width: 9, height: 6.2)
    figure[0, 0] = axes
    return figure
}

/// Histograms of the lateral offset: expert against a learner, with the total-variation distance.
func visitationPanel(expert: [Double], learner: [Double], learnerLabel: String, color: Color, distance: Double,
                     range: ClosedRange<Double>, bins: Int) -> Axes {
    var axes = Axes()
    let halfWidth = LaneKeepingCar().laneHalfWidth
    for side in [-1.0, 1.0] {
        let inner = side * halfWidth, outer = side * range.upperBound
        axes.polygon(x: [inner, outer, outer, inner], y: [1e-3, 1e-3, 30, 30], fill: Color.lightGray.withAlpha(0.5), stroke: nil,
                     label: side < 0 ? "off the road" : nil)
    }
    axes.histogram(values: expert, bins: bins, range: range, density: true, label: "expert π*", color: expertColor)
    axes.histogram(values: learner, bins: bins, range: range, density: true, label: learnerLabel, color: color)
    axes.yScale = .log
    axes.yLimits = 1e-3...30
    axes.xLimits = range
    axes.xLabel = "lateral offset d (m)"
    axes.yLabel = "density of visited states"
    axes.title = String(format: "expert vs %@: TV = %.3f", learnerLabel, distance)
    axes.legend = .upperLeft
    return axes
}

/// J(T) against T on log-log axes, with guides ∝ T and ∝ T².
func horizonFigure(_ summary: CompoundingSummary) -> Figure {
    var axes = Axes()
    let x = summary.horizons.map(Double.init)
    axes.line(x: x, y: summary.expertDeviation, label: String(format: "expert π* (slope %.2f)", summary.expertSlope),
              color: expertColor, marker: .square)
    axes.line(x: x, y: summary.bcDeviation, label: String(format: "behavior cloning (slope %.2f)", summary.bcSlope),
              color: bcColor, width: 2, marker: .circle)
    axes.line(x: x, y: summary.daggerDeviation, label: String(format: "DAgger (slope %.2f)", summary.daggerSlope),
              color: daggerColor, width: 2, marker: .triangle)
    let linear = summary.expertDeviation[0] / x[0], quadratic = summary.bcDeviation[0] / (x[0] * x[0])
    axes.line(x: x, y: x.map { linear * $0 }, label: "∝ T", color: .gray, style: .dotted, width: 1)
    axes.line(x: x, y: x.map { quadratic * $0 * $0 }, label: "∝ T^2", color: .gray, style: .dashDot, width: 1)
    axes.xScale = .log
    axes.yScale = .log
    axes.xTicks = x
    axes.xLabel = "horizon T (steps)"
    axes.yLabel = "J(T) = Σ_{t≤T} |d_t| (m·steps)"
    axes.title = "Cumulative deviation from the centre line"
    axes.legend = .upperLeft
    axes.grid = true
    var figure = Figure(width: 7.5, height: 5)
    figure[0, 0] = axes
    return figure
}

/// The learner's return after each DAgger round (mean ± std over seeds), with the expert dashed.
func daggerFigure(returns: [[Double]], expert: Double) -> Figure {
    let rounds = returns[0].indices.map(Double.init)
    let statistics = rounds.indices.map { i in meanAndStandardDeviation(of: returns.map { $0[i] }) }
    let means = statistics.map(\.mean), spreads = statistics.map(\.std)
    var axes = Axes()
    axes.band(x: rounds, center: means, spread: spreads, color: daggerColor, label: "± std over seeds")
    axes.line(x: rounds, y: means, label: "DAgger learner π̂_i", color: daggerColor, width: 2, marker: .circle)
    axes.horizontalLine(y: expert, label: "expert π*", color: expertColor)
    axes.text("round 0 = behavior cloning", at: (0.15, means[0]), anchor: .left, color: .gray)
    axes.xTicks = rounds
    axes.xLabel = "DAgger round i"
    axes.yLabel = "return over one lap (300 steps)"
    axes.title = "DAgger: return of the learner after each round"
    axes.legend = .lowerRight
    axes.grid = true
    var figure = Figure(width: 7.5, height: 4.5)
    figure[0, 0] = axes
    return figure
}

/// The obstacle scene: demonstrations on both sides, the squared-error policy into the obstacle,
/// the mixture policy around it. `small`: for a slide or a column, no legend (the caption names every
/// element), so that the wide scene keeps the figure's width.
func obstacleFigure(_ seed: ObstacleSeed, scene: ObstacleScene, shown: Int, small: Bool = false) -> Figure {
    let car = scene.car
    var axes = Axes()
    car.drawTrack(into: &axes, obstacleArcLength: car.track.wrapped(scene.startArcLength + scene.obstacleDistance))
    let demonstrations = Array(seed.leftDemonstrations.prefix(shown)) + Array(seed.rightDemonstrations.prefix(shown))
    for (i, t) in demonstrations.enumerated() {
        drawLine(t.states, on: car, into: &axes, label: i == 0 ? "demonstrations (left and right experts)" : nil,
                 color: Color.green.withAlpha(0.35), width: 6)
    }
    for (i, t) in seed.squaredError.prefix(shown).enumerated() {
        car.drawPath(t.states, into: &axes, label: i == 0 ? "BC, squared error (× = collision)" : nil, color: .purple)
    }
    for (i, t) in seed.mixture.prefix(shown).enumerated() {
        car.drawPath(t.states, into: &axes, label: i == 0 ? "BC, mixture of 2 Gaussians" : nil, color: daggerColor)
    }
    car.zoom(&axes, to: seed.leftDemonstrations.map(\.states) + seed.rightDemonstrations.map(\.states), margin: 3)
    axes.title = "Passing an obstacle: two experts, two ways"
    axes.legend = small ? .none : .outsideRight
    var figure = Figure(width: 10, height: 4.2)
    figure[0, 0] = axes
    return figure
}
