import LessonKit
import Testing

@Suite("Tables")
struct TableTests {
    @Test("columns align: numbers right with shared decimals, text left")
    func alignment() throws {
        var table = Table(columns: ["method", "return", .init("success", format: .percent(0))])
        try table.addRow("expert", -150.24, 0.98)
        try table.addRow("BC", -1234.5, 0.4)
        let lines = table.plainText().split(separator: "\n").map(String.init)
        #expect(lines == [
            "method    return   success",
            "──────   ───────   ───────",
            "expert    -150.2       98%",
            "BC       -1234.5       40%",
        ])
    }

    @Test("automatic format: four significant digits of the largest entry, one decimal at least for fractions; scientific when huge or tiny")
    func automaticFormat() throws {
        var small = Table(columns: ["x"])
        try small.addRow(0.012345)
        try small.addRow(0.5)
        #expect(small.formattedCells() == [["0.0123"], ["0.5000"]])
        var tiny = Table(columns: ["x"])
        try tiny.addRow(0.0000123)
        #expect(tiny.formattedCells() == [["1.230e-05"]])
        var integers = Table(columns: ["n"])
        try integers.addRow(25)
        #expect(integers.formattedCells() == [["25"]])
    }

    @Test("mean ± spread, negative zero, non-finite and empty entries")
    func specialEntries() throws {
        var table = Table(columns: [.init("r", format: .fixed(1)), "note"])
        try table.addRow(Table.Cell.estimate(mean: 12.34, spread: 0.56), Table.Cell.empty)
        try table.addRow(-0.01, "—")
        try table.addRow(Double.nan, "x")
        #expect(table.formattedCells() == [["12.3 ± 0.6", ""], ["0.0", "—"], ["nan", "x"]])
    }

    @Test("a row of the wrong width is refused")
    func wrongWidth() {
        var table = Table(columns: ["a", "b"])
        #expect(throws: LessonError.tableRowWidth(expected: 2, got: 1)) { try table.addRow(1) }
    }

    @Test("Markdown form: a pipe table with right-aligned numeric columns and escaped pipes")
    func markdown() throws {
        var table = Table("Returns", columns: ["method", "return"])
        try table.addRow("a|b", 1.5)
        #expect(table.markdown() == "**Returns**\n\n| method | return |\n| --- | ---: |\n| a\\|b | 1.500 |")
    }
}
