/// Element-wise arithmetic with broadcasting.
///
/// Two matrices combine entry by entry when, in each dimension, their sizes are equal or one of
/// them is 1; a size-1 dimension is repeated. So an m×n matrix combines with another m×n matrix,
/// with a 1×n row (a bias, added to every row), with an m×1 column (one number per example),
/// and with a 1×1 scalar.
extension Matrix {
    /// The shape two matrices broadcast to, or a precondition failure naming both shapes.
    @inlinable
    public static func broadcastShape(_ a: Matrix, _ b: Matrix, operation: String) -> (rows: Int, cols: Int) {
        func size(_ x: Int, _ y: Int) -> Int? { x == y ? x : (x == 1 ? y : (y == 1 ? x : nil)) }
        guard let r = size(a.rows, b.rows), let c = size(a.cols, b.cols) else {
            preconditionFailure("\(operation): shapes \(a.shapeDescription) and \(b.shapeDescription) do not broadcast "
                                + "(each dimension must be equal or 1)")
        }
        return (r, c)
    }

    /// `f` applied entry by entry to `a` and `b`, broadcast to a common shape.
    @inlinable
    public static func combine(
        _ a: Matrix, _ b: Matrix, operation: String = "element-wise op", _ f: (Float, Float) -> Float
    ) -> Matrix {
        let (m, n) = broadcastShape(a, b, operation: operation)
        return a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                Matrix(rows: m, cols: n) { out in
                    if a.rows == b.rows && a.cols == b.cols {
                        for i in 0..<out.count { out[i] = f(pa[i], pb[i]) }
                    } else if b.count == 1 {
                        let s = pb[0]
                        for r in 0..<m {
                            let ar = a.rows == 1 ? 0 : r * a.cols
                            if a.cols == n {
                                for c in 0..<n { out[r * n + c] = f(pa[ar + c], s) }
                            } else {
                                for c in 0..<n { out[r * n + c] = f(pa[ar], s) }
                            }
                        }
                    } else {
                        let aRow = a.rows == 1 ? 0 : a.cols, aCol = a.cols == 1 ? 0 : 1
                        let bRow = b.rows == 1 ? 0 : b.cols, bCol = b.cols == 1 ? 0 : 1
                        for r in 0..<m {
                            let ao = r * aRow, bo = r * bRow, oo = r * n
                            if aCol == 1 && bCol == 1 {
                                for c in 0..<n { out[oo + c] = f(pa[ao + c], pb[bo + c]) }
                            } else {
                                for c in 0..<n { out[oo + c] = f(pa[ao + c * aCol], pb[bo + c * bCol]) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `f` applied to every entry.
    @inlinable
    public func map(_ f: (Float) -> Float) -> Matrix {
        storage.withUnsafeBufferPointer { p in
            Matrix(rows: rows, cols: cols) { out in
                for i in 0..<out.count { out[i] = f(p[i]) }
            }
        }
    }

    /// Applies `f` to every entry in place.
    @inlinable
    public mutating func apply(_ f: (Float) -> Float) {
        withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = f(p[i]) }
        }
    }

    /// The sum of a gradient over the dimensions that broadcasting repeated, so that it has
    /// shape `rows`×`cols` again (used by the backward pass of broadcast operations).
    public func reduced(toRows targetRows: Int, cols targetCols: Int) -> Matrix {
        if rows == targetRows && cols == targetCols { return self }
        precondition((targetRows == rows || targetRows == 1) && (targetCols == cols || targetCols == 1),
                      "Matrix.reduced: cannot reduce \(shapeDescription) to \(targetRows)×\(targetCols)")
        var result = self
        if targetRows == 1 && rows != 1 { result = result.columnSums() }
        if targetCols == 1 && cols != 1 { result = result.rowSums() }
        return result
    }

    /// Adds `alpha · other` to this matrix in place (shapes must be equal).
    public mutating func add(_ other: Matrix, scaledBy alpha: Float = 1) {
        precondition(rows == other.rows && cols == other.cols,
                      "Matrix.add(_:scaledBy:): shapes \(shapeDescription) and \(other.shapeDescription) differ")
        other.storage.withUnsafeBufferPointer { src in
            withUnsafeMutableBufferPointer { dst in
                for i in 0..<dst.count { dst[i] += alpha * src[i] }
            }
        }
    }

    /// Entry-wise sum (with broadcasting).
    public static func + (a: Matrix, b: Matrix) -> Matrix { combine(a, b, operation: "+", +) }
    /// Entry-wise difference (with broadcasting).
    public static func - (a: Matrix, b: Matrix) -> Matrix { combine(a, b, operation: "-", -) }
    /// Entry-wise (Hadamard) product (with broadcasting). For the matrix product use `matmul`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { combine(a, b, operation: "*", *) }
    /// Entry-wise quotient (with broadcasting).
    public static func / (a: Matrix, b: Matrix) -> Matrix { combine(a, b, operation: "/", /) }

    /// Adds `s` to every entry.
    public static func + (a: Matrix, s: Float) -> Matrix { a.map { $0 + s } }
    /// Adds `s` to every entry.
    public static func + (s: Float, a: Matrix) -> Matrix { a.map { s + $0 } }
    /// Subtracts `s` from every entry.
    public static func - (a: Matrix, s: Float) -> Matrix { a.map { $0 - s } }
    /// `s` minus every entry.
    public static func - (s: Float, a: Matrix) -> Matrix { a.map { s - $0 } }
    /// Multiplies every entry by `s`.
    public static func * (a: Matrix, s: Float) -> Matrix { a.map { $0 * s } }
    /// Multiplies every entry by `s`.
    public static func * (s: Float, a: Matrix) -> Matrix { a.map { s * $0 } }
    /// Divides every entry by `s`.
    public static func / (a: Matrix, s: Float) -> Matrix { a.map { $0 / s } }
    /// `s` divided by every entry.
    public static func / (s: Float, a: Matrix) -> Matrix { a.map { s / $0 } }
    /// Every entry negated.
    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    /// In-place entry-wise sum (with broadcasting of `b`).
    public static func += (a: inout Matrix, b: Matrix) {
        if a.rows == b.rows && a.cols == b.cols { a.add(b) } else { a = a + b }
    }
    /// In-place entry-wise difference (with broadcasting of `b`).
    public static func -= (a: inout Matrix, b: Matrix) {
        if a.rows == b.rows && a.cols == b.cols { a.add(b, scaledBy: -1) } else { a = a - b }
    }
    /// Multiplies every entry by `s` in place.
    public static func *= (a: inout Matrix, s: Float) { a.apply { $0 * s } }
}
