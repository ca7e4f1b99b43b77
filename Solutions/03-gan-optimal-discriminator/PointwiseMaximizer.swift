import ExerciseAPI

extension GANTheory {
    /// Exercise 3.1: the `y ∈ [0, 1]` that maximises `a·log y + b·log(1 − y)` for `a, b ≥ 0`,
    /// namely `a / (a + b)`; `½` when `a = b = 0`.
    public func pointwiseMaximizer(a: Double, b: Double) throws -> Double {
        guard a.isFinite, b.isFinite, a >= 0, b >= 0 else {
            throw GANInputError("pointwiseMaximizer: a and b must be finite and non-negative, got a = \(a), b = \(b)")
        }
        if a == 0 && b == 0 { return 0.5 }
        // a/(a+b) written so that a + b never overflows: divide by the larger of the two.
        return a >= b ? 1 / (1 + b / a) : (a / b) / (1 + a / b)
    }
}
