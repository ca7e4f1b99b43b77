// The figures of lesson 9: what the policy sees (the figures' style, randomized styles and the
// held-out style, at the policy's resolution), success along training for each critic, and the final
// policies in the held-out style.
import Algorithms
import Datasets
import Environments
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

/// Draws a `size` × `size` RGB image (rows from the top, channels last, values in 0…1) into
/// `axes` with its lower-left corner at (`left`, `bottom`), one unit per pixel: a polygon per
/// pixel, so that every renderer (PNG, SVG, PDF, gnuplot) shows the pixels the policy sees.
func drawImage(_ pixels: [Float], size: Int, into axes: inout Axes, left: Double, bottom: Double) {
    for row in 0..<size {
        for column in 0..<size {
            let i = (row * size + column) * 3
            let color = Color(red: Double(min(max(pixels[i], 0), 1)), green: Double(min(max(pixels[i + 1], 0), 1)),
                              blue: Double(min(max(pixels[i + 2], 0), 1)))
            let x = left + Double(column), y = bottom + Double(size - 1 - row)
            axes.polygon(points: [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)], fill: color, stroke: color,
                         lineWidth: 0.2)
        }
    }
}

/// One row per state; columns: the figures' style, the randomized styles, the held-out style.
/// `images[row][column]` are the rendered pixels.
func observationsFigure(images: [[[Float]]], size: Int, columnTitles: [String]) -> Figure {
    let columns = images.first?.count ?? 0, rows = images.count
    let gap = Double(size) * 0.15, groupGap = Double(size) * 0.45
    func left(_ column: Int) -> Double {
        var x = Double(column) * (Double(size) + gap)
        if column >= 1 { x += groupGap - gap }
        if column >= columns - 1 { x += groupGap - gap }
        return x
    }
    let width = left(columns - 1) + Double(size)
    let height = Double(rows) * Double(size) + Double(rows - 1) * gap
    var figure = Figure(width: 9, height: 9 * (height + Double(size) * 0.5) / width + 0.6, rows: 1, columns: 1)
    figure.title = "What the policy sees: \(size) × \(size) × 3 images"
    var axes = Axes()
    for (row, images) in images.enumerated() {
        let bottom = height - Double(row + 1) * Double(size) - Double(row) * gap
        for (column, pixels) in images.enumerated() {
            drawImage(pixels, size: size, into: &axes, left: left(column), bottom: bottom)
        }
    }
    for (column, title) in columnTitles.enumerated() where !title.isEmpty {
        let x = column == 1 ? left(1) : left(column) + Double(size) / 2
        axes.text(title, at: (x, height + Double(size) * 0.25), anchor: column == 1 ? .left : .center,
                  color: column == columns - 1 ? .vermillion : .black)
    }
    axes.xLimits = -0.5...(width + 0.5)
    axes.yLimits = -0.5...(height + Double(size) * 0.5)
    axes.xTicks = []
    axes.yTicks = []
    axes.aspect = .equal
    axes.legend = .none
    axes.showsSpines = false
    figure[0, 0] = axes
    return figure
}

/// The colour of each agent of the ablation, the same in every figure.
func color(ofAgent id: String) -> Color {
    switch id {
    case AgentVariant.asymmetric.id: .blue
    case AgentVariant.pixelCritic.id: .vermillion
    case AgentVariant.paddleStates.id: .purple
    default: .green
    }
}

/// The name of each agent of the ablation (its id when the lesson does not know it).
func name(ofAgent id: String) -> String { AgentVariant.all.first { $0.id == id }?.name ?? id }

/// The panel title's name of each agent.
func shortName(ofAgent id: String) -> String {
    switch id {
    case AgentVariant.asymmetric.id: "the recipe (asymmetric)"
    case AgentVariant.pixelCritic.id: "critic on pixels"
    case AgentVariant.withoutAuxiliaryTask.id: "no auxiliary task"
    case AgentVariant.paddleStates.id: "paddle's states only"
    default: id
    }
}

/// Success along training: every seed's run as a thin line, the mean over seeds thick, one panel
/// per critic, the threshold dotted.
func successFigure(_ ablation: Lesson09Results.Ablation, small: Bool) -> Figure {
    var figure = Figure(width: 3.2 * Double(ablation.agents.count), height: 4, rows: 1, columns: ablation.agents.count)
    figure.title = "Success from the task's start states along training (\(ablation.seeds.count) seed"
        + (ablation.seeds.count == 1 ? ")" : "s per agent)")
    for (column, agent) in ablation.agents.enumerated() {
        var axes = Axes()
        let x = agent.steps.map { Double($0) / 1_000 }
        let c = color(ofAgent: agent.id)
        for (k, curve) in agent.successPerSeed.enumerated() {
            axes.line(x: x, y: curve, label: k == 0 && agent.successPerSeed.count > 1 ? "one seed" : nil,
                      color: c.withAlpha(agent.successPerSeed.count > 1 ? 0.5 : 1), width: agent.successPerSeed.count > 1 ? 0.8 : 1.8)
        }
        if agent.successPerSeed.count > 1 {
            let columns = x.indices.map { i in agent.successPerSeed.map { $0[i] } }
            let mean = columns.map { $0.reduce(0, +) / Double($0.count) }
            if agent.successPerSeed.count >= 3 {
                // The mean's standard error over seeds, clipped to the rates' range.
                let error = columns.map { SeedComparison(greater: $0, than: 0).standardError }
                axes.band(x: x, lower: zip(mean, error).map { max($0 - $1, 0) }, upper: zip(mean, error).map { min($0 + $1, 1) },
                          color: c, label: "± standard error")
            }
            axes.line(x: x, y: mean, label: "mean over seeds", color: c, width: 2)
        }
        axes.horizontalLine(y: ablation.threshold, label: "threshold", color: .gray, style: .dotted)
        let reached = agent.reachedThreshold.reduce(0, +)
        axes.title = "\(shortName(ofAgent: agent.id)): \(Int(reached)) of \(agent.finalSuccess.count) reach \(ablation.threshold)"
        axes.xLabel = "environment steps (thousands)"
        if column == 0 { axes.yLabel = "success rate" }
        axes.xLimits = 0...max(x.last ?? 1, 1e-9)
        // The same ticks on both panels: a multiple of 1, 2 or 5 that gives about five of them.
        let span = max(x.last ?? 1, 1e-9), rough = span / 5, power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.min { abs(span / $0 - 5) < abs(span / $1 - 5) } ?? rough
        axes.xTicks = Array(stride(from: 0, through: span + 1e-9, by: step))
        axes.yLimits = -0.02...1.02
        axes.grid = true
        axes.legend = small || column > 0 ? .none : .upperLeft
        figure[0, column] = axes
    }
    return figure
}


/// One panel of success rates in several styles: a bar per style for the mean over seeds and one line
/// per seed across the styles (`perSeed[k]` holds seed k's rate in each of `categories`).
func perSeedStylesAxes(categories: [String], perSeed: [[Double]], color c: Color, legend: Bool) -> Axes {
    var axes = Axes()
    axes.bars(categories: categories, heights: categories.indices.map { i in mean(of: perSeed.map { $0[i] }) },
              label: "mean over seeds", color: c.withAlpha(0.35))
    let x = categories.indices.map(Double.init)
    for (seed, values) in perSeed.enumerated() {
        axes.line(x: x, y: values, label: seed == 0 ? "one seed" : nil, color: c, width: 1.2)
        axes.scatter(x: x, y: values, color: c, size: 5)
    }
    axes.yLimits = -0.03...1.02   // a run at 0 keeps its whole marker
    axes.grid = true
    axes.legend = legend ? .upperRight : .none
    return axes
}

/// Each run's final success in the figures' style (where it trained) and in the held-out style: one
/// panel per agent, bars for the means over seeds and one line per seed from the first to the second.
func heldOutFigure(_ ablation: Lesson09Results.Ablation, small: Bool) throws -> Figure {
    var figure = Figure(width: 3.2 * Double(ablation.agents.count), height: 4, rows: 1, columns: ablation.agents.count)
    figure.title = "The final policies in the style they trained in and in the held-out style"
    for (column, agent) in ablation.agents.enumerated() {
        guard let heldOut = agent.heldOutFinalSuccess else {
            throw CellSkipped("these runs did not evaluate the held-out style")
        }
        var axes = perSeedStylesAxes(categories: ["figures' style", "held-out style"],
                                     perSeed: zip(agent.finalSuccess, heldOut).map { [$0, $1] },
                                     color: color(ofAgent: agent.id), legend: !small && column == 0)
        axes.title = shortName(ofAgent: agent.id)
        if column == 0 { axes.yLabel = "final success rate" }
        figure[0, column] = axes
    }
    return figure
}

/// The two embodiments side by side: a few demonstrations of the pusher (the imitator's own body) and
/// of the paddle (another body, states only), each with its block's path (solid), its body's path
/// (dotted) and its body drawn to scale at the end.
func embodimentsFigure(task: PushingTask, pusher: [Trajectory<BlockPushing.State>],
                       paddle: [Trajectory<BlockPushing.State>], shown: Int) -> Figure {
    var figure = Figure(width: 9, height: 4.8, rows: 1, columns: 2)
    figure.title = "The same demonstrator's controller in two bodies (\(shown) episodes each, the same start states)"
    let panels: [(BlockPushing, [Trajectory<BlockPushing.State>], String, Color)] = [
        (task.environment, pusher, "the pusher (the imitator's): states, actions", .blue),
        (task.paddleEnvironment.table, paddle, "a paddle, twice the radius: states only", .purple),
    ]
    for (column, (world, episodes, title, color)) in panels.enumerated() {
        var axes = Axes()
        world.drawTable(into: &axes)
        for (k, episode) in episodes.prefix(shown).enumerated() {
            world.drawPath(episode.states, into: &axes, label: k == 0 ? "demonstrations" : nil, color: color)
        }
        axes.title = title
        axes.legend = column == 0 ? .lowerRight : .none
        figure[0, column] = axes
    }
    return figure
}
