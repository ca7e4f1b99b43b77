/// A numeric table destined for a gnuplot data file.
struct GnuplotTable {
    /// The file name (no directory), e.g. `loss.1-2.dat`.
    var fileName: String
    /// Row-major values.
    var values: [Double]
    /// Numbers per row.
    var columns: Int
    /// Rows per blank-line-separated block (grid data), or 0.
    var block: Int = 0

    /// Rows of equal-length columns; non-finite numbers become NaN (gnuplot skips them).
    init(fileName: String, columns data: [[Double]], block: Int = 0) {
        self.fileName = fileName
        self.columns = data.count
        self.block = block
        let rows = data.map(\.count).min() ?? 0
        var values: [Double] = []
        values.reserveCapacity(rows * data.count)
        for r in 0..<rows {
            for column in data { values.append(column[r].isFinite ? column[r] : .nan) }
        }
        self.values = values
    }

    /// Number of rows.
    var rows: Int { columns == 0 ? 0 : values.count / columns }
}
