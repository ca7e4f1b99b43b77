// The grid-world picture: the batch, Q-learning's greedy policy and BCQ's, untried moves marked.
import Algorithms
import Environments
import Plotting

/// The path of a rollout through the cell centres, dashed, with a ring where it ends (a policy
/// that bumps into a wall for ever has a path of one cell).
private func drawPath(_ axes: inout Axes, _ world: GridWorld, states: [Int]) {
    let points = states.map { world.cellCenter(of: $0) }
    axes.line(x: points.map(\.x), y: points.map(\.y), color: .skyBlue, style: .dashed, width: 2.2)
    if let last = points.last {
        axes.circle(center: last, radius: 0.3, fill: nil, stroke: .skyBlue, lineWidth: 2.2)
    }
}

/// Covers the cells the batch never visited (their table entries are the initial random values).
private func greyUnvisited(_ axes: inout Axes, _ world: GridWorld, visited: Set<Int>) {
    for s in 0..<world.stateCount where world.cells[s] != .wall && !world.isTerminal(s) && !visited.contains(s) {
        axes.polygon(points: world.cellSquare(of: s), fill: Color.lightGray, stroke: .black, lineWidth: 0.5)
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
    world.drawValueMap(into: &batchPanel, values: bestValues, valueRange: -1...1, label: "best supported V_B(s)")
    batchPanel.legend = .none
    for s in playable {
        if visited.contains(s) {
            for a in batch.actions(in: s) { world.drawMove(a, from: s, into: &batchPanel, color: .white, width: 1.4) }
        } else {
            batchPanel.text("·", at: world.cellCenter(of: s), color: .white, size: 16)
        }
    }
    drawPath(&batchPanel, world, states: experiment.bestRollout.states)
    batchPanel.title = "the batch's moves (white); · never visited"
    figure[0, 0] = batchPanel

    for (column, outcome) in experiment.learners.enumerated() {
        var panel = Axes()
        let values = (0..<world.stateCount).map { outcome.table[$0, outcome.policy[$0]] }
        world.drawValueMap(into: &panel, values: values, valueRange: -1...1, label: "Q(s, π(s))")
        panel.legend = .none
        greyUnvisited(&panel, world, visited: visited)
        for s in playable where visited.contains(s) {
            let a = outcome.policy[s]
            let tried = batch.contains(state: s, action: a)
            world.drawMove(a, from: s, into: &panel, color: tried ? .white : .vermillion, width: tried ? 1.6 : 2.6)
        }
        drawPath(&panel, world, states: outcome.rollout.states)
        let verdict = outcome.rollout.reachedGoal ? "reaches G" : "never reaches G"
        panel.title = "\(outcome.name): \(verdict), return \(String(format: "%.3f", outcome.rollout.discountedReturn))"
        figure[0, column + 1] = panel
    }
    return figure
}
