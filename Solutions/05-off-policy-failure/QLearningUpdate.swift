import ExerciseAPI

extension OffPolicyLearning {
    /// Exercise 5.3: `Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a'} Q(s',a'))`.
    public func qLearningUpdate(value: Double, reward: Double, nextValues: [Double], terminal: Bool,
                                learningRate: Double, discount: Double) throws -> Double {
        guard (0...1).contains(learningRate) else {
            throw OffPolicyInputError("qLearningUpdate: the learning rate must lie in [0, 1], got \(learningRate)")
        }
        guard (0...1).contains(discount) else {
            throw OffPolicyInputError("qLearningUpdate: the discount must lie in [0, 1], got \(discount)")
        }
        let target: Double
        if terminal {
            target = reward
        } else {
            guard let best = nextValues.max() else {
                throw OffPolicyInputError("qLearningUpdate: a non-terminal transition needs the next state's action values, got none")
            }
            target = reward + discount * best
        }
        return (1 - learningRate) * value + learningRate * target
    }
}
