/// A polyline through `(x[i], y[i])`; non-finite values break the line into pieces.
public struct Line: Sendable {
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// Legend entry, or `nil` for none.
    public var label: String?
    /// Colour, or `nil` for the next palette colour.
    public var color: Color?
    /// Dash pattern.
    public var style: LineStyle
    /// Stroke width in points.
    public var width: Double
    /// A marker drawn at every point, or `nil` for none.
    public var marker: MarkerShape?

    /// A line; see the properties for the meaning of each argument.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                style: LineStyle = .solid, width: Double = 1.5, marker: MarkerShape? = nil) {
        self.x = x; self.y = y; self.label = label; self.color = color
        self.style = style; self.width = width; self.marker = marker
    }
}

/// Markers at `(x[i], y[i])`.
public struct Scatter: Sendable {
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// Legend entry, or `nil` for none.
    public var label: String?
    /// Colour, or `nil` for the next palette colour.
    public var color: Color?
    /// Marker diameter in points.
    public var size: Double
    /// Marker shape.
    public var marker: MarkerShape
    /// Marker opacity (lower it for thousands of points).
    public var opacity: Double

    /// A scatter series; see the properties for the meaning of each argument.
    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                size: Double = 4, marker: MarkerShape = .circle, opacity: Double = 0.85) {
        self.x = x; self.y = y; self.label = label; self.color = color
        self.size = size; self.marker = marker; self.opacity = opacity
    }
}

/// The region between `lower[i]` and `upper[i]` over `x[i]`, e.g. mean ± std over seeds.
///
/// A band without a colour takes the colour of the line drawn just before it (or, if none, just
/// after it), so `ax.line(…); ax.band(…)` shades in the line's colour without naming it.
public struct Band: Sendable {
    /// Horizontal coordinates.
    public var x: [Double]
    /// Lower edge, as many values as `x`.
    public var lower: [Double]
    /// Upper edge, as many values as `x`.
    public var upper: [Double]
    /// Fill colour (drawn with `opacity`), or `nil` to match the neighbouring line.
    public var color: Color?
    /// Legend entry, or `nil` for none (usually the line carries the label).
    public var label: String?
    /// Fill opacity.
    public var opacity: Double

    /// A band; see the properties for the meaning of each argument.
    public init(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                label: String? = nil, opacity: Double = 0.22) {
        self.x = x; self.lower = lower; self.upper = upper
        self.color = color; self.label = label; self.opacity = opacity
    }
}
