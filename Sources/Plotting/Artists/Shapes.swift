/// A closed polygon in data coordinates (a track border, a block, an obstacle).
public struct Polygon: Sendable {
    /// Vertex x coordinates.
    public var x: [Double]
    /// Vertex y coordinates, as many as `x`.
    public var y: [Double]
    /// Fill colour, or `nil` for no fill.
    public var fill: Color?
    /// Outline colour, or `nil` for no outline.
    public var stroke: Color?
    /// Outline width in points.
    public var lineWidth: Double
    /// Legend entry, or `nil` for none.
    public var label: String?

    /// A polygon; see the properties for the meaning of each argument.
    public init(x: [Double], y: [Double], fill: Color? = nil, stroke: Color? = .black,
                lineWidth: Double = 1, label: String? = nil) {
        self.x = x; self.y = y; self.fill = fill; self.stroke = stroke
        self.lineWidth = lineWidth; self.label = label
    }
}

/// A circle in data coordinates (an ellipse on screen unless the axes' aspect is `.equal`).
public struct Circle: Sendable {
    /// Centre, horizontal.
    public var centerX: Double
    /// Centre, vertical.
    public var centerY: Double
    /// Radius in data units.
    public var radius: Double
    /// Fill colour, or `nil` for no fill.
    public var fill: Color?
    /// Outline colour, or `nil` for no outline.
    public var stroke: Color?
    /// Outline width in points.
    public var lineWidth: Double
    /// Legend entry, or `nil` for none.
    public var label: String?

    /// A circle; see the properties for the meaning of each argument.
    public init(center: (Double, Double), radius: Double, fill: Color? = nil, stroke: Color? = .black,
                lineWidth: Double = 1, label: String? = nil) {
        centerX = center.0; centerY = center.1; self.radius = radius
        self.fill = fill; self.stroke = stroke; self.lineWidth = lineWidth; self.label = label
    }
}
