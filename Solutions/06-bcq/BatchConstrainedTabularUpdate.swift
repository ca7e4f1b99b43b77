import ExerciseAPI

extension BatchConstrained {
    /// Exercise 6.1: `Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a' : (s',a') ∈ B} Q(s',a'))`;
    /// no bootstrap when s' is terminal or the batch holds no action in s'.
    public func batchConstrainedTabularUpdate(value: Double, reward: Double, nextValues: [Double], nextActionInBatch: [Bool],
                                              terminal: Bool, learningRate: Double, discount: Double) throws -> Double {
        guard nextValues.count == nextActionInBatch.count else {
            throw BCQInputError("batchConstrainedTabularUpdate: \(nextValues.count) next values but \(nextActionInBatch.count) batch flags")
        }
        guard (0...1).contains(learningRate) else {
            throw BCQInputError("batchConstrainedTabularUpdate: the learning rate must lie in [0, 1], got \(learningRate)")
        }
        guard (0...1).contains(discount) else {
            throw BCQInputError("batchConstrainedTabularUpdate: the discount must lie in [0, 1], got \(discount)")
        }
        var target = reward
        if !terminal {
            let supported = nextValues.indices.filter { nextActionInBatch[$0] }.map { nextValues[$0] }
            if let best = supported.max() { target += discount * best }
        }
        return (1 - learningRate) * value + learningRate * target
    }
}
