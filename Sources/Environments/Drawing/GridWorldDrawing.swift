import Plotting

/// Grid-world pictures: cell (row r, column c) is drawn as the unit square
/// [c, c+1] × [height−r−1, height−r], so row 0 is at the top.
extension GridWorld {
    /// The corners of cell `state`'s square, counter-clockwise from the lower left.
    public func cellSquare(of state: Int) -> [(Double, Double)] {
        let (r, c) = position(of: state)
        let x = Double(c), y = Double(height - r - 1)
        return [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
    }

    /// The centre of cell `state`.
    public func cellCenter(of state: Int) -> (x: Double, y: Double) {
        let (r, c) = position(of: state)
        return (Double(c) + 0.5, Double(height - r - 1) + 0.5)
    }

    /// Draws the grid: the values as a heat map (if given; goal and trap cells grey), walls dark,
    /// S/G/X letters, and the policy as arrows (if given).
    public func draw(into axes: inout Axes, values: [Double]? = nil, policy: [Int]? = nil,
                     valueLabel: String = "V(s)") {
        fitAxes(&axes)
        if let values, values.count == stateCount {
            let rows = (0..<height).reversed().map { r in
                (0..<width).map { c in cells[r * width + c] == .wall || isTerminal(r * width + c) ? Double.nan : values[r * width + c] }
            }
            axes.heatMap(values: rows, xRange: 0...Double(width), yRange: 0...Double(height), colorBarLabel: valueLabel)
        }
        for s in 0..<stateCount {
            let square = cellSquare(of: s)
            switch cells[s] {
            case .wall: axes.polygon(points: square, fill: Color(hex: 0x404040), stroke: .black)
            default: axes.polygon(points: square, fill: nil, stroke: .lightGray, lineWidth: 0.5)
            }
            let letter: String? = cells[s] == .goal ? "G" : cells[s] == .trap ? "X" : cells[s] == .start ? "S" : nil
            if let letter { axes.text(letter, at: (square[0].0 + 0.15, square[0].1 + 0.8), anchor: .center, color: .black) }
        }
        if let policy, policy.count == stateCount {
            var xs = [Double](), ys = [Double](), us = [Double](), vs = [Double]()
            for s in 0..<stateCount where cells[s] != .wall && !isTerminal(s) {
                guard let move = Move(rawValue: policy[s]) else { continue }
                let u = Double(move.delta.column) * 0.6, v = -Double(move.delta.row) * 0.6
                let center = cellCenter(of: s)
                xs.append(center.x - u / 2)
                ys.append(center.y - v / 2)
                us.append(u)
                vs.append(v)
            }
            axes.quiver(x: xs, y: ys, u: us, v: vs, color: .black, scale: 1)
        }
    }

    /// Draws the grid as a map of one value per cell: `values` as a viridis heat map over
    /// `valueRange` (every cell, walls and terminal cells drawn over it), walls dark, the goal
    /// green and traps vermilion with a white G and X (filled at `terminalOpacity`), and an S in
    /// the start cell. Arrows (``drawMove(_:from:into:color:width:length:)``) and paths go on top.
    public func drawValueMap(into axes: inout Axes, values: [Double], valueRange: ClosedRange<Double>, label: String,
                             terminalOpacity: Double = 1) {
        let rows = (0..<height).map { y in (0..<width).map { c in values[state(row: height - 1 - y, column: c)] } }
        axes.heatMap(values: rows, xRange: 0...Double(width), yRange: 0...Double(height), colorMap: .viridis,
                     colorBarLabel: label, valueRange: valueRange)
        for s in 0..<stateCount {
            let square = cellSquare(of: s)
            let (x, y) = square[0]
            switch cells[s] {
            case .wall: axes.polygon(points: square, fill: Color(hex: 0x404040), stroke: .black)
            case .goal:
                axes.polygon(points: square, fill: Color.green.withAlpha(terminalOpacity), stroke: .black)
                axes.text("G", at: (x + 0.5, y + 0.5), color: .white, size: 12)
            case .trap:
                axes.polygon(points: square, fill: Color.vermillion.withAlpha(terminalOpacity), stroke: .black)
                axes.text("X", at: (x + 0.5, y + 0.5), color: .white, size: 12)
            case .start: axes.text("S", at: (x + 0.16, y + 0.82), color: .white, size: 9)
            case .empty: break
            }
        }
        fitAxes(&axes)
    }

    /// An arrow of `length` for move `action` from the centre of cell `state`.
    public func drawMove(_ action: Int, from state: Int, into axes: inout Axes, color: Color, width: Double = 1.8,
                         length: Double = 0.36) {
        guard let delta = Move(rawValue: action)?.delta else { return }
        let (x, y) = cellCenter(of: state)
        axes.arrow(from: (x, y), to: (x + length * Double(delta.column), y - length * Double(delta.row)), color: color,
                   width: width)
    }

    /// Draws a sequence of visited states as a line through the cell centres.
    public func drawPath(_ states: [Int], into axes: inout Axes, label: String? = nil, color: Color? = nil) {
        let points = states.map { cellCenter(of: $0) }
        axes.line(x: points.map(\.x), y: points.map(\.y), label: label, color: color, width: 2, marker: .circle)
    }

    /// The grid's extent, without ticks, at equal aspect.
    private func fitAxes(_ axes: inout Axes) {
        axes.xLimits = 0...Double(width)
        axes.yLimits = 0...Double(height)
        axes.xTicks = []
        axes.yTicks = []
        axes.aspect = .equal
    }
}
