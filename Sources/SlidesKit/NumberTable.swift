/// A lesson's dotted keys (`comparison.buffers.final.bcq.finalReturn.mean`) laid out as readable
/// table columns: numbers that share their leading parts sit under one heading with those parts
/// (`comparison / buffers / final / bcq / finalReturn`), each shown by its last part (`mean`).
public enum NumberTable {
    /// One row of a column.
    public enum Row: Equatable, Sendable {
        /// The leading parts shared by the numbers below.
        case heading(String)
        /// A number, shown by its key's last part, indented under its heading (a top-level key
        /// has no heading and is not indented).
        case number(key: String, value: Double, indented: Bool)
    }

    /// One column of rows, at most as many as asked for.
    public struct Column: Equatable, Sendable {
        /// The rows, top to bottom.
        public var rows: [Row]
        /// How many of the rows are numbers.
        public var numberCount: Int { rows.count { if case .number = $0 { true } else { false } } }
    }

    /// `numbers` (in their order) in columns of at most `rows` rows. A group's heading is repeated
    /// (with "(cont.)") when its numbers continue in the next column; headings and keys longer than
    /// `keyWidth` characters lose leading parts, marked "…".
    public static func columns(_ numbers: [(key: String, value: Double)], rows: Int, keyWidth: Int) -> [Column] {
        precondition(rows >= 2, "NumberTable: a column needs room for a heading and a number")
        var columns: [Column] = []
        var current: [Row] = []
        var group: String?
        for (key, value) in numbers {
            let parts = key.split(separator: ".").map(String.init)
            let parent = parts.dropLast().joined(separator: " / ")
            let startsGroup = parent != group
            let row = Row.number(key: shorten(parent.isEmpty ? key : parts.last!, width: keyWidth - 2), value: value,
                                 indented: !parent.isEmpty)
            if current.count + (startsGroup && !parent.isEmpty ? 2 : 1) > rows {
                columns.append(Column(rows: current))
                current = parent.isEmpty ? [] : [.heading(shorten(parent, width: keyWidth) + (startsGroup ? "" : " (cont.)"))]
            } else if startsGroup && !parent.isEmpty {
                current.append(.heading(shorten(parent, width: keyWidth)))
            }
            group = parent
            current.append(row)
        }
        if !current.isEmpty { columns.append(Column(rows: current)) }
        return columns
    }

    /// `text` cut to `width` characters by dropping leading " / " parts (marked "…"), and, if one
    /// part alone is still too long, by keeping its end.
    static func shorten(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        var parts = text.components(separatedBy: " / ")
        while parts.count > 1 && ("… / " + parts.joined(separator: " / ")).count > width { parts.removeFirst() }
        let tail = parts.joined(separator: " / ")
        let marked = "… / " + tail
        if marked.count <= width { return marked }
        return "…" + String(tail.suffix(max(width - 1, 1)))
    }
}
