import Foundation

/// A dense matrix of `Float` (32-bit) numbers stored row by row.
///
/// `Matrix` is a value type: assigning it or passing it to a function copies it, and the copy is
/// cheap because the entries (a `MatrixStorage` block) are shared until one of the two is changed
/// (copy-on-write, as with a Swift `Array`). Every number of the kit's networks lives in a `Matrix`; a minibatch
/// is a matrix with one example per row, a bias is a 1×n row, a scalar loss is 1×1.
///
/// ```swift
/// var a = Matrix([[1, 2, 3],
///                 [4, 5, 6]])          // 2×3
/// a[0, 1] = 20
/// let b = a.transposed()              // 3×2
/// let c = a.matmul(b)                 // 2×2, through BLAS
/// let d = a + Matrix(rowVector: [1, 1, 1])   // the row is added to every row
/// ```
public struct Matrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let cols: Int
    /// The entries, row after row (entry (r, c) is float `r * cols + c`); shared between copies until
    /// one of them changes it. Safe to send between tasks although the block is a class: a block is
    /// written only while one matrix alone holds it (`makeStorageUnique()`).
    @usableFromInline nonisolated(unsafe) internal var storage: MatrixStorage

    /// A `rows`×`cols` matrix with every entry equal to `value`.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative, got \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = MatrixStorage.repeating(value, count: rows * cols)
    }

    /// A `rows`×`cols` matrix with the given entries, row after row.
    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative, got \(rows)×\(cols)")
        precondition(values.count == rows * cols,
                      "Matrix(rows: \(rows), cols: \(cols), values:) needs \(rows * cols) values, got \(values.count)")
        self.rows = rows
        self.cols = cols
        self.storage = values.withUnsafeBufferPointer { MatrixStorage.copying($0) }
    }

    /// A `rows`×`cols` matrix sharing `storage` (which holds `rows * cols` floats).
    @inlinable
    internal init(rows: Int, cols: Int, storage: MatrixStorage) {
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// A matrix from a list of rows, all of the same length.
    public init(_ rowList: [[Float]]) {
        let width = rowList.first?.count ?? 0
        for (i, row) in rowList.enumerated() {
            precondition(row.count == width, "Matrix([[Float]]): row \(i) has \(row.count) entries, row 0 has \(width)")
        }
        self.init(rows: rowList.count, cols: width, values: rowList.flatMap { $0 })
    }

    /// A 1×n matrix holding `values` (for example a bias, or one observation).
    public init(rowVector values: [Float]) {
        self.init(rows: 1, cols: values.count, values: values)
    }

    /// An n×1 matrix holding `values` (for example one target per example).
    public init(columnVector values: [Float]) {
        self.init(rows: values.count, cols: 1, values: values)
    }

    /// A 1×1 matrix holding `value`.
    public init(scalar value: Float) {
        self.init(rows: 1, cols: 1, values: [value])
    }

    /// A matrix whose entries are written by `body` into uninitialised storage of
    /// `rows * cols` floats. `body` must write every entry. Used by the fast kernels.
    @inlinable
    public init(rows: Int, cols: Int, unsafeUninitialized body: (inout UnsafeMutableBufferPointer<Float>) -> Void) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative, got \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = MatrixStorage.uninitialized(count: rows * cols)
        storage.withUnsafeMutableBufferPointer { body(&$0) }
    }

    /// A matrix of zeros.
    public static func zeros(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, repeating: 0)
    }

    /// A matrix of ones.
    public static func ones(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, repeating: 1)
    }

    /// The n×n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix.zeros(n, n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// `(rows, cols)`.
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// The number of entries, `rows * cols`.
    public var count: Int { rows * cols }

    /// The entries, row after row.
    public var scalars: [Float] { storage.withUnsafeBufferPointer { Array($0) } }

    /// The single entry of a 1×1 matrix.
    public var scalar: Float {
        precondition(rows == 1 && cols == 1, "Matrix.scalar needs a 1×1 matrix, got \(shapeDescription)")
        return storage.withUnsafeBufferPointer { $0[0] }
    }

    /// The shape written as "rows×cols", for messages.
    public var shapeDescription: String { "\(rows)×\(cols)" }

    /// Entry (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < cols,
                          "Matrix index (\(row), \(column)) out of range for a \(rows)×\(cols) matrix")
            return storage.withUnsafeBufferPointer { $0[row * cols + column] }
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < cols,
                          "Matrix index (\(row), \(column)) out of range for a \(rows)×\(cols) matrix")
            let index = row * cols + column
            withUnsafeMutableBufferPointer { $0[index] = newValue }
        }
    }

    /// Calls `body` with the entries, row after row.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the entries, row after row, for changing them in place.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        makeStorageUnique()
        return try storage.withUnsafeMutableBufferPointer(body)
    }

    /// Gives this matrix a block of its own before it is changed, if another matrix shares it.
    @inlinable
    internal mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// `true` when every entry is neither infinite nor NaN.
    public var isFinite: Bool {
        storage.withUnsafeBufferPointer { p in
            // x - x is 0 for finite x and NaN for ±inf and NaN; one sum checks them all.
            var acc: Float = 0
            for x in p { acc += x - x }
            return acc == 0
        }
    }
}

extension Matrix {
    /// Two matrices are equal when they have the same shape and their entries compare equal with
    /// `==` (so NaN entries make two separately built matrices unequal, as with arrays).
    public static func == (a: Matrix, b: Matrix) -> Bool {
        guard a.rows == b.rows && a.cols == b.cols else { return false }
        if a.storage === b.storage { return true }
        return a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                for i in 0..<pa.count where pa[i] != pb[i] { return false }
                return true
            }
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// The matrix printed row by row, shortened for large matrices.
    public var description: String {
        let maxRows = 8, maxCols = 8
        var lines: [String] = ["Matrix \(shapeDescription)"]
        for r in 0..<Swift.min(rows, maxRows) {
            var entries = (0..<Swift.min(cols, maxCols)).map { c in formatEntry(self[r, c]) }
            if cols > maxCols { entries.append("…") }
            lines.append("  [" + entries.joined(separator: ", ") + "]")
        }
        if rows > maxRows { lines.append("  …") }
        return lines.joined(separator: "\n")
    }

    private func formatEntry(_ x: Float) -> String {
        let s = String(format: "%.4g", Double(x))
        return s
    }
}
