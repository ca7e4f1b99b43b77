/// A figure: a canvas of `width × height` inches holding a `rows × columns` grid of ``Axes``.
///
/// ```swift
/// var fig = Figure(width: 6.4, height: 4.0)
/// fig.ax.line(x: steps, y: returns, label: "BC")
/// fig.ax.horizontalLine(y: expert, label: "expert π*")
/// fig.ax.xLabel = "demonstrations"; fig.ax.yLabel = "return"
/// try fig.save(to: "out/01/return-vs-demos", formats: [.png, .pdf])
/// ```
/// `Figure` is a `Sendable` value: copies are independent, and it may be built on any thread.
public struct Figure: Sendable {
    /// Canvas width in inches.
    public var width: Double
    /// Canvas height in inches.
    public var height: Double
    /// Number of subplot rows.
    public let rows: Int
    /// Number of subplot columns.
    public let columns: Int
    /// The figure title above all subplots (label markup allowed), or `nil`.
    public var title: String?
    /// Base font size in points (tick labels are 0.9×, titles 1.1×).
    public var fontSize: Double = 10
    /// The font family (a Pango/fontconfig family name, also given to gnuplot).
    public var fontFamily: String = "DejaVu Sans"
    /// How much larger the figure is drawn than it is laid out: the output is `width × scale` by
    /// `height × scale` inches, and text, line widths, markers and paddings grow by the same factor.
    /// 1 (the default) draws at the laid-out size; ``fitted(to:)`` sets it for a ``FigureSize``.
    public var scale: Double = 1
    /// The subplots, row-major: `panels[row * columns + column]`.
    public private(set) var panels: [Axes]
    /// Problems found while building (e.g. an out-of-grid subscript), thrown by ``save(to:formats:backend:pngScale:)``.
    public private(set) var buildErrors: [String] = []

    /// A figure of `width × height` inches with a `rows × columns` subplot grid.
    /// Invalid sizes are reported when the figure is saved.
    public init(width: Double = 6.4, height: Double = 4.0, rows: Int = 1, columns: Int = 1) {
        self.width = width
        self.height = height
        self.rows = max(rows, 1)
        self.columns = max(columns, 1)
        panels = Array(repeating: Axes(), count: self.rows * self.columns)
        if rows < 1 || columns < 1 { buildErrors.append("subplot grid \(rows)×\(columns) must have at least 1×1") }
    }

    /// The subplot at `row`, `column` (both from 0, row 0 on top).
    /// An index outside the grid reads an empty axes, and writing it is reported when saving.
    public subscript(row: Int, column: Int) -> Axes {
        get {
            guard contains(row: row, column: column) else { return Axes() }
            return panels[row * columns + column]
        }
        set {
            guard contains(row: row, column: column) else {
                buildErrors.append("subplot (\(row), \(column)) is outside the \(rows)×\(columns) grid")
                return
            }
            panels[row * columns + column] = newValue
        }
    }

    /// The first subplot (the only one of a 1×1 figure), as in matplotlib's `fig, ax = plt.subplots()`.
    public var ax: Axes {
        get { panels[0] }
        set { panels[0] = newValue }
    }

    /// Whether `(row, column)` is inside the subplot grid.
    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns
    }
}
