/// One drawable element of an ``Axes``, in the order it was added (later artists draw on top).
public enum Artist: Sendable {
    /// A polyline through data points.
    case line(Line)
    /// Unconnected markers.
    case scatter(Scatter)
    /// A filled region between two curves (mean ± std).
    case band(Band)
    /// A histogram of raw values.
    case histogram(Histogram)
    /// A bar series (several series on one axes are grouped side by side).
    case bars(Bars)
    /// A colour image of a grid of values, with a colour bar.
    case heatMap(HeatMap)
    /// A field of arrows.
    case quiver(Quiver)
    /// A horizontal or vertical line across the whole plot area.
    case referenceLine(ReferenceLine)
    /// A text placed in data coordinates.
    case text(TextLabel)
    /// An arrow between two data points, with an optional label at its tail.
    case arrow(Arrow)
    /// A closed polygon in data coordinates.
    case polygon(Polygon)
    /// A circle in data coordinates.
    case circle(Circle)

    /// The legend label, if the artist has one.
    public var label: String? {
        switch self {
        case .line(let a): return a.label
        case .scatter(let a): return a.label
        case .band(let a): return a.label
        case .histogram(let a): return a.label
        case .bars(let a): return a.label
        case .referenceLine(let a): return a.label
        case .polygon(let a): return a.label
        case .circle(let a): return a.label
        case .quiver(let a): return a.label
        case .heatMap, .text, .arrow: return nil
        }
    }
}
