/// How a line is dashed.
public enum LineStyle: String, Sendable, Hashable, CaseIterable {
    /// A continuous line.
    case solid
    /// Long dashes (reference lines such as "expert").
    case dashed
    /// Dots.
    case dotted
    /// Alternating dash and dot.
    case dashDot
}

/// The shape of a scatter marker.
public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    /// A filled disc.
    case circle
    /// A filled square.
    case square
    /// A filled upward triangle.
    case triangle
    /// A filled diamond.
    case diamond
    /// An × cross.
    case cross
    /// A + sign.
    case plus
}

/// How an axis maps data values to positions.
public enum AxisScale: String, Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (base 10); non-positive values are skipped.
    case log
}

/// Where the legend goes.
public enum LegendPlacement: String, Sendable, Hashable, CaseIterable {
    /// The inside corner covering the fewest data points, or outside right when every corner is crowded.
    case auto
    /// Inside, upper right corner.
    case upperRight
    /// Inside, upper left corner.
    case upperLeft
    /// Inside, lower left corner.
    case lowerLeft
    /// Inside, lower right corner.
    case lowerRight
    /// Outside the plot area, to its right.
    case outsideRight
    /// No legend, even when artists have labels.
    case none
}

/// The ratio of the axis units.
public enum AspectRatio: Sendable, Hashable {
    /// Fill the available plot area.
    case auto
    /// One unit on x is as long as one unit on y (circles stay round, tracks keep their shape).
    case equal
}

/// Where a text's anchor point sits relative to the text.
public enum TextAnchor: String, Sendable, Hashable, CaseIterable {
    /// The point is the text's centre.
    case center
    /// The point is the middle of the text's left edge.
    case left
    /// The point is the middle of the text's right edge.
    case right
    /// The point is the middle of the text's top edge (text hangs below).
    case top
    /// The point is the middle of the text's bottom edge (text sits above).
    case bottom
}
