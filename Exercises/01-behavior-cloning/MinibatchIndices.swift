import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.3: one epoch of minibatches: `0..<count` shuffled with `rng`, cut into batches of
    /// `batchSize` (the last one may be smaller). `count == 0` gives `[]`. Throw
    /// `BehaviorCloningInputError` for a negative `count` or a `batchSize` below 1.
    public func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]] {
        throw NotImplemented(exercise: "1.3", name: "minibatchIndices", file: "Exercises/01-behavior-cloning/MinibatchIndices.swift")
    }
}
