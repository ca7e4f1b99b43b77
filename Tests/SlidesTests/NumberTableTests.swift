import SlidesKit
import Testing

/// The deck's tables: numbers grouped under their keys' shared leading parts, readable when cut.
@Suite struct NumberTableTests {
    typealias Row = NumberTable.Row

    @Test("numbers that share their leading parts sit under one heading")
    func groups() {
        let columns = NumberTable.columns([("comparison.bcqUpdates", 5000), ("comparison.final.bc.mean", -1039),
                                           ("comparison.final.bc.standardDeviation", 12), ("seeds", 3)],
                                          rows: 10, keyWidth: 40)
        #expect(columns.count == 1)
        #expect(columns[0].rows == [
            .heading("comparison"), .number(key: "bcqUpdates", value: 5000, indented: true),
            .heading("comparison / final / bc"), .number(key: "mean", value: -1039, indented: true),
            .number(key: "standardDeviation", value: 12, indented: true),
            .number(key: "seeds", value: 3, indented: false),
        ])
        #expect(columns[0].numberCount == 4)
    }

    @Test("a group split between columns repeats its heading, and no column is taller than asked")
    func continues() {
        let numbers = (0..<7).map { (key: "a.b.value\($0)", value: Double($0)) }
        let columns = NumberTable.columns(numbers, rows: 4, keyWidth: 40)
        #expect(columns.map(\.rows.count) == [4, 4, 2])
        #expect(columns[1].rows.first == .heading("a / b (cont.)"))
        #expect(columns.reduce(0) { $0 + $1.numberCount } == 7)
    }

    @Test("a heading too long for its column loses its leading parts, marked")
    func shortens() {
        let columns = NumberTable.columns([("comparison.buffers.concurrent.ddpg.finalReturn.mean", 1)], rows: 5,
                                          keyWidth: 30)
        guard case .heading(let text) = columns[0].rows[0] else {
            Issue.record("the first row is not a heading: \(columns[0].rows)")
            return
        }
        #expect(text == "… / ddpg / finalReturn")
    }
}
