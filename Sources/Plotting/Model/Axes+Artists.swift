// The matplotlib-like methods that add artists to an ``Axes``.
extension Axes {
    /// Adds a line through `(x[i], y[i])`.
    public mutating func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                              style: LineStyle = .solid, width: Double = 1.5, marker: MarkerShape? = nil) {
        artists.append(.line(Line(x: x, y: y, label: label, color: color, style: style, width: width, marker: marker)))
    }

    /// Adds a line through `(i, y[i])` for i = 0, 1, … (a loss curve over steps).
    public mutating func line(y: [Double], label: String? = nil, color: Color? = nil,
                              style: LineStyle = .solid, width: Double = 1.5, marker: MarkerShape? = nil) {
        line(x: y.indices.map(Double.init), y: y, label: label, color: color, style: style, width: width, marker: marker)
    }

    /// Adds markers at `(x[i], y[i])`.
    public mutating func scatter(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                                 size: Double = 4, marker: MarkerShape = .circle, opacity: Double = 0.85) {
        artists.append(.scatter(Scatter(x: x, y: y, label: label, color: color, size: size, marker: marker,
                                        opacity: opacity)))
    }

    /// Adds a shaded band between `lower` and `upper`; without a colour it matches the neighbouring line.
    public mutating func band(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                              label: String? = nil, opacity: Double = 0.22) {
        artists.append(.band(Band(x: x, lower: lower, upper: upper, color: color, label: label, opacity: opacity)))
    }

    /// Adds a shaded band `center ± spread` (mean ± std over seeds).
    public mutating func band(x: [Double], center: [Double], spread: [Double], color: Color? = nil,
                              label: String? = nil, opacity: Double = 0.22) {
        let lower = zip(center, spread).map { $0 - $1 }
        let upper = zip(center, spread).map { $0 + $1 }
        band(x: x, lower: center.count == spread.count ? lower : center, upper: center.count == spread.count ? upper : spread,
             color: color, label: label, opacity: opacity)
    }

    /// Adds a histogram of `values` with `bins` equal bins over `range` (default: the data's range).
    public mutating func histogram(values: [Double], bins: Int = 30, range: ClosedRange<Double>? = nil,
                                   density: Bool = false, label: String? = nil, color: Color? = nil,
                                   opacity: Double = 0.45) {
        artists.append(.histogram(Histogram(values: values, bins: bins, range: range, density: density,
                                            label: label, color: color, opacity: opacity)))
    }

    /// Adds a bar series over named categories; series with the same categories are grouped side by side.
    public mutating func bars(categories: [String], heights: [Double], errors: [Double]? = nil,
                              label: String? = nil, color: Color? = nil) {
        artists.append(.bars(Bars(categories: categories, heights: heights, errors: errors, label: label, color: color)))
    }

    /// Adds a bar series at numeric positions `x`.
    public mutating func bars(x: [Double], heights: [Double], errors: [Double]? = nil,
                              label: String? = nil, color: Color? = nil) {
        artists.append(.bars(Bars(x: x, heights: heights, errors: errors, label: label, color: color)))
    }

    /// Adds a heat map of `values[row][column]` tiling `xRange × yRange` (row 0 at the bottom), with a colour bar.
    public mutating func heatMap(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                                 colorMap: ColorMap = .viridis, colorBarLabel: String? = nil,
                                 valueRange: ClosedRange<Double>? = nil) {
        artists.append(.heatMap(HeatMap(values: values, xRange: xRange, yRange: yRange, colorMap: colorMap,
                                        colorBarLabel: colorBarLabel, valueRange: valueRange)))
    }

    /// Adds arrows `(u[i], v[i])` at `(x[i], y[i])`, scaled to the grid unless `scale` is given.
    public mutating func quiver(x: [Double], y: [Double], u: [Double], v: [Double], color: Color? = nil,
                                scale: Double? = nil, label: String? = nil) {
        artists.append(.quiver(Quiver(x: x, y: y, u: u, v: v, color: color, scale: scale, label: label)))
    }

    /// Adds a horizontal line across the plot at `y` (dashed black by default, e.g. the expert's return).
    public mutating func horizontalLine(y: Double, label: String? = nil, color: Color = .black,
                                        style: LineStyle = .dashed, width: Double = 1.2) {
        artists.append(.referenceLine(ReferenceLine(orientation: .horizontal, value: y, label: label, color: color,
                                                    style: style, width: width)))
    }

    /// Adds a vertical line across the plot at `x`.
    public mutating func verticalLine(x: Double, label: String? = nil, color: Color = .black,
                                      style: LineStyle = .dashed, width: Double = 1.2) {
        artists.append(.referenceLine(ReferenceLine(orientation: .vertical, value: x, label: label, color: color,
                                                    style: style, width: width)))
    }

    /// Adds a text whose `anchor` point sits at the data point `at`.
    public mutating func text(_ text: String, at point: (Double, Double), anchor: TextAnchor = .center,
                              color: Color = .black, size: Double? = nil) {
        artists.append(.text(TextLabel(text: text, x: point.0, y: point.1, anchor: anchor, color: color, size: size)))
    }

    /// Adds an arrow from `from` to `to` (data coordinates), with an optional label beyond the tail.
    public mutating func arrow(from: (Double, Double), to: (Double, Double), label: String? = nil,
                               color: Color = .black, width: Double = 1.0) {
        artists.append(.arrow(Arrow(from: from, to: to, label: label, color: color, width: width)))
    }

    /// Adds a closed polygon through `points`.
    public mutating func polygon(points: [(Double, Double)], fill: Color? = nil, stroke: Color? = .black,
                                 lineWidth: Double = 1, label: String? = nil) {
        polygon(x: points.map(\.0), y: points.map(\.1), fill: fill, stroke: stroke, lineWidth: lineWidth, label: label)
    }

    /// Adds a closed polygon through `(x[i], y[i])`.
    public mutating func polygon(x: [Double], y: [Double], fill: Color? = nil, stroke: Color? = .black,
                                 lineWidth: Double = 1, label: String? = nil) {
        artists.append(.polygon(Polygon(x: x, y: y, fill: fill, stroke: stroke, lineWidth: lineWidth, label: label)))
    }

    /// Adds a circle of `radius` data units around `center`.
    public mutating func circle(center: (Double, Double), radius: Double, fill: Color? = nil,
                                stroke: Color? = .black, lineWidth: Double = 1, label: String? = nil) {
        artists.append(.circle(Circle(center: center, radius: radius, fill: fill, stroke: stroke,
                                      lineWidth: lineWidth, label: label)))
    }

    /// Appends an artist built elsewhere.
    public mutating func add(_ artist: Artist) {
        artists.append(artist)
    }
}
