import Foundation

// Element-wise arithmetic on tensors. Two tensors broadcast like matrices do (see `Matrix`):
// an m×n tensor combines with m×n, 1×n (a bias row), m×1 (one number per example) and 1×1.
// The backward pass sums the gradient over the repeated dimensions.

extension Tensor {
    /// Entry-wise sum (with broadcasting).
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        Tensor(value: a.value + b.value, operation: "+", parents: [a, b]) { g, needed in
            [needed[0] ? g.reduced(toRows: a.rows, cols: a.cols) : nil,
             needed[1] ? g.reduced(toRows: b.rows, cols: b.cols) : nil]
        }
    }

    /// Entry-wise difference (with broadcasting).
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        Tensor(value: a.value - b.value, operation: "-", parents: [a, b]) { g, needed in
            [needed[0] ? g.reduced(toRows: a.rows, cols: a.cols) : nil,
             needed[1] ? (-g).reduced(toRows: b.rows, cols: b.cols) : nil]
        }
    }

    /// Entry-wise product (with broadcasting). For the matrix product use `matmul`.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        Tensor(value: a.value * b.value, operation: "*", parents: [a, b]) {
            [aValue = a.value, bValue = b.value] g, needed in
            [needed[0] ? (g * bValue).reduced(toRows: a.rows, cols: a.cols) : nil,
             needed[1] ? (g * aValue).reduced(toRows: b.rows, cols: b.cols) : nil]
        }
    }

    /// Entry-wise quotient (with broadcasting).
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        let quotient = a.value / b.value
        return Tensor(value: quotient, operation: "/", parents: [a, b]) { [bValue = b.value] g, needed in
            [needed[0] ? (g / bValue).reduced(toRows: a.rows, cols: a.cols) : nil,
             // ∂(a/b)/∂b = −(a/b)/b
             needed[1] ? Matrix.combine(g * quotient, bValue) { -$0 / $1 }.reduced(toRows: b.rows, cols: b.cols) : nil]
        }
    }

    /// Every entry negated.
    public static prefix func - (a: Tensor) -> Tensor {
        Tensor(value: -a.value, operation: "negate", parents: [a]) { g, _ in [-g] }
    }

    /// Adds a constant to every entry.
    public static func + (a: Tensor, s: Float) -> Tensor {
        Tensor(value: a.value + s, operation: "+ scalar", parents: [a]) { g, _ in [g] }
    }
    /// Adds a constant to every entry.
    public static func + (s: Float, a: Tensor) -> Tensor { a + s }
    /// Subtracts a constant from every entry.
    public static func - (a: Tensor, s: Float) -> Tensor { a + (-s) }
    /// A constant minus every entry.
    public static func - (s: Float, a: Tensor) -> Tensor {
        Tensor(value: s - a.value, operation: "scalar -", parents: [a]) { g, _ in [-g] }
    }
    /// Multiplies every entry by a constant.
    public static func * (a: Tensor, s: Float) -> Tensor {
        Tensor(value: a.value * s, operation: "* scalar", parents: [a]) { g, _ in [g * s] }
    }
    /// Multiplies every entry by a constant.
    public static func * (s: Float, a: Tensor) -> Tensor { a * s }
    /// Divides every entry by a constant.
    public static func / (a: Tensor, s: Float) -> Tensor { a * (1 / s) }
    /// A constant divided by every entry.
    public static func / (s: Float, a: Tensor) -> Tensor {
        let y = s / a.value
        return Tensor(value: y, operation: "scalar /", parents: [a]) { [aValue = a.value] g, _ in
            [Matrix.combine(g * y, aValue) { -$0 / $1 }]
        }
    }
}

/// Every entry squared.
public func square(_ x: Tensor) -> Tensor {
    Tensor(value: x.value.map { $0 * $0 }, operation: "square", parents: [x]) { [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { 2 * $0 * $1 }]
    }
}

/// The square root of every entry (the gradient is infinite at 0).
public func sqrt(_ x: Tensor) -> Tensor {
    let y = x.value.map { $0.squareRoot() }
    return Tensor(value: y, operation: "sqrt", parents: [x]) { g, _ in
        [Matrix.combine(g, y) { 0.5 * $0 / $1 }]
    }
}

/// e to the power of every entry.
public func exp(_ x: Tensor) -> Tensor {
    let y = x.value.map { Foundation.exp($0) }
    return Tensor(value: y, operation: "exp", parents: [x]) { g, _ in [g * y] }
}

/// The natural logarithm of every entry (NaN for negative entries, −∞ at 0).
public func log(_ x: Tensor) -> Tensor {
    Tensor(value: x.value.map { Foundation.log($0) }, operation: "log", parents: [x]) {
        [xValue = x.value] g, _ in
        [g / xValue]
    }
}

/// Every entry raised to a constant power.
public func pow(_ x: Tensor, _ p: Float) -> Tensor {
    Tensor(value: x.value.map { Foundation.pow($0, p) }, operation: "pow", parents: [x]) {
        [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { $0 * p * Foundation.pow($1, p - 1) }]
    }
}

/// The absolute value of every entry (gradient 0 at 0).
public func abs(_ x: Tensor) -> Tensor {
    Tensor(value: x.value.map { Swift.abs($0) }, operation: "abs", parents: [x]) { [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0) }]
    }
}

/// The entry-wise smaller of two tensors (with broadcasting), e.g. the twin-critic min(Q₁, Q₂).
/// The gradient goes to the smaller entry (to `a` on ties).
public func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
    Tensor(value: Matrix.combine(a.value, b.value, operation: "minimum") { Swift.min($0, $1) },
           operation: "minimum", parents: [a, b]) { [aValue = a.value, bValue = b.value] g, needed in
        let takeA = Matrix.combine(aValue, bValue) { $0 <= $1 ? 1 : 0 }
        return [needed[0] ? (g * takeA).reduced(toRows: a.rows, cols: a.cols) : nil,
                needed[1] ? (g * (1 - takeA)).reduced(toRows: b.rows, cols: b.cols) : nil]
    }
}

/// The entry-wise larger of two tensors (with broadcasting). The gradient goes to the larger
/// entry (to `a` on ties).
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
    Tensor(value: Matrix.combine(a.value, b.value, operation: "maximum") { Swift.max($0, $1) },
           operation: "maximum", parents: [a, b]) { [aValue = a.value, bValue = b.value] g, needed in
        let takeA = Matrix.combine(aValue, bValue) { $0 >= $1 ? 1 : 0 }
        return [needed[0] ? (g * takeA).reduced(toRows: a.rows, cols: a.cols) : nil,
                needed[1] ? (g * (1 - takeA)).reduced(toRows: b.rows, cols: b.cols) : nil]
    }
}
