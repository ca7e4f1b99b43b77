/// One subplot: its artists (in drawing order) and its axis settings.
///
/// `Axes` is a value: change it in place through the figure, `fig.ax.line(…)` or
/// `fig[0, 1].title = …`, or build one and assign it, `fig[0, 1] = panel`.
/// Every plotting method is `mutating` and appends one artist; nothing is validated until the
/// figure is saved, which throws a ``PlottingError`` naming the offending artist.
public struct Axes: Sendable {
    /// The artists, in the order they are drawn.
    public var artists: [Artist] = []
    /// Title above the plot area (label markup allowed), or `nil`.
    public var title: String?
    /// Label under the x axis (label markup allowed), or `nil`.
    public var xLabel: String?
    /// Label left of the y axis, rotated (label markup allowed), or `nil`.
    public var yLabel: String?
    /// How x values map to positions.
    public var xScale: AxisScale = .linear
    /// How y values map to positions.
    public var yScale: AxisScale = .linear
    /// Fixed x range, or `nil` for the data's range plus a small padding.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y range, or `nil` for the data's range plus a small padding.
    public var yLimits: ClosedRange<Double>?
    /// Explicit x tick positions, or `nil` for automatic "nice" ticks.
    public var xTicks: [Double]?
    /// Explicit y tick positions, or `nil` for automatic "nice" ticks.
    public var yTicks: [Double]?
    /// Unit ratio of the axes.
    public var aspect: AspectRatio = .auto
    /// Where the legend goes (``LegendPlacement/auto`` avoids the data).
    public var legend: LegendPlacement = .auto
    /// Light grid lines at the major ticks.
    public var grid: Bool = false
    /// Whether the left and bottom spines are drawn (false for a panel of pictures, such as images
    /// drawn pixel by pixel, whose ticks are empty too).
    public var showsSpines: Bool = true

    /// An empty subplot.
    public init() {}

    /// Whether anything has been added.
    public var isEmpty: Bool { artists.isEmpty }
}
