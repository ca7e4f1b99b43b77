extension Tensor {
    /// The columns in `range` (for example the action part of a state ‖ action batch).
    public func columns(_ range: Range<Int>) -> Tensor {
        let (m, n) = (rows, cols)
        return Tensor(value: value.columns(range), operation: "columns", parents: [self]) { g, _ in
            var full = Matrix.zeros(m, n)
            for r in 0..<m {
                for c in 0..<range.count { full[r, range.lowerBound + c] = g[r, c] }
            }
            return [full]
        }
    }

    /// The rows at `indices`, in order (repeats allowed). Backward adds each row's gradient back.
    public func rows(_ indices: [Int]) -> Tensor {
        let (m, n) = (rows, cols)
        return Tensor(value: value.rows(indices), operation: "rows", parents: [self]) { g, _ in
            var full = Matrix.zeros(m, n)
            for (k, i) in indices.enumerated() {
                for c in 0..<n { full[i, c] += g[k, c] }
            }
            return [full]
        }
    }

    /// The entry of column `indices[i]` in each row i: a rows×1 tensor (for example Q(s, a) from
    /// a row of Q-values per action, or log π(a|s) from a row of log-probabilities).
    public func entries(atColumns indices: [Int]) -> Tensor {
        precondition(indices.count == rows,
                      "entries(atColumns:): \(indices.count) indices for \(rows) rows")
        let (m, n) = (rows, cols)
        for i in indices { precondition(i >= 0 && i < n, "entries(atColumns:): column \(i) out of range 0..<\(n)") }
        let picked = Matrix(columnVector: (0..<m).map { value[$0, indices[$0]] })
        return Tensor(value: picked, operation: "entries", parents: [self]) { g, _ in
            var full = Matrix.zeros(m, n)
            for r in 0..<m { full[r, indices[r]] = g[r, 0] }
            return [full]
        }
    }

    /// The same entries read as a `rows`×`cols` tensor.
    public func reshaped(_ newRows: Int, _ newCols: Int) -> Tensor {
        let (m, n) = (rows, cols)
        return Tensor(value: value.reshaped(newRows, newCols), operation: "reshape", parents: [self]) { g, _ in
            [g.reshaped(m, n)]
        }
    }
}

/// The tensors side by side, `[a | b | …]` (for example state ‖ action for a critic).
public func concatenateColumns(_ parts: [Tensor]) -> Tensor {
    let widths = parts.map(\.cols)
    return Tensor(value: Matrix.concatenatingColumns(parts.map(\.value)), operation: "concatenateColumns",
                  parents: parts) { g, needed in
        var offset = 0
        return widths.enumerated().map { i, w in
            defer { offset += w }
            return needed[i] ? g.columns(offset..<(offset + w)) : nil
        }
    }
}

/// The tensors stacked on top of each other (for example expert and policy batches).
public func concatenateRows(_ parts: [Tensor]) -> Tensor {
    let heights = parts.map(\.rows)
    return Tensor(value: Matrix.concatenatingRows(parts.map(\.value)), operation: "concatenateRows",
                  parents: parts) { g, needed in
        var offset = 0
        return heights.enumerated().map { i, h in
            defer { offset += h }
            return needed[i] ? g.rows(offset..<(offset + h)) : nil
        }
    }
}
