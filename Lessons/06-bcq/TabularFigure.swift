// The grid-world picture: the batch, Q-learning's greedy policy and BCQ's, untried moves marked.
import Algorithms
import Environments
import Plotting

/// Cell (row, column) of the grid as the lower-left corner of its square in plot coordinates.
private func corner(_ world: GridWorld, _ state: Int) -> (x: Double, y: Double) {
    let (r, c) = world.position(of: state)
    return (Double(c), Double(world.height - 1 - r))
}

/// The grid in `axes`: a heat map of `values` per cell (walls, goal, traps drawn over it).
private func drawWorld(_ axes: inout Axes, _ world: GridWorld, values: [Double], range: ClosedRange<Double>, label: String) {
    let w = world.width, h = world.height
    let rows = (0..<h).map { y in (0..<w).map { c in values[world.state(row: h - 1 - y, column: c)] } }
    axes.heatMap(values: rows, xRange: 0...Double(w), yRange: 0...Double(h), colorMap: .viridis, colorBarLabel: label,
                 valueRange: range)
    for s in 0..<world.stateCount {
        let (x, y) = corner(world, s)
        let square = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
        switch world.cells[s] {
        case .wall: axes.polygon(points: square, fill: Color(hex: 0x404040), stroke: .black)
        case .goal:
            axes.polygon(points: square, fill: Color.green, stroke: .black)
            axes.text("G", at: (x + 0.5, y + 0.5), color: .white, size: 12)
        case .trap:
            axes.polygon(points: square, fill: Color.vermillion, stroke: .black)
            axes.text("X", at: (x + 0.5, y + 0.5), color: .white, size: 12)
        case .start: axes.text("S", at: (x + 0.16, y + 0.82), color: .white, size: 9)
        case .empty: break
        }
    }
    axes.xLimits = 0...Double(w)
    axes.yLimits = 0...Double(h)
    axes.xTicks = []
    axes.yTicks = []
    axes.aspect = .equal
    axes.legend = .none
}

/// An arrow for move `action` from the centre of cell `state`.
private func drawMove(_ axes: inout Axes, _ world: GridWorld, state: Int, action: Int, color: Color, width: Double,
                      length: Double = 0.36) {
    let (x, y) = corner(world, state)
    let delta = GridWorld.Move(rawValue: action)!.delta
    axes.arrow(from: (x + 0.5, y + 0.5), to: (x + 0.5 + length * Double(delta.column), y + 0.5 - length * Double(delta.row)),
               color: color, width: width)
}

/// The path of a rollout through the cell centres, dashed, with a ring where it ends (a policy
/// that bumps into a wall for ever has a path of one cell).
private func drawPath(_ axes: inout Axes, _ world: GridWorld, states: [Int]) {
    let points = states.map { corner(world, $0) }
    axes.line(x: points.map { $0.x + 0.5 }, y: points.map { $0.y + 0.5 }, color: .skyBlue, style: .dashed, width: 2.2)
    if let last = points.last {
        axes.circle(center: (last.x + 0.5, last.y + 0.5), radius: 0.3, fill: nil, stroke: .skyBlue, lineWidth: 2.2)
    }
}

/// Covers the cells the batch never visited (their table entries are the initial random values).
private func greyUnvisited(_ axes: inout Axes, _ world: GridWorld, visited: Set<Int>) {
    for s in 0..<world.stateCount where world.cells[s] != .wall && !world.isTerminal(s) && !visited.contains(s) {
        let (x, y) = corner(world, s)
        axes.polygon(points: [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)], fill: Color.lightGray, stroke: .black, lineWidth: 0.5)
    }
}

/// Left: the batch's moves over the values of the best batch-constrained policy. Middle: Q-learning's
/// greedy moves over max_a Q. Right: BCQ's constrained greedy moves over its values. Vermilion
/// arrows are moves the batch never tried in that cell; the dashed line is the greedy path from S
/// (a ring where it ends); grey cells were never visited by the batch.
func tabularFigure(_ experiment: TabularComparison) -> Figure {
    let world = experiment.world
    let batch = experiment.batch
    var figure = Figure(width: 13, height: 4.7, rows: 1, columns: 3)
    figure.title = "One batch, two learners: Q-learning follows moves the batch never tried, BCQ only the batch's"
    let visited = Set(experiment.visitedStates)
    let playable = (0..<world.stateCount).filter { world.cells[$0] != .wall && !world.isTerminal($0) }

    var batchPanel = Axes()
    let bestValues = (0..<world.stateCount).map { s in batch.actions(in: s).map { experiment.best[s, $0] }.max() ?? 0 }
    drawWorld(&batchPanel, world, values: bestValues, range: -1...1, label: "best supported V_B(s)")
    for s in playable {
        if visited.contains(s) {
            for a in batch.actions(in: s) { drawMove(&batchPanel, world, state: s, action: a, color: .white, width: 1.4) }
        } else {
            let (x, y) = corner(world, s)
            batchPanel.text("·", at: (x + 0.5, y + 0.5), color: .white, size: 16)
        }
    }
    drawPath(&batchPanel, world, states: experiment.bestRollout.states)
    batchPanel.title = "the batch's moves (white); · never visited"
    figure[0, 0] = batchPanel

    for (column, outcome) in experiment.learners.enumerated() {
        var panel = Axes()
        let values = (0..<world.stateCount).map { outcome.table[$0, outcome.policy[$0]] }
        drawWorld(&panel, world, values: values, range: -1...1, label: "Q(s, π(s))")
        greyUnvisited(&panel, world, visited: visited)
        for s in playable where visited.contains(s) {
            let a = outcome.policy[s]
            let tried = batch.contains(state: s, action: a)
            drawMove(&panel, world, state: s, action: a, color: tried ? .white : .vermillion, width: tried ? 1.6 : 2.6)
        }
        drawPath(&panel, world, states: outcome.rollout.states)
        let verdict = outcome.rollout.reachedGoal ? "reaches G" : "never reaches G"
        panel.title = "\(outcome.name): \(verdict), return \(String(format: "%.3f", outcome.rollout.discountedReturn))"
        figure[0, column + 1] = panel
    }
    return figure
}
