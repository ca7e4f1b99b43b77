/// What a text on the canvas is, for layout checks and styling.
public enum TextRole: String, Sendable, Hashable {
    /// The figure's title.
    case figureTitle
    /// A subplot's title.
    case title
    /// An axis label (x, y, or colour bar).
    case axisLabel
    /// A tick label (axes or colour bar).
    case tickLabel
    /// A legend entry.
    case legend
    /// A text or arrow label placed in data coordinates.
    case annotation
}

/// A text placed on the canvas: what it says and where its box is.
public struct TextBox: Sendable {
    /// The label markup.
    public var text: String
    /// Its box on the canvas (already rotated for rotated labels).
    public var box: LayoutBox
    /// What the text is.
    public var role: TextRole
    /// Font size in points.
    public var fontSize: Double
    /// Whether the text reads bottom-to-top (y-axis and colour-bar labels).
    public var rotated: Bool
    /// The wrapping width in points, or `nil` for a single line.
    public var wrapWidth: Double?
}

/// The resolved placement of one subplot and its decorations.
public struct PanelLayout: Sendable {
    /// Subplot row (0 on top).
    public var row: Int
    /// Subplot column (0 on the left).
    public var column: Int
    /// The plot area (inside the spines).
    public var plotArea: LayoutBox
    /// The shown x range.
    public var xLimits: ClosedRange<Double>
    /// The shown y range.
    public var yLimits: ClosedRange<Double>
    /// Labelled x ticks.
    public var xTicks: [Tick]
    /// Labelled y ticks.
    public var yTicks: [Tick]
    /// Unlabelled minor x ticks (log axes).
    public var xMinorTicks: [Double]
    /// Unlabelled minor y ticks (log axes).
    public var yMinorTicks: [Double]
    /// Where the legend ended up (``LegendPlacement/auto`` resolved), or `nil` when there is none.
    public var legendPlacement: LegendPlacement?
    /// The legend's frame, or `nil`.
    public var legendArea: LayoutBox?
    /// The colour bar's gradient box, or `nil`.
    public var colorBarArea: LayoutBox?
    /// Labelled colour-bar ticks.
    public var colorBarTicks: [Tick]
    /// How many cells of a 256 × 256 grid over the plot area that hold data (lines, markers, bars,
    /// bands) the legend covers; 0 means the legend hides nothing.
    public var legendCoveredSamples: Int

    /// The factor the legend's text is set smaller by: 1, or less when a fitted figure's legend
    /// would otherwise hide data or run above the plot's top.
    var legendShrink = 1.0
    /// Legend rows: the artist index and the sample-handle box.
    var legendEntries: [(artist: Int, handle: LayoutBox)] = []
    /// Where the x label, y label, title and colour-bar label went (gnuplot places them there too).
    var labelBoxes: [LabelKind: TextBox] = [:]

    /// The labels a panel places around its plot area.
    enum LabelKind: Sendable {
        case x, y, title, colorBar
    }
}

/// The complete placement of a figure's parts, in points (1/72 inch) from the top-left corner.
public struct FigureLayout: Sendable {
    /// Canvas width in points.
    public var width: Double
    /// Canvas height in points.
    public var height: Double
    /// One entry per subplot, row-major.
    public var panels: [PanelLayout]
    /// Every text on the canvas except annotations placed in data coordinates.
    public var textBoxes: [TextBox]

    /// The whole canvas as a box.
    public var canvas: LayoutBox { LayoutBox(x: 0, y: 0, width: width, height: height) }
}

extension Figure {
    /// Computes where every part of the figure goes, measuring texts with Pango.
    /// - Throws: ``PlottingError`` for invalid data or markup.
    public func layout() throws -> FigureLayout {
        try validate()
        let measurer = try PangoMeasurer(fontFamily: fontFamily)
        return try LayoutEngine(figure: self, measurer: measurer).run()
    }
}
