import CBLAS

extension Matrix {
    /// The sum of all entries (accumulated in `Double`).
    public func sum() -> Float {
        storage.withUnsafeBufferPointer { p in
            var acc: Double = 0
            for x in p { acc += Double(x) }
            return Float(acc)
        }
    }

    /// The mean of all entries.
    public func mean() -> Float {
        precondition(count > 0, "Matrix.mean() of an empty \(shapeDescription) matrix")
        return sum() / Float(count)
    }

    /// The largest entry.
    public func max() -> Float {
        precondition(count > 0, "Matrix.max() of an empty \(shapeDescription) matrix")
        return storage.withUnsafeBufferPointer { $0.max()! }
    }

    /// The smallest entry.
    public func min() -> Float {
        precondition(count > 0, "Matrix.min() of an empty \(shapeDescription) matrix")
        return storage.withUnsafeBufferPointer { $0.min()! }
    }

    /// The Euclidean (Frobenius) norm, the square root of the sum of squared entries.
    public func norm() -> Float {
        storage.withUnsafeBufferPointer { p in
            var acc: Double = 0
            for x in p { acc += Double(x) * Double(x) }
            return Float(acc.squareRoot())
        }
    }

    /// The sum of each column: a 1×cols row (sums over the examples of a batch).
    ///
    /// Computed as 1ᵀ·A by BLAS `sgemv` (the bias gradient of every dense layer is one of these).
    public func columnSums() -> Matrix {
        let (m, n) = (rows, cols)
        if m == 0 || n == 0 { return Matrix.zeros(1, n) }
        let ones = Matrix(rows: 1, cols: m, repeating: 1)
        return storage.withUnsafeBufferPointer { a in
            ones.withUnsafeBufferPointer { x in
                Matrix(rows: 1, cols: n) { y in
                    kit_sgemv(1, Int32(m), Int32(n), 1, a.baseAddress, Int32(n),
                              x.baseAddress, 1, 0, y.baseAddress, 1)
                }
            }
        }
    }

    /// The sum of each row: a rows×1 column (one number per example).
    public func rowSums() -> Matrix {
        let (m, n) = (rows, cols)
        return storage.withUnsafeBufferPointer { p in
            Matrix(rows: m, cols: 1) { out in
                for r in 0..<m {
                    var acc: Float = 0
                    for c in 0..<n { acc += p[r * n + c] }
                    out[r] = acc
                }
            }
        }
    }

    /// The mean of each column: a 1×cols row.
    public func columnMeans() -> Matrix {
        precondition(rows > 0, "Matrix.columnMeans() of a matrix with no rows")
        return columnSums() / Float(rows)
    }

    /// The mean of each row: a rows×1 column.
    public func rowMeans() -> Matrix {
        precondition(cols > 0, "Matrix.rowMeans() of a matrix with no columns")
        return rowSums() / Float(cols)
    }

    /// The largest entry of each row: a rows×1 column.
    public func rowMaxima() -> Matrix {
        precondition(cols > 0, "Matrix.rowMaxima() of a matrix with no columns")
        return storage.withUnsafeBufferPointer { p in
            Matrix(columnVector: (0..<rows).map { r in
                var best = p[r * cols]
                for c in 1..<Swift.max(cols, 1) where p[r * cols + c] > best { best = p[r * cols + c] }
                return best
            })
        }
    }

    /// The column index of the largest entry of each row (the first one on ties).
    public func argmaxOfEachRow() -> [Int] {
        precondition(cols > 0, "Matrix.argmaxOfEachRow() of a matrix with no columns")
        return storage.withUnsafeBufferPointer { p in
            (0..<rows).map { r in
                var best = 0
                for c in 1..<Swift.max(cols, 1) where p[r * cols + c] > p[r * cols + best] { best = c }
                return best
            }
        }
    }
}
