import ExerciseAPI

extension GANTheory {
    /// Exercise 3.1: the `y ∈ [0, 1]` that maximises `a·log y + b·log(1 − y)` for `a, b ≥ 0`.
    ///
    /// Set the derivative `a/y − b/(1 − y)` to zero. Mind the edge cases: `a = 0` or `b = 0`
    /// (the maximum is on the boundary), `a = b = 0` (every `y` ties: return `½`), and huge
    /// values such as `a = b = 1e308`, where `a + b` overflows to infinity. Throw
    /// `GANInputError` for a negative or non-finite argument.
    public func pointwiseMaximizer(a: Double, b: Double) throws -> Double {
        throw NotImplemented(exercise: "3.1", name: "pointwiseMaximizer",
                             file: "Exercises/03-gan-optimal-discriminator/PointwiseMaximizer.swift")
    }
}
