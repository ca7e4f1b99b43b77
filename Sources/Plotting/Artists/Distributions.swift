/// A histogram of `values` over equal-width bins (drawn as outlined, semi-transparent bars
/// so several histograms on one axes stay readable).
public struct Histogram: Sendable {
    /// The raw samples; non-finite values are ignored.
    public var values: [Double]
    /// Number of equal-width bins (≥ 1).
    public var bins: Int
    /// The binned interval, or `nil` for the samples' minimum…maximum. Samples outside are ignored.
    public var range: ClosedRange<Double>?
    /// `true`: bar areas sum to 1 (a density); `false`: bar heights are counts.
    public var density: Bool
    /// Legend entry, or `nil` for none.
    public var label: String?
    /// Colour, or `nil` for the next palette colour.
    public var color: Color?
    /// Fill opacity.
    public var opacity: Double

    /// A histogram; see the properties for the meaning of each argument.
    public init(values: [Double], bins: Int = 30, range: ClosedRange<Double>? = nil, density: Bool = false,
                label: String? = nil, color: Color? = nil, opacity: Double = 0.45) {
        self.values = values; self.bins = bins; self.range = range; self.density = density
        self.label = label; self.color = color; self.opacity = opacity
    }

    /// The bin edges (`bins + 1` values) and the bar heights (`bins` values).
    /// - Throws: ``PlottingError/invalidData(_:)`` when there are no bins or no finite samples.
    public func binned() throws -> (edges: [Double], heights: [Double]) {
        guard bins >= 1 else { throw PlottingError.invalidData("histogram '\(label ?? "")' needs bins ≥ 1, got \(bins)") }
        let finite = values.filter(\.isFinite)
        var low: Double, high: Double
        if let range {
            low = range.lowerBound; high = range.upperBound
        } else {
            guard let mn = finite.min(), let mx = finite.max() else {
                throw PlottingError.invalidData("histogram '\(label ?? "")' has no finite values")
            }
            low = mn; high = mx
        }
        if high <= low { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        let edges = (0...bins).map { low + Double($0) * width }
        var counts = [Double](repeating: 0, count: bins)
        var total = 0.0
        for v in finite where v >= low && v <= high {
            let i = min(Int((v - low) / width), bins - 1)
            counts[i] += 1
            total += 1
        }
        if density && total > 0 { counts = counts.map { $0 / (total * width) } }
        return (edges, counts)
    }
}

/// One bar series. Several `Bars` on one axes with the same categories are grouped side by side.
public struct Bars: Sendable {
    /// Category names shown under the groups, or `nil` when `x` positions are given.
    public var categories: [String]?
    /// Numeric centres of the bars, or `nil` for categories at 0, 1, 2, ….
    public var x: [Double]?
    /// Bar heights.
    public var heights: [Double]
    /// Symmetric error-bar half-lengths (e.g. std over seeds), or `nil` for none.
    public var errors: [Double]?
    /// Legend entry, or `nil` for none.
    public var label: String?
    /// Colour, or `nil` for the next palette colour.
    public var color: Color?
    /// The width of a whole group, as a fraction of the spacing between categories.
    public var groupWidth: Double

    /// A bar series; see the properties for the meaning of each argument.
    public init(categories: [String]? = nil, x: [Double]? = nil, heights: [Double], errors: [Double]? = nil,
                label: String? = nil, color: Color? = nil, groupWidth: Double = 0.8) {
        self.categories = categories; self.x = x; self.heights = heights; self.errors = errors
        self.label = label; self.color = color; self.groupWidth = groupWidth
    }
}
