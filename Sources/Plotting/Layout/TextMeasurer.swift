/// Measures label markup; the layout depends only on this.
protocol TextMeasurer {
    /// The logical size in points of `text` (label markup) at `size` points, wrapped at `wrapWidth`.
    func measure(_ text: String, size: Double, wrapWidth: Double?) throws -> (width: Double, height: Double)
}

/// Style constants of the figure, in points or as multiples of the base font size.
enum Style {
    static let outerPad = 6.0
    static let tickLength = 3.5
    static let minorTickLength = 2.0
    static let tickPad = 3.0
    static let labelPad = 4.0
    static let titlePad = 6.0
    static let spineWidth = 0.8
    static let tickWidth = 0.8
    static let colorBarGap = 10.0
    static let colorBarWidth = 10.0
    static let legendInset = 5.0
    static let legendPad = 5.0
    static let legendHandle = 22.0
    static let legendHandleGap = 6.0
    static let legendRowGap = 2.0
    static let outsideLegendGap = 10.0
    static let tickScale = 0.9
    static let legendScale = 0.9
    static let titleScale = 1.1
    static let figureTitleScale = 1.25
    static let annotationScale = 0.9
}
