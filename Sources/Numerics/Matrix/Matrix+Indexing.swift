extension Matrix {
    /// Row `i` as an array.
    public func row(_ i: Int) -> [Float] {
        precondition(i >= 0 && i < rows, "Matrix.row(\(i)) out of range for a \(shapeDescription) matrix")
        return storage.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[(i * cols)..<((i + 1) * cols)])) }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Float] {
        precondition(j >= 0 && j < cols, "Matrix.column(\(j)) out of range for a \(shapeDescription) matrix")
        return (0..<rows).map { self[$0, j] }
    }

    /// The rows at `indices`, in that order (repeats allowed): how a minibatch is gathered.
    public func rows(_ indices: [Int]) -> Matrix {
        let width = cols
        return storage.withUnsafeBufferPointer { src in
            Matrix(rows: indices.count, cols: width) { dst in
                for (k, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "Matrix.rows(_:): index \(i) out of range for \(rows) rows")
                    for c in 0..<width { dst[k * width + c] = src[i * width + c] }
                }
            }
        }
    }

    /// The rows in `range`.
    public func rows(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows,
                      "Matrix.rows(\(range)) out of range for a \(shapeDescription) matrix")
        let start = range.lowerBound * cols
        return storage.withUnsafeBufferPointer { src in
            Matrix(rows: range.count, cols: cols) { dst in
                for i in 0..<dst.count { dst[i] = src[start + i] }
            }
        }
    }

    /// The columns in `range` (for example the action part of a state ‖ action matrix).
    public func columns(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= cols,
                      "Matrix.columns(\(range)) out of range for a \(shapeDescription) matrix")
        let width = range.count, start = range.lowerBound, stride = cols
        return storage.withUnsafeBufferPointer { src in
            Matrix(rows: rows, cols: width) { dst in
                for r in 0..<rows {
                    for c in 0..<width { dst[r * width + c] = src[r * stride + start + c] }
                }
            }
        }
    }

    /// The matrices side by side, `[a | b | …]`; all must have the same number of rows.
    public static func concatenatingColumns(_ parts: [Matrix]) -> Matrix {
        precondition(!parts.isEmpty, "Matrix.concatenatingColumns needs at least one matrix")
        let height = parts[0].rows
        for p in parts {
            precondition(p.rows == height,
                          "Matrix.concatenatingColumns: shapes \(parts.map(\.shapeDescription)) differ in rows")
        }
        let width = parts.reduce(0) { $0 + $1.cols }
        return Matrix(rows: height, cols: width) { dst in
            var offset = 0
            for p in parts {
                p.storage.withUnsafeBufferPointer { src in
                    for r in 0..<height {
                        for c in 0..<p.cols { dst[r * width + offset + c] = src[r * p.cols + c] }
                    }
                }
                offset += p.cols
            }
        }
    }

    /// The matrices stacked on top of each other; all must have the same number of columns.
    public static func concatenatingRows(_ parts: [Matrix]) -> Matrix {
        precondition(!parts.isEmpty, "Matrix.concatenatingRows needs at least one matrix")
        let width = parts[0].cols
        for p in parts {
            precondition(p.cols == width,
                          "Matrix.concatenatingRows: shapes \(parts.map(\.shapeDescription)) differ in columns")
        }
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, cols: width) { dst in
            var offset = 0
            for p in parts {
                p.storage.withUnsafeBufferPointer { src in
                    for i in 0..<src.count { dst[offset + i] = src[i] }
                }
                offset += p.count
            }
        }
    }

    /// The transpose (rows become columns).
    public func transposed() -> Matrix {
        let (m, n) = (rows, cols)
        return storage.withUnsafeBufferPointer { src in
            Matrix(rows: n, cols: m) { dst in
                for r in 0..<m {
                    for c in 0..<n { dst[c * m + r] = src[r * n + c] }
                }
            }
        }
    }

    /// The same entries read as a `rows`×`cols` matrix (row-major order is kept).
    public func reshaped(_ rows: Int, _ cols: Int) -> Matrix {
        precondition(rows * cols == count,
                      "Matrix.reshaped(\(rows), \(cols)): cannot reshape \(shapeDescription) (\(count) entries)")
        return Matrix(rows: rows, cols: cols, storage: storage)
    }
}
