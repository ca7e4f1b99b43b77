import Foundation

/// The size a figure is drawn at, for where it goes: a slide's text area, a paper's column.
///
/// Written `16x9cm`, `6.3x3.5in` (width × height; `x` or `×`), or a preset name: `beamer169` and
/// `beamer43` fill a Beamer frame's text area below its title (16:9 and 4:3, Beamer's default 10 mm
/// margins, room for a two-line caption), `column` a one-column figure of a two-column paper
/// (which also fits an article's text width). ``Figure/fitted(to:)`` applies it.
public struct FigureSize: Sendable, Hashable, CustomStringConvertible {
    /// Width in inches.
    public let width: Double
    /// Height in inches.
    public let height: Double
    /// The preset's name, or `nil` for a size given in numbers.
    public let presetName: String?

    /// A size of `width × height` inches.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
        presetName = nil
    }

    private init(centimetres width: Double, _ height: Double, name: String) {
        self.width = width / 2.54
        self.height = height / 2.54
        presetName = name
    }

    /// A 16:9 Beamer frame's text area (the frame is 160 × 90 mm): 13.6 × 5.6 cm.
    public static let beamer169 = FigureSize(centimetres: 13.6, 5.6, name: "beamer169")
    /// A 4:3 Beamer frame's text area (the frame is 128 × 96 mm), with room for a title and a caption: 10.6 × 6.6 cm.
    public static let beamer43 = FigureSize(centimetres: 10.6, 6.6, name: "beamer43")
    /// A one-column figure of a two-column paper (8.4 cm, also inside an article's 12.2 cm text width): 8.4 × 5.6 cm.
    public static let column = FigureSize(centimetres: 8.4, 5.6, name: "column")

    /// The named sizes, by name.
    public static let presets: [String: FigureSize] = ["beamer169": beamer169, "beamer43": beamer43, "column": column]

    /// Parses `16x9cm`, `6.3x3.5in`, `160x90mm` or a preset name.
    /// - Throws: ``PlottingError/invalidSetting(_:)`` with one line saying what is accepted.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let preset = Self.presets[trimmed] {
            self = preset
            return
        }
        let accepted = "a figure size is WIDTHxHEIGHT with a unit (16x9cm, 6.3x3.5in, 160x90mm) or one of "
            + Self.presets.keys.sorted().joined(separator: ", ")
        let units: [(String, Double)] = [("cm", 1 / 2.54), ("mm", 0.1 / 2.54), ("in", 1)]
        guard let (unit, factor) = units.first(where: { trimmed.hasSuffix($0.0) }) else {
            throw PlottingError.invalidSetting("\(accepted); got \"\(text)\"")
        }
        let numbers = trimmed.dropLast(unit.count).split(whereSeparator: { $0 == "x" || $0 == "×" })
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 2, let w = numbers[0], let h = numbers[1] else {
            throw PlottingError.invalidSetting("\(accepted); got \"\(text)\"")
        }
        let width = w * factor, height = h * factor
        guard width.isFinite, height.isFinite, width >= 1 / 2.54 * 2, height >= 1 / 2.54 * 2, width <= 100, height <= 100 else {
            throw PlottingError.invalidSetting("a figure size must be 2 cm to 100 in on each side; got \"\(text)\"")
        }
        self.init(width: width, height: height)
    }

    /// `beamer169`, or `6.30x3.50in`.
    public var description: String {
        presetName ?? String(format: "%.2fx%.2fin", width, height)
    }
}

extension Figure {
    /// The smallest base font size ``fitted(to:)`` shrinks text to, in points (readable on a slide).
    public static let smallestFittedFontSize = 7.5

    /// This figure drawn at `size`: the layout keeps its proportions of text to plot, so text,
    /// line widths, markers and paddings scale with the figure.
    ///
    /// The figure is laid out at `size / s` and drawn `s` times larger. Unless `scale` gives `s`,
    /// it is the square root of the ratio of the areas (the text shrinks as much as the figure
    /// does on average), but the base font stays at least ``smallestFittedFontSize`` where each
    /// subplot keeps about 2.2 × 1.6 in of layout (less text than that is left for a crowded grid).
    public func fitted(to size: FigureSize, scale: Double? = nil) -> Figure {
        var fitted = self
        let areaRatio = (size.width * size.height) / (width * height)
        let smallest = min(Self.smallestFittedFontSize / fontSize,
                           size.width / (Double(columns) * 2.2), size.height / (Double(rows) * 1.6))
        // The laid-out size stays at least 1.5 in on each side (the layout needs room for its labels).
        let largest = min(size.width, size.height) / 1.5
        let s = scale ?? min(max(areaRatio.squareRoot(), smallest), max(largest, 0.05))
        fitted.width = size.width / s
        fitted.height = size.height / s
        fitted.scale = s
        return fitted
    }
}
