// The figures of lesson 8: the task with its demonstrations, success against environment steps
// for every variant, the curriculum's start point over training, and the critic-consistency
// ablation.
import Algorithms
import Datasets
import Environments
import Plotting

/// One colour per variant, the same in every figure.
func color(of variant: DemonstrationVariant) -> Color {
    switch variant.id {
    case DemonstrationVariant.scratch.id: .black
    case DemonstrationVariant.replayKept.id: .blue
    case DemonstrationVariant.replayRemoved.id: .skyBlue
    case DemonstrationVariant.pretrained.id, DemonstrationVariant.pretrainedWithCloningTerm.id: .green
    case DemonstrationVariant.curriculum.id: .vermillion
    case DemonstrationVariant.pretrainedWithoutCloningTerm.id: .orange
    default: .purple
    }
}

/// The table with the start region, the demonstrations' paths (left) and what uniformly random
/// actions do from the same starts (right). `small`: for a slide or a column, the right panel has no
/// legend (the left one and the caption name the same elements).
func taskFigure(task: SparsePushingTask, demonstrations: DemonstrationCollection,
                randomEpisodes: [Trajectory<BlockPushing.State>], small: Bool = false) -> Figure {
    var figure = Figure(width: 9, height: 4.6, rows: 1, columns: 2)
    figure.title = "The sparse-reward pushing task"
    func startRegion(into axes: inout Axes) {
        let j = task.layout.jitter
        for (centre, name, c) in [(task.blockCentre, "block starts", Color.blue), (task.pusherCentre, "pusher starts", Color.black)] {
            axes.polygon(points: [(centre.x - j, centre.y - j), (centre.x + j, centre.y - j), (centre.x + j, centre.y + j),
                                  (centre.x - j, centre.y + j)], fill: c.withAlpha(0.15), stroke: c, label: name)
        }
    }
    var left = Axes()
    task.world.drawTable(into: &left)
    for (i, demonstration) in demonstrations.trajectories.prefix(5).enumerated() {
        task.world.drawPath(demonstration.states, into: &left, label: i == 0 ? "demonstrations" : nil, color: .purple)
    }
    startRegion(into: &left)  // over the paths, so that the start squares stay visible
    left.title = "\(demonstrations.trajectories.count) demonstrations, \(String(format: "%.0f", demonstrations.meanLength)) steps on average"
    left.xLabel = "x"
    left.yLabel = "y"
    left.legend = .lowerRight
    figure[0, 0] = left

    var right = Axes()
    task.world.drawTable(into: &right)
    for (i, episode) in randomEpisodes.prefix(5).enumerated() {
        task.world.drawPath(episode.states, into: &right, label: i == 0 ? "random actions" : nil, color: .vermillion)
    }
    startRegion(into: &right)
    let successes = randomEpisodes.filter(\.succeeded).count
    right.title = "Random actions: \(successes) of \(randomEpisodes.count) episodes succeed"
    right.xLabel = "x"
    right.legend = small ? .none : .outsideRight
    figure[0, 1] = right
    return figure
}

/// One variant's success curve: its mean over seeds as a line, ± one standard deviation (kept
/// within [0, 1]) as a band of the same colour.
func plotSuccessCurve(_ result: VariantResult, into axes: inout Axes, style: LineStyle = .solid, marker: MarkerShape? = nil) {
    let x = result.statistics.environmentSteps.map(Double.init)
    let c = color(of: result.variant)
    let lower = zip(result.statistics.mean, result.statistics.standardDeviation).map { max(0, $0 - $1) }
    let upper = zip(result.statistics.mean, result.statistics.standardDeviation).map { min(1, $0 + $1) }
    axes.band(x: x, lower: lower, upper: upper, color: c, opacity: 0.15)
    axes.line(x: x, y: result.statistics.mean, label: result.variant.label, color: c, style: style, width: 2, marker: marker)
}

/// Success on the full task against environment steps: mean ± std over seeds for every variant.
func comparisonFigure(_ results: [VariantResult], seeds: Int) -> Figure {
    var figure = Figure(width: 8, height: 4.8)
    var axes = Axes()
    for result in results {
        plotSuccessCurve(result, into: &axes,
                         style: result.variant.id == DemonstrationVariant.replayRemoved.id ? .dashed : .solid)
    }
    // Way 2's start: what pre-training alone gives, before fine-tuning adds anything.
    if let pretrained = results.first(where: { $0.variant.id == DemonstrationVariant.pretrained.id }),
       let start = pretrained.statistics.mean.first {
        axes.scatter(x: [0], y: [start], label: "(2) after pre-training alone", color: color(of: pretrained.variant),
                     size: 9, marker: .diamond, opacity: 1)
    }
    axes.horizontalLine(y: successThreshold, label: "threshold of the claims", color: .gray, style: .dotted)
    axes.xLabel = "training environment steps"
    axes.yLabel = "success rate on the full task"
    axes.yLimits = -0.02...1.05
    axes.title = "Success vs environment steps (mean ± std over \(seeds) seeds)"
    axes.legend = .outsideRight
    figure.width = 10.5
    figure[0, 0] = axes
    return figure
}

/// The curriculum's start point over training, one staircase per seed (left), and where those
/// start points lie along one demonstration (right).
///
/// `small`: for a slide or a column, the right panel has no legend (the caption names its elements)
/// and only its first and last start points are labelled with k.
func curriculumFigure(_ result: VariantResult, demonstration: Trajectory<BlockPushing.State>, task: SparsePushingTask,
                      steps: Int, small: Bool = false) -> Figure {
    var figure = Figure(width: 12.5, height: 4.4, rows: 1, columns: 2)
    var left = Axes()
    let longest = result.runs.first?.longestDemonstration ?? 0
    for (seed, run) in result.runs.enumerated() {
        var x: [Double] = [], y: [Double] = []
        for (i, point) in run.curriculumHistory.enumerated() {
            if i > 0 { x.append(Double(point.environmentStep)); y.append(y.last ?? 0) }
            x.append(Double(point.environmentStep)); y.append(Double(point.offset))
        }
        x.append(Double(steps)); y.append(y.last ?? 0)
        left.line(x: x, y: y, label: "seed \(seed + 1)", color: Color.palette[seed % Color.palette.count], width: 1.6)
    }
    left.horizontalLine(y: Double(longest), label: "longest demonstration: the full task", color: .gray, style: .dashed)
    left.xLabel = "training environment steps"
    left.yLabel = "start: steps before the demonstration's end"
    left.title = "The start moves back along the demonstrations"
    left.yLimits = 0...(Double(longest) * 1.12)
    left.legend = .lowerRight
    figure[0, 0] = left

    var right = Axes()
    let goal = demonstration.states.last?.goal ?? task.world.state.goal
    task.world.drawTable(into: &right, goal: goal)
    task.world.drawPath(demonstration.states, into: &right, label: "one demonstration (block: solid, pusher: dotted)",
                        color: .blue)
    // Start points every 4 steps back, drawn only where the pusher is clear of the ones already drawn.
    var offsets: [Int] = []
    for offset in stride(from: 4, through: demonstration.count, by: 4) {
        let p = demonstration.states[demonstration.count - offset].pusher
        if offsets.allSatisfy({ offset in
            let q = demonstration.states[demonstration.count - offset].pusher
            return ((p - q) * (p - q)).sum().squareRoot() > 0.13
        }) { offsets.append(offset) }
    }
    for (i, offset) in offsets.enumerated() {
        let state = demonstration.states[demonstration.count - offset]
        let shade = Color.vermillion.withAlpha(0.35 + 0.65 * Double(i) / Double(max(offsets.count - 1, 1)))
        right.circle(center: (state.block.x, state.block.y), radius: task.world.blockRadius, fill: nil, stroke: shade,
                     label: i == 0 ? "block k steps before the end" : nil)
        right.circle(center: (state.pusher.x, state.pusher.y), radius: task.world.pusherRadius, fill: shade, stroke: nil,
                     label: i == 0 ? "pusher k steps before the end" : nil)
        guard !small || i == 0 || i == offsets.count - 1 else { continue }
        right.text("k = \(offset)", at: (state.pusher.x + 0.07, state.pusher.y - 0.02), anchor: .left, color: .vermillion)
    }
    // Zoom on the part of the table the demonstration uses.
    let xs = demonstration.states.flatMap { [$0.pusher.x, $0.block.x] } + [goal.x]
    let ys = demonstration.states.flatMap { [$0.pusher.y, $0.block.y] } + [goal.y]
    right.xLimits = (xs.min()! - 0.25)...(xs.max()! + 0.35)
    right.yLimits = (ys.min()! - 0.2)...(ys.max()! + 0.25)
    right.title = "Start states k steps before the end"
    right.xLabel = "x"
    right.yLabel = "y"
    right.legend = small ? .none : .outsideRight
    figure[0, 1] = right
    return figure
}

/// The start of fine-tuning from a behavior-cloned actor, with and without a critic evaluated on
/// the demonstrations, and with the behavior-cloning term.
func ablationFigure(_ results: [VariantResult], seeds: Int) -> Figure {
    var figure = Figure(width: 9.5, height: 4.4)
    var axes = Axes()
    for result in results { plotSuccessCurve(result, into: &axes, marker: .circle) }
    axes.xLabel = "fine-tuning environment steps"
    axes.yLabel = "success rate on the full task"
    axes.yLimits = -0.02...1.05
    axes.title = "Fine-tuning a cloned actor (mean ± std over \(seeds) seeds)"
    axes.legend = .outsideRight
    figure[0, 0] = axes
    return figure
}
