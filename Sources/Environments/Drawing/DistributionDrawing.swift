import Plotting

extension DataDistribution where Point == Double {
    /// Draws the density over `range` as a line of `points` samples.
    public func drawDensity(into axes: inout Axes, over range: ClosedRange<Double>, points: Int = 400,
                            label: String? = nil, color: Color? = nil, style: LineStyle = .solid) {
        let n = max(points, 2)
        let xs = (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
        axes.line(x: xs, y: xs.map { density($0) }, label: label, color: color, style: style)
    }
}

extension DataDistribution where Point == SIMD2<Double> {
    /// Draws the density on `x × y` as a heat map of `resolution × resolution` cells.
    public func drawDensity(into axes: inout Axes, x: ClosedRange<Double>, y: ClosedRange<Double>,
                            resolution: Int = 100, colorMap: ColorMap = .viridis) {
        let n = max(resolution, 2)
        let dx = (x.upperBound - x.lowerBound) / Double(n), dy = (y.upperBound - y.lowerBound) / Double(n)
        let values = (0..<n).map { row in
            (0..<n).map { column in
                density(SIMD2(x.lowerBound + (Double(column) + 0.5) * dx, y.lowerBound + (Double(row) + 0.5) * dy))
            }
        }
        axes.aspect = .equal
        axes.heatMap(values: values, xRange: x, yRange: y, colorMap: colorMap, colorBarLabel: "density")
    }
}
