import Foundation

extension Tensor {
    /// The sum of all entries, a 1×1 tensor.
    public func sum() -> Tensor {
        let (r, c) = (rows, cols)
        return Tensor(value: Matrix(scalar: value.sum()), operation: "sum", parents: [self]) { g, _ in
            [Matrix(rows: r, cols: c, repeating: g.scalar)]
        }
    }

    /// The mean of all entries, a 1×1 tensor.
    public func mean() -> Tensor {
        let (r, c) = (rows, cols)
        let n = Float(value.count)
        return Tensor(value: Matrix(scalar: value.mean()), operation: "mean", parents: [self]) { g, _ in
            [Matrix(rows: r, cols: c, repeating: g.scalar / n)]
        }
    }

    /// The sum of each row (across the columns): a rows×1 tensor, one number per example.
    public func rowSums() -> Tensor {
        let c = cols
        return Tensor(value: value.rowSums(), operation: "rowSums", parents: [self]) { g, _ in
            [g * Matrix.ones(1, c)]
        }
    }

    /// The mean of each row (across the columns): a rows×1 tensor.
    public func rowMeans() -> Tensor {
        rowSums() / Float(cols)
    }

    /// The sum of each column (across the rows, i.e. over the batch): a 1×cols tensor.
    public func columnSums() -> Tensor {
        let r = rows
        return Tensor(value: value.columnSums(), operation: "columnSums", parents: [self]) { g, _ in
            [g * Matrix.ones(r, 1)]
        }
    }

    /// The mean of each column (over the batch): a 1×cols tensor.
    public func columnMeans() -> Tensor {
        columnSums() / Float(rows)
    }

    /// log Σⱼ exp(xᵢⱼ) for each row i: a rows×1 tensor, computed stably by subtracting the row
    /// maximum first. Backward: the row's softmax.
    public func logSumExp() -> Tensor {
        let (m, n) = (rows, cols)
        precondition(n > 0, "logSumExp of a tensor with no columns")
        var lse = Matrix.zeros(m, 1)
        var probabilities = value
        probabilities.withUnsafeMutableBufferPointer { p in
            for r in 0..<m {
                var top = -Float.infinity
                for c in 0..<n { top = Swift.max(top, p[r * n + c]) }
                if top == -.infinity { top = 0 }
                var total: Float = 0
                for c in 0..<n {
                    let e = Foundation.exp(p[r * n + c] - top)
                    p[r * n + c] = e
                    total += e
                }
                for c in 0..<n { p[r * n + c] /= total }
                lse[r, 0] = top + Foundation.log(total)
            }
        }
        return Tensor(value: lse, operation: "logSumExp", parents: [self]) { g, _ in
            [probabilities * g]
        }
    }

    /// The softmax of each row: entries exp(xᵢⱼ) / Σₖ exp(xᵢₖ), each row summing to 1.
    public func softmax() -> Tensor {
        exp(logSoftmax())
    }

    /// The log-softmax of each row: xᵢⱼ − logSumExpᵢ (stable). Rows of log-probabilities.
    public func logSoftmax() -> Tensor {
        self - logSumExp()
    }
}
