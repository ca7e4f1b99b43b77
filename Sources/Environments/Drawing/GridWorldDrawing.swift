import Plotting

extension GridWorld {
    /// Draws the grid with cell (row r, column c) as the unit square [c, c+1] × [height−r−1, height−r]:
    /// the values as a heat map (if given; goal and trap cells grey), walls dark, S/G/X letters, and the policy as arrows
    /// (if given).
    public func draw(into axes: inout Axes, values: [Double]? = nil, policy: [Int]? = nil,
                     valueLabel: String = "V(s)") {
        axes.aspect = .equal
        axes.xLimits = 0...Double(width)
        axes.yLimits = 0...Double(height)
        axes.xTicks = []
        axes.yTicks = []
        if let values, values.count == stateCount {
            let rows = (0..<height).reversed().map { r in
                (0..<width).map { c in cells[r * width + c] == .wall || isTerminal(r * width + c) ? Double.nan : values[r * width + c] }
            }
            axes.heatMap(values: rows, xRange: 0...Double(width), yRange: 0...Double(height), colorBarLabel: valueLabel)
        }
        for s in 0..<stateCount {
            let (r, c) = position(of: s)
            let x = Double(c), y = Double(height - r - 1)
            let square = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
            switch cells[s] {
            case .wall: axes.polygon(points: square, fill: Color(hex: 0x404040), stroke: .black)
            default: axes.polygon(points: square, fill: nil, stroke: .lightGray, lineWidth: 0.5)
            }
            let letter: String? = cells[s] == .goal ? "G" : cells[s] == .trap ? "X" : cells[s] == .start ? "S" : nil
            if let letter { axes.text(letter, at: (x + 0.15, y + 0.8), anchor: .center, color: .black) }
        }
        if let policy, policy.count == stateCount {
            var xs = [Double](), ys = [Double](), us = [Double](), vs = [Double]()
            for s in 0..<stateCount where cells[s] != .wall && !isTerminal(s) {
                let (r, c) = position(of: s)
                guard let move = Move(rawValue: policy[s]) else { continue }
                let u = Double(move.delta.column) * 0.6, v = -Double(move.delta.row) * 0.6
                xs.append(Double(c) + 0.5 - u / 2)
                ys.append(Double(height - r - 1) + 0.5 - v / 2)
                us.append(u)
                vs.append(v)
            }
            axes.quiver(x: xs, y: ys, u: us, v: vs, color: .black, scale: 1)
        }
    }

    /// Draws a sequence of visited states as a line through the cell centres.
    public func drawPath(_ states: [Int], into axes: inout Axes, label: String? = nil, color: Color? = nil) {
        let points = states.map { s -> (Double, Double) in
            let (r, c) = position(of: s)
            return (Double(c) + 0.5, Double(height - r - 1) + 0.5)
        }
        axes.line(x: points.map(\.0), y: points.map(\.1), label: label, color: color, width: 2, marker: .circle)
    }
}
