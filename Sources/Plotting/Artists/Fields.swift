/// A grid of values shown as colours, with a colour bar beside the axes.
///
/// `values[row][column]`: row 0 is the bottom row (at `yRange.lowerBound`), column 0 the left
/// column (at `xRange.lowerBound`); the cells tile the rectangle `xRange × yRange`.
public struct HeatMap: Sendable {
    /// The values, `values[row][column]`; every row has the same length. NaN cells are grey.
    public var values: [[Double]]
    /// The horizontal extent of the whole grid.
    public var xRange: ClosedRange<Double>
    /// The vertical extent of the whole grid.
    public var yRange: ClosedRange<Double>
    /// How values map to colours.
    public var colorMap: ColorMap
    /// The colour-bar title, or `nil` for none.
    public var colorBarLabel: String?
    /// The values mapped to the ends of the colour map, or `nil` for the data's minimum…maximum.
    public var valueRange: ClosedRange<Double>?

    /// A heat map; see the properties for the meaning of each argument.
    public init(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                colorMap: ColorMap = .viridis, colorBarLabel: String? = nil, valueRange: ClosedRange<Double>? = nil) {
        self.values = values; self.xRange = xRange; self.yRange = yRange
        self.colorMap = colorMap; self.colorBarLabel = colorBarLabel; self.valueRange = valueRange
    }

    /// The colour-map domain: `valueRange`, else the finite data's minimum…maximum.
    public var resolvedValueRange: ClosedRange<Double> {
        if let valueRange { return valueRange }
        let finite = values.joined().filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return 0...1 }
        if high <= low { low -= 0.5; high += 0.5 }
        return low...high
    }
}

/// Arrows `(u[i], v[i])` starting at `(x[i], y[i])`.
public struct Quiver: Sendable {
    /// Arrow tails, horizontal.
    public var x: [Double]
    /// Arrow tails, vertical.
    public var y: [Double]
    /// Arrow components, horizontal.
    public var u: [Double]
    /// Arrow components, vertical.
    public var v: [Double]
    /// Colour, or `nil` for the next palette colour.
    public var color: Color?
    /// Multiplier from vector to data units, or `nil` so that the longest arrow spans about one grid spacing.
    public var scale: Double?
    /// Legend entry, or `nil` for none.
    public var label: String?

    /// A quiver; see the properties for the meaning of each argument.
    public init(x: [Double], y: [Double], u: [Double], v: [Double], color: Color? = nil,
                scale: Double? = nil, label: String? = nil) {
        self.x = x; self.y = y; self.u = u; self.v = v
        self.color = color; self.scale = scale; self.label = label
    }

    /// The data-units factor applied to `(u, v)`: `scale`, or 0.9 × the median spacing of distinct
    /// tail coordinates divided by the longest vector.
    public var resolvedScale: Double {
        if let scale { return scale }
        let longest = zip(u, v).map { ($0 * $0 + $1 * $1).squareRoot() }.filter(\.isFinite).max() ?? 0
        guard longest > 0 else { return 1 }
        func spacing(_ values: [Double]) -> Double? {
            let distinct = Array(Set(values.filter(\.isFinite))).sorted()
            guard distinct.count > 1 else { return nil }
            let gaps = zip(distinct.dropFirst(), distinct).map { $0 - $1 }.sorted()
            return gaps[gaps.count / 2]
        }
        let grid = [spacing(x), spacing(y)].compactMap { $0 }.min()
            ?? max((x.max() ?? 1) - (x.min() ?? 0), (y.max() ?? 1) - (y.min() ?? 0), 1) / 10
        return 0.9 * grid / longest
    }
}
