import Plotting

extension BlockPushing {
    /// Draws the table's edge and the goal region (at `goal`, by default the fixed goal).
    public func drawTable(into axes: inout Axes, goal: SIMD2<Double>? = nil) {
        axes.aspect = .equal
        let t = tableHalfSize
        axes.xLimits = (-t - 0.05)...(t + 0.05)
        axes.yLimits = (-t - 0.05)...(t + 0.05)
        axes.polygon(points: [(-t, -t), (t, -t), (t, t), (-t, t)], fill: nil, stroke: .black, lineWidth: 1.2)
        let g = goal ?? state.goal
        axes.circle(center: (g.x, g.y), radius: goalRadius, fill: Color.green.withAlpha(0.25), stroke: .green,
                    label: "goal")
    }

    /// Draws one episode: the block's centre path (solid) and the pusher's (dotted), the block's
    /// start (outline) and end (filled) and the pusher's end.
    public func drawPath(_ states: [State], into axes: inout Axes, label: String? = nil, color: Color? = nil) {
        guard let first = states.first, let last = states.last else { return }
        let c = color ?? .blue
        axes.line(x: states.map(\.block.x), y: states.map(\.block.y), label: label, color: c, width: 1.8)
        axes.line(x: states.map(\.pusher.x), y: states.map(\.pusher.y), color: c, style: .dotted, width: 1)
        axes.circle(center: (first.block.x, first.block.y), radius: blockRadius, fill: nil, stroke: c)
        axes.circle(center: (last.block.x, last.block.y), radius: blockRadius, fill: c.withAlpha(0.6), stroke: c)
        axes.circle(center: (last.pusher.x, last.pusher.y), radius: pusherRadius, fill: .black, stroke: nil)
    }
}
