import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.3: BCQ's critic target, one row per transition,
    ///
    ///     y = r + γ (1 − terminal) · max_i [ λ min(Q'₁(s', aᵢ), Q'₂(s', aᵢ)) + (1 − λ) max(Q'₁(s', aᵢ), Q'₂(s', aᵢ)) ].
    ///
    /// - `nextQ1` and `nextQ2` are B×n: row b holds the two target critics' values of the n
    ///   candidate actions of s'_b. Mix min and max entry by entry, then take the maximum of
    ///   each row.
    /// - Only terminals stop the bootstrap.
    /// - Throw `BCQInputError` for shapes that disagree, n = 0, or γ, λ outside [0, 1].
    ///
    /// Useful: `Matrix.combine(a, b) { … }` (entry by entry), `m.rowMaxima()` (B×1), and
    /// element-wise `Matrix` arithmetic.
    public func softClippedDoubleQTarget(rewards: Matrix, nextQ1: Matrix, nextQ2: Matrix, terminals: Matrix,
                                         discount: Float, lambda: Float) throws -> Matrix {
        throw NotImplemented(exercise: "6.3", name: "softClippedDoubleQTarget",
                             file: "Exercises/06-bcq/SoftClippedDoubleQTarget.swift")
    }
}
