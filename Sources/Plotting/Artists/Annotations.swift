/// A line across the whole plot area at a fixed data value (an "expert" level, a threshold).
public struct ReferenceLine: Sendable {
    /// Which way the line runs.
    public enum Orientation: String, Sendable, Hashable {
        /// Constant y, spanning the x range.
        case horizontal
        /// Constant x, spanning the y range.
        case vertical
    }

    /// Which way the line runs.
    public var orientation: Orientation
    /// The constant coordinate (y for horizontal, x for vertical).
    public var value: Double
    /// Legend entry, or `nil` for none.
    public var label: String?
    /// Colour; reference lines do not take palette colours by default.
    public var color: Color
    /// Dash pattern.
    public var style: LineStyle
    /// Stroke width in points.
    public var width: Double

    /// A reference line; see the properties for the meaning of each argument.
    public init(orientation: Orientation, value: Double, label: String? = nil, color: Color = .black,
                style: LineStyle = .dashed, width: Double = 1.2) {
        self.orientation = orientation; self.value = value; self.label = label
        self.color = color; self.style = style; self.width = width
    }
}

/// A text at a data point. It uses the label markup (see ``Markup``).
public struct TextLabel: Sendable {
    /// The text (label markup allowed).
    public var text: String
    /// Horizontal anchor position in data coordinates.
    public var x: Double
    /// Vertical anchor position in data coordinates.
    public var y: Double
    /// Which point of the text sits at `(x, y)`.
    public var anchor: TextAnchor
    /// Text colour.
    public var color: Color
    /// Font size in points, or `nil` for the figure's font size.
    public var size: Double?

    /// A text label; see the properties for the meaning of each argument.
    public init(text: String, x: Double, y: Double, anchor: TextAnchor = .center,
                color: Color = .black, size: Double? = nil) {
        self.text = text; self.x = x; self.y = y; self.anchor = anchor; self.color = color; self.size = size
    }
}

/// An arrow from one data point to another; the optional label sits beyond the tail.
public struct Arrow: Sendable {
    /// Tail, horizontal.
    public var fromX: Double
    /// Tail, vertical.
    public var fromY: Double
    /// Head, horizontal.
    public var toX: Double
    /// Head, vertical.
    public var toY: Double
    /// Text at the tail (label markup allowed), or `nil`.
    public var label: String?
    /// Colour of the arrow and its label.
    public var color: Color
    /// Stroke width in points.
    public var width: Double

    /// An arrow; see the properties for the meaning of each argument.
    public init(from: (Double, Double), to: (Double, Double), label: String? = nil,
                color: Color = .black, width: Double = 1.0) {
        fromX = from.0; fromY = from.1; toX = to.0; toY = to.1
        self.label = label; self.color = color; self.width = width
    }
}
