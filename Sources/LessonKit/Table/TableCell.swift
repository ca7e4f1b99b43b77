import Foundation

extension Table {
    /// One entry of a table.
    public enum Cell: Sendable, Equatable {
        /// Text, shown as it is.
        case text(String)
        /// A real number, shown in the column's format.
        case number(Double)
        /// A whole number, shown in full.
        case integer(Int)
        /// A mean and its spread (e.g. a standard deviation), shown "mean ± spread".
        case estimate(mean: Double, spread: Double)
        /// Nothing (shown blank).
        case empty

        /// Whether the entry is a number of some kind.
        var isNumeric: Bool {
            switch self {
            case .number, .integer, .estimate: return true
            case .text, .empty: return false
            }
        }

        /// The magnitudes that set an automatic format.
        var magnitudes: [Double] {
            switch self {
            case .number(let value): return [abs(value)]
            case .estimate(let mean, let spread): return [abs(mean), abs(spread)]
            case .integer, .text, .empty: return []
            }
        }

        /// The entry's text in a resolved number format.
        func text(using format: NumberFormat) -> String {
            switch self {
            case .text(let text): return text
            case .number(let value): return format.string(value)
            case .integer(let value): return String(value)
            case .estimate(let mean, let spread): return format.string(mean) + " ± " + format.string(spread)
            case .empty: return ""
            }
        }
    }

    /// How the numbers of a column are written.
    public enum NumberFormat: Sendable, Equatable {
        /// Four significant digits for the column's largest number (at least one decimal when
        /// some entry has a fraction), the same decimals for every row; scientific notation for
        /// very large or very small columns.
        case automatic
        /// A fixed number of decimals, e.g. `.fixed(2)` writes 3.14.
        case fixed(Int)
        /// Scientific notation with the given decimals, e.g. `.scientific(2)` writes 3.14e-05.
        case scientific(Int)
        /// A fraction written as a percentage with the given decimals, e.g. 0.251 → 25.1%.
        case percent(Int)

        /// The format with `.automatic` settled for the given column of entries.
        func resolved(for cells: [Cell]) -> NumberFormat {
            guard case .automatic = self else { return self }
            let largest = cells.flatMap(\.magnitudes).filter(\.isFinite).max() ?? 0
            if largest == 0 { return .fixed(0) }
            if largest >= 1e6 || largest < 1e-3 { return .scientific(3) }
            let digitsBeforePoint = Int(floor(log10(largest))) + 1
            let hasFraction = cells.flatMap(\.magnitudes).contains { $0.isFinite && $0 != $0.rounded() }
            return .fixed(min(6, max(hasFraction ? 1 : 0, 4 - digitsBeforePoint)))
        }

        /// The number's text in this format (`.automatic` writes four significant digits).
        public func string(_ value: Double) -> String {
            if value.isNaN { return "nan" }
            if value.isInfinite { return value > 0 ? "inf" : "-inf" }
            let text: String
            switch self {
            case .automatic: text = String(format: "%.4g", value)
            case .fixed(let decimals): text = String(format: "%.\(max(0, decimals))f", value)
            case .scientific(let decimals): text = String(format: "%.\(max(0, decimals))e", value)
            case .percent(let decimals): text = String(format: "%.\(max(0, decimals))f", value * 100) + "%"
            }
            return Self.withoutNegativeZero(text)
        }

        /// "-0.00" reads as a sign that is not there; write it "0.00".
        private static func withoutNegativeZero(_ text: String) -> String {
            guard text.hasPrefix("-"), !text.contains(where: { ("1"..."9").contains($0) }) else { return text }
            return String(text.dropFirst())
        }
    }
}

/// A value that can be an entry of a `Table`: numbers, text and `Table.Cell` itself.
public protocol TableEntry {
    /// The value as a table entry.
    var tableCell: Table.Cell { get }
}

extension Table.Cell: TableEntry {
    /// The entry itself.
    public var tableCell: Table.Cell { self }
}

extension Double: TableEntry {
    /// A number entry.
    public var tableCell: Table.Cell { .number(self) }
}

extension Float: TableEntry {
    /// A number entry.
    public var tableCell: Table.Cell { .number(Double(self)) }
}

extension Int: TableEntry {
    /// A whole-number entry.
    public var tableCell: Table.Cell { .integer(self) }
}

extension String: TableEntry {
    /// A text entry.
    public var tableCell: Table.Cell { .text(self) }
}

extension Substring: TableEntry {
    /// A text entry.
    public var tableCell: Table.Cell { .text(String(self)) }
}

extension Bool: TableEntry {
    /// "yes" or "no".
    public var tableCell: Table.Cell { .text(self ? "yes" : "no") }
}
