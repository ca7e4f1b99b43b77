/// A table of numbers and text, printed aligned in the terminal and written to the notebooks.
///
/// ```swift
/// var table = Table("Return by number of demonstrations",
///                   columns: ["demos", .init("BC return", format: .fixed(1)), "expert"])
/// try table.addRow(5, -812.31, -150.2)
/// try table.addRow(10, Table.Cell.estimate(mean: -402.5, spread: 31.0), -150.2)
/// context.show(table)
/// ```
public struct Table: Sendable, Equatable {
    /// The table's title, printed above it (optional).
    public var title: String?
    /// The columns, left to right.
    public private(set) var columns: [Column]
    /// The rows, top to bottom; each has one cell per column.
    public private(set) var rows: [[Cell]]

    /// Creates an empty table with a title and columns.
    public init(_ title: String? = nil, columns: [Column]) {
        self.title = title
        self.columns = columns
        self.rows = []
    }

    /// Creates a table with a title, columns and rows.
    ///
    /// - Throws: `LessonError.tableRowWidth` if a row does not have one entry per column.
    public init(_ title: String? = nil, columns: [Column], rows: [[any TableEntry]]) throws {
        self.init(title, columns: columns)
        for row in rows { try addRow(row) }
    }

    /// Appends a row: one entry per column (numbers, text or `Table.Cell`s).
    ///
    /// - Throws: `LessonError.tableRowWidth` if the number of entries differs from the columns'.
    public mutating func addRow(_ entries: any TableEntry...) throws {
        try addRow(entries)
    }

    /// Appends a row given as an array: one entry per column.
    ///
    /// - Throws: `LessonError.tableRowWidth` if the number of entries differs from the columns'.
    public mutating func addRow(_ entries: [any TableEntry]) throws {
        guard entries.count == columns.count else {
            throw LessonError.tableRowWidth(expected: columns.count, got: entries.count)
        }
        rows.append(entries.map(\.tableCell))
    }

    /// The text of every cell, column by column formatted, as the terminal and notebooks show it.
    public func formattedCells() -> [[String]] {
        let formats = columns.indices.map { column in
            columns[column].format.resolved(for: rows.map { $0[column] })
        }
        return rows.map { row in
            row.indices.map { row[$0].text(using: formats[$0]) }
        }
    }

    /// The table as aligned plain text: header, a rule, then the rows (no trailing newline).
    public func plainText() -> String {
        let body = formattedCells()
        let headers = columns.map(\.title)
        var widths = headers.map(\.count)
        for row in body {
            for (column, text) in row.enumerated() { widths[column] = max(widths[column], text.count) }
        }
        func line(_ texts: [String]) -> String {
            texts.enumerated().map { column, text in
                pad(text, to: widths[column], alignment: alignment(of: column))
            }.joined(separator: "   ").trimmingTrailingSpaces()
        }
        var lines: [String] = []
        if let title { lines.append(title) }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "   "))
        lines += body.map(line)
        return lines.joined(separator: "\n")
    }

    /// The table as a Markdown (GitHub pipe) table, its title in bold above it.
    public func markdown() -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines: [String] = []
        if let title { lines += ["**\(escape(title))**", ""] }
        lines.append("| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + columns.indices.map { alignment(of: $0) == .right ? " ---: |" : " --- |" }.joined())
        for row in formattedCells() {
            lines.append("| " + row.map(escape).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The column's alignment: as set, or right for columns of numbers and left for text.
    func alignment(of column: Int) -> Alignment {
        if let alignment = columns[column].alignment { return alignment }
        let numeric = rows.contains { $0[column].isNumeric } && rows.allSatisfy { $0[column].isNumeric || $0[column] == .empty }
        return numeric ? .right : .left
    }

    private func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .right ? padding + text : text + padding
    }
}

extension Table {
    /// Where the text of a column sits.
    public enum Alignment: Sendable, Equatable {
        /// Flush left (the default for text).
        case left
        /// Flush right (the default for numbers).
        case right
    }

    /// A column: its title, how its numbers are written and where they sit.
    public struct Column: Sendable, Equatable, ExpressibleByStringLiteral {
        /// The header text.
        public var title: String
        /// How numbers in this column are written.
        public var format: NumberFormat
        /// Where the text sits; `nil` picks right for numbers, left for text.
        public var alignment: Alignment?

        /// Creates a column.
        public init(_ title: String, format: NumberFormat = .automatic, alignment: Alignment? = nil) {
            self.title = title
            self.format = format
            self.alignment = alignment
        }

        /// Creates a column with automatic number format from its title.
        public init(stringLiteral title: String) {
            self.init(title)
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
