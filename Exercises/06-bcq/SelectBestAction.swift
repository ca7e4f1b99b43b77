import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.5: BCQ's choice `π(s) = argmax_{aᵢ + ξᵢ} Q_θ1(s, aᵢ + ξᵢ)` for a batch of states.
    ///
    /// - The candidates of state b are rows `b·n ..< (b+1)·n` of `candidates` (n =
    ///   `candidatesPerState`) and their values the same rows of `values` (one column).
    /// - Return a B×k matrix: row b is the best candidate of state b (the first one on a tie).
    /// - Throw `BCQInputError` when n < 1, the row counts disagree or are not a multiple of n, or
    ///   a value is NaN.
    ///
    /// Useful: `values[row, 0]`, `candidates.rows([Int])` (picks rows in order).
    public func selectBestAction(candidates: Matrix, values: Matrix, candidatesPerState: Int) throws -> Matrix {
        throw NotImplemented(exercise: "6.5", name: "selectBestAction", file: "Exercises/06-bcq/SelectBestAction.swift")
    }
}
