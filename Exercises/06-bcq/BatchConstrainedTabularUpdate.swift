import ExerciseAPI

extension BatchConstrained {
    /// Exercise 6.1: one tabular batch-constrained Q-learning update,
    ///
    ///     Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) · max_{a' : (s',a') ∈ B} Q(s',a')).
    ///
    /// - The maximum runs only over the actions a' with `nextActionInBatch[a'] == true`: the
    ///   values of actions the batch never tried in s' must not enter the target.
    /// - No bootstrap when s' is terminal, nor when the batch holds no action in s' (the target
    ///   is then r alone).
    /// - Throw `BCQInputError` when `nextValues` and `nextActionInBatch` differ in length or α, γ
    ///   lie outside [0, 1].
    ///
    /// Compare with lesson 5's `qLearningUpdate`: only the set the maximum runs over changes.
    public func batchConstrainedTabularUpdate(value: Double, reward: Double, nextValues: [Double], nextActionInBatch: [Bool],
                                              terminal: Bool, learningRate: Double, discount: Double) throws -> Double {
        throw NotImplemented(exercise: "6.1", name: "batchConstrainedTabularUpdate",
                             file: "Exercises/06-bcq/BatchConstrainedTabularUpdate.swift")
    }
}
