// The continuous experiment's figures.
import Algorithms
import Plotting

/// The colours of the contenders, the same in every figure.
enum Palette {
    static let behaviour = Color.gray
    static let bc = Color.green
    static let ddpg = Color.blue
    static let bcq = Color.vermillion
    /// BCQ with the constraint removed (the hopper's Φ = 1).
    static let wideBCQ = Color.purple
    static let settings: [BufferSetting: Color] = [.final: .purple, .concurrent: .skyBlue, .imitation: .orange]
}

/// Grouped bars: the final return of the behaviour policy, BC, offline DDPG and BCQ per buffer,
/// mean ± std over seeds.
func returnsFigure(_ results: [SettingResult], seeds: Int) -> Figure {
    var figure = Figure(width: 8.5, height: 4.6)
    let categories = results.map(\.setting.title)
    let series: [(String, Color, (SettingResult) -> (mean: Double, std: Double))] = [
        ("behaviour policy (the buffer's episodes)", Palette.behaviour, { $0.behaviour }),
        ("BC", Palette.bc, { $0.bc }),
        ("offline DDPG (blue)", Palette.ddpg, { $0.ddpg }),
        ("BCQ (Φ = 0.05)", Palette.bcq, { $0.bcq }),
    ]
    for (label, color, value) in series {
        figure.ax.bars(categories: categories, heights: results.map { value($0).mean },
                       errors: seeds > 1 ? results.map { value($0).std } : nil, label: label, color: color)
    }
    figure.ax.yLabel = "return (higher is better)"
    figure.ax.title = "Pendulum, lesson 5's buffers: final return" + (seeds > 1 ? " (mean ± std, \(seeds) seeds)" : "")
    figure.ax.yLimits = -1_800...0
    figure.ax.legend = .lowerLeft
    return figure
}

/// One panel per buffer: the critic's estimate Q(s₀, π(s₀)) (solid) and the true value of the
/// policy (dashed) over gradient updates, for offline DDPG and BCQ. `small`: no legend (the caption
/// names the lines).
func valuesFigure(_ results: [SettingResult], small: Bool = false) -> Figure {
    var figure = Figure(width: 14.5, height: 4.3, rows: 1, columns: results.count)
    figure.title = "Value estimates (solid) against the true discounted return (dashed), mean over seeds"
    for (column, result) in results.enumerated() {
        var axes = Axes()
        for (name, color, path) in [("DDPG", Palette.ddpg, \BufferOutcome.ddpg), ("BCQ", Palette.bcq, \BufferOutcome.bcq)] {
            let curves = result.outcomes.map { $0[keyPath: path] }
            let estimate = CurveStatistics.estimatedValues(curves), truth = CurveStatistics.trueValues(curves)
            let x = estimate.updates.map(Double.init)
            axes.line(x: x, y: estimate.mean, label: "\(name) estimate", color: color, width: 2)
            axes.band(x: x, center: estimate.mean, spread: estimate.standardDeviation, color: color)
            axes.line(x: truth.updates.map(Double.init), y: truth.mean, label: "\(name) true value", color: color,
                      style: .dashed, width: 2)
        }
        axes.horizontalLine(y: 0, color: .gray, style: .dotted, width: 1)
        axes.title = result.setting.title
        axes.xLabel = "gradient updates"
        if column == 0 { axes.yLabel = "Q(s_0, π(s_0)) and true value" }
        axes.legend = column == results.count - 1 && !small ? .outsideRight : .none
        figure[0, column] = axes
    }
    return figure
}

/// The Φ sweep: final return, overestimation and distance from the generative model against Φ,
/// one bar per buffer. `small`: for a slide or a column, the bars are labelled by Φ's value alone and
/// only the middle panel has a legend (the caption names the left panel's line).
func phiFigure(_ sweep: [SweepSummary], ddpg: [SettingResult], small: Bool = false) -> Figure {
    var figure = Figure(width: 13.5, height: 4.4, rows: 1, columns: 3)
    figure.title = "How far BCQ may move from its generative model: Φ from 0 (imitate it) to 2 (any action, like DDPG)"
    let phis = Array(Set(sweep.map(\.maxPerturbation))).sorted()
    let categories = phis.map { small ? phiLabel(Double($0)) : "Φ = \(phiLabel(Double($0)))" }
    let panels: [(String, (SweepSummary) -> Double, ((SweepSummary) -> Double)?)] = [
        ("return", { $0.finalReturn.mean }, { $0.finalReturn.std }),
        ("estimate − true value", { $0.overestimation.mean }, { $0.overestimation.std }),
        ("|π(s) − D(s, 0)| (torque)", { $0.distanceFromModel }, nil),
    ]
    for (column, panel) in panels.enumerated() {
        var axes = Axes()
        for setting in BufferSetting.allCases {
            let points = phis.compactMap { phi in sweep.first { $0.setting == setting && $0.maxPerturbation == phi } }
            guard points.count == phis.count else { continue }
            let multipleSeeds = points.contains { $0.finalReturn.std > 0 }
            axes.bars(categories: categories, heights: points.map(panel.1),
                      errors: multipleSeeds ? panel.2.map { f in points.map(f) } : nil,
                      label: setting.title, color: Palette.settings[setting])
        }
        if column == 0 {
            for result in ddpg where result.setting == .imitation {
                axes.horizontalLine(y: result.ddpg.mean, label: "offline DDPG, Imitation", color: Palette.ddpg)
            }
        }
        axes.yLabel = panel.0
        axes.xLabel = "Φ (actions scaled to [−1, 1])"
        axes.legend = column == 0 && !small ? .lowerLeft : (column == 1 ? .upperLeft : .none)
        figure[0, column] = axes
    }
    return figure
}

/// Rows: buffers; columns: probe states. The batch's actions at the states nearest the probe
/// (grey) against samples of the generative model G_ω(probe) (vermilion), and BCQ's action.
///
/// `legend: false` leaves the legend out (a small figure, whose caption names every element).
func vaeFigure(_ results: [SettingResult], legend: Bool = true) -> Figure {
    let rows = results.filter { !($0.outcomes.first?.vaeProbes.isEmpty ?? true) }
    let columns = rows.first?.outcomes.first?.vaeProbes.count ?? 1
    var figure = Figure(width: 12.5, height: 3.1 * Double(max(rows.count, 1)) + 0.6, rows: max(rows.count, 1), columns: columns)
    figure.title = "What the generative model proposes: the batch's torques near a state (grey) and samples of G_ω(s) (vermilion)"
    for (r, result) in rows.enumerated() {
        guard let probes = result.outcomes.first?.vaeProbes else { continue }
        for (c, probe) in probes.enumerated() {
            var axes = Axes()
            axes.histogram(values: probe.batchActions, bins: 24, range: -2...2, density: true, label: "batch, 100 nearest states",
                           color: .gray, opacity: 0.55)
            axes.histogram(values: probe.samples, bins: 24, range: -2...2, density: true, label: "G_ω(s), |z| ≤ 0.5",
                           color: Palette.bcq, opacity: 0.5)
            axes.verticalLine(x: probe.recorded, label: "batch action at s", color: .gray, style: .dotted, width: 1.8)
            axes.verticalLine(x: probe.chosen, label: "BCQ's action", color: .black)
            axes.title = "\(result.setting.title): \(probe.name)"
            axes.xLimits = -2.1...2.1
            if r == rows.count - 1 { axes.xLabel = "torque a" }
            if c == 0 { axes.yLabel = "density" }
            axes.legend = legend && r == rows.count - 1 && c == 0 ? .upperRight : .none
            figure[r, c] = axes
        }
    }
    return figure
}
