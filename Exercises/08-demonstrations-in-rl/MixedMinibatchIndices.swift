import ExerciseAPI
import Numerics

extension DemonstrationsInRL {
    /// Exercise 8.1: the rows of one minibatch from a replay buffer whose slots `0 ..< demonstrationCount`
    /// hold demonstrations and whose slots `demonstrationCount ..< demonstrationCount + agentCount`
    /// hold the agent's own transitions.
    ///
    /// - Draw `round(demonstrationFraction · batchSize)` indices uniformly with replacement from the
    ///   demonstrations, then the rest uniformly with replacement from the agent's data
    ///   (demonstration indices first).
    /// - When one part is empty, draw every index from the other.
    /// - Throw `DemonstrationsInputError` for negative counts, an empty buffer, `batchSize` < 1 or a
    ///   fraction outside [0, 1].
    ///
    /// Useful: `rng.index(below: n)` draws uniformly from `0 ..< n`; `Double.rounded()`.
    public func mixedMinibatchIndices(demonstrationCount: Int, agentCount: Int, batchSize: Int,
                                      demonstrationFraction: Double, rng: inout RandomSource) throws -> [Int] {
        throw NotImplemented(exercise: "8.1", name: "mixedMinibatchIndices",
                             file: "Exercises/08-demonstrations-in-rl/MixedMinibatchIndices.swift")
    }
}
