// The figures of lesson 4, built from the experiment's results.
import Algorithms
import Environments
import Foundation
import Plotting

/// Return against the number of demonstrations: BC and GAIL (mean ± std over seeds), expert dashed.
func returnVersusDemonstrationsFigure(counts: [Int], bc: [(mean: Double, std: Double)], gail: [(mean: Double, std: Double)],
                                      expert: Double, seeds: Int, gailSteps: Int) -> Figure {
    var figure = Figure(width: 6.4, height: 4.2)
    var ax = Axes()
    let x = counts.map(Double.init)
    ax.band(x: x, center: bc.map(\.mean), spread: bc.map(\.std), color: .vermillion)
    ax.line(x: x, y: bc.map(\.mean), label: "behavior cloning (0 env. steps)", color: .vermillion, marker: .square)
    ax.band(x: x, center: gail.map(\.mean), spread: gail.map(\.std), color: .blue)
    ax.line(x: x, y: gail.map(\.mean), label: "GAIL (\(gailSteps.formatted()) env. steps)", color: .blue, marker: .circle)
    ax.horizontalLine(y: expert, label: "expert", color: .black, style: .dashed)
    ax.xScale = .log
    ax.xTicks = x
    ax.xLabel = "expert trajectories N (50 steps each)"
    ax.yLabel = "return (300-step episodes)"
    ax.title = "Return vs number of demonstrations (mean ± std, \(seeds) seeds)"
    ax.yLimits = min(0, (bc + gail).map { $0.mean - $0.std }.min() ?? 0)...(expert * 1.12)
    ax.legend = .lowerRight
    ax.grid = true
    figure.ax = ax
    return figure
}

/// GAIL's evaluation return against environment steps (mean ± std over seeds) for some N.
func learningCurveFigure(curves: [(count: Int, x: [Double], mean: [Double], std: [Double])],
                         bcAtZero: [(count: Int, value: Double)], expert: Double, seeds: Int) -> Figure {
    var figure = Figure(width: 6.4, height: 4.2)
    var ax = Axes()
    let colors: [Color] = [.blue, .green, .purple]
    for (index, curve) in curves.enumerated() {
        let color = colors[index % colors.count]
        ax.band(x: curve.x, center: curve.mean, spread: curve.std, color: color)
        ax.line(x: curve.x, y: curve.mean, label: "GAIL, N = \(curve.count)", color: color, width: 1.8)
    }
    for (index, bc) in bcAtZero.enumerated() {
        ax.scatter(x: [0], y: [bc.value], label: "BC, N = \(bc.count) (at 0 steps)", color: index == 0 ? .vermillion : .orange,
                   size: 7, marker: .square)
    }
    ax.horizontalLine(y: expert, label: "expert", color: .black, style: .dashed)
    ax.xLabel = "environment steps"
    ax.yLabel = "evaluation return"
    ax.title = "GAIL learning curve (mean ± std, \(seeds) seeds)"
    ax.yLimits = 0...(expert * 1.12)
    ax.legend = .lowerRight
    ax.grid = true
    figure.ax = ax
    return figure
}

/// Mean D on expert pairs and on the policy's pairs over training (mean ± std over seeds), for
/// runs with different numbers of demonstrations (solid: the first, dashed: the others).
func discriminatorFigure(series: [(count: Int, expert: (x: [Double], mean: [Double], std: [Double]),
                                   policy: (x: [Double], mean: [Double], std: [Double]))], seeds: Int) -> Figure {
    var figure = Figure(width: 6.4, height: 4.0)
    var ax = Axes()
    for (index, s) in series.enumerated() {
        let style: LineStyle = index == 0 ? .solid : .dashed
        ax.band(x: s.expert.x, center: s.expert.mean, spread: s.expert.std, color: .black)
        ax.line(x: s.expert.x, y: s.expert.mean, label: "D on expert pairs, N = \(s.count)", color: .black, style: style, width: 1.8)
        ax.band(x: s.policy.x, center: s.policy.mean, spread: s.policy.std, color: .blue)
        ax.line(x: s.policy.x, y: s.policy.mean, label: "D on the policy's pairs, N = \(s.count)", color: .blue, style: style,
                width: 1.8)
    }
    ax.horizontalLine(y: 0.5, label: "D = 1/2 (cannot tell)", color: .gray, style: .dotted)
    ax.xLabel = "environment steps"
    ax.yLabel = "mean discriminator output D(s, a)"
    ax.title = "The discriminator during GAIL (\(seeds) seeds)"
    ax.yLimits = 0...1
    ax.legend = .outsideRight
    figure.width = 8.4
    ax.grid = true
    figure.ax = ax
    return figure
}

/// The track with one demonstration set and the paths of BC and GAIL from the same start.
func pathsFigure(track: Track, demonstrations: [Path], bc: Path, gail: Path, count: Int) -> Figure {
    var figure = Figure(width: 8.4, height: 4.8)
    var ax = Axes()
    let samples = stride(from: 0.0, through: track.length, by: track.length / 400).map { $0 }
    for (offset, label) in [(2.5, "lane edges (|d| = 2.5 m)"), (-2.5, nil)] as [(Double, String?)] {
        let edge = samples.map { track.position(at: $0, offset: offset) }
        ax.line(x: edge.map(\.x), y: edge.map(\.y), label: label, color: .gray, width: 1)
    }
    let centre = samples.map { track.position(at: $0, offset: 0) }
    ax.line(x: centre.map(\.x), y: centre.map(\.y), label: "centre line", color: .lightGray, style: .dashed, width: 1)
    for (index, demo) in demonstrations.enumerated() {
        ax.line(x: demo.x, y: demo.y, label: index == 0 ? "demonstration\(demonstrations.count > 1 ? "s" : "")" : nil,
                color: .black, width: 3.5)
    }
    ax.line(x: bc.x, y: bc.y, label: "behavior cloning", color: .vermillion, width: 1.6)
    ax.line(x: gail.x, y: gail.y, label: "GAIL", color: .blue, width: 1.6)
    if let x = bc.x.first, let y = bc.y.first {
        ax.scatter(x: [x], y: [y], label: "start", color: .black, size: 7, marker: .circle)
    }
    if let x = bc.x.last, let y = bc.y.last {
        ax.scatter(x: [x], y: [y], label: "BC's last position", color: .vermillion, size: 8, marker: .cross)
    }
    ax.aspect = .equal
    ax.xLabel = "x (m)"
    ax.yLabel = "y (m)"
    ax.title = "One evaluation episode, N = \(count) demonstration\(count > 1 ? "s" : "")"
    ax.legend = .outsideRight
    figure.ax = ax
    return figure
}

/// Training episode length against environment steps for the two reward forms.
func rewardSignFigure(penalty: (x: [Double], mean: [Double], std: [Double]),
                      bonus: (x: [Double], mean: [Double], std: [Double]), count: Int, seeds: Int) -> Figure {
    var figure = Figure(width: 6.4, height: 4.0)
    var ax = Axes()
    ax.band(x: bonus.x, center: bonus.mean, spread: bonus.std, color: .blue)
    ax.line(x: bonus.x, y: bonus.mean, label: "r = −log(1 − D)  (survival bonus)", color: .blue, width: 1.8)
    ax.band(x: penalty.x, center: penalty.mean, spread: penalty.std, color: .vermillion)
    ax.line(x: penalty.x, y: penalty.mean, label: "r = log D  (per-step penalty)", color: .vermillion, width: 1.8)
    ax.horizontalLine(y: 300, label: "time limit", color: .gray, style: .dotted)
    ax.xLabel = "environment steps"
    ax.yLabel = "training episode length (steps)"
    ax.title = "The reward's sign on a task that can end early (N = \(count), \(seeds) seed\(seeds > 1 ? "s" : ""))"
    ax.yLimits = 0...330
    ax.legend = .outsideRight
    figure.width = 8.8
    figure.ax = ax
    return figure
}

/// GAIL's evaluation return against environment steps with PPO and with REINFORCE.
func learnerFigure(ppo: (x: [Double], mean: [Double], std: [Double]), reinforce: (x: [Double], mean: [Double], std: [Double]),
                   expert: Double, count: Int, seeds: Int) -> Figure {
    var figure = Figure(width: 6.4, height: 4.0)
    var ax = Axes()
    ax.band(x: ppo.x, center: ppo.mean, spread: ppo.std, color: .blue)
    ax.line(x: ppo.x, y: ppo.mean, label: "PPO (clipped surrogate, GAE)", color: .blue, width: 1.8)
    ax.band(x: reinforce.x, center: reinforce.mean, spread: reinforce.std, color: .green)
    ax.line(x: reinforce.x, y: reinforce.mean, label: "REINFORCE with a baseline", color: .green, width: 1.8)
    ax.horizontalLine(y: expert, label: "expert", color: .black, style: .dashed)
    ax.xLabel = "environment steps"
    ax.yLabel = "evaluation return"
    ax.title = "GAIL's policy learner (N = \(count), \(seeds) seed\(seeds > 1 ? "s" : ""))"
    ax.yLimits = 0...(expert * 1.12)
    ax.legend = .lowerRight
    ax.grid = true
    figure.ax = ax
    return figure
}
