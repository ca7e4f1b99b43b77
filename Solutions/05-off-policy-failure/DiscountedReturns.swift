import ExerciseAPI

extension OffPolicyLearning {
    /// Exercise 5.4: `G_t = r_t + γ G_{t+1}` for every step of a rollout, computed backwards.
    public func discountedReturns(rewards: [Double], discount: Double) throws -> [Double] {
        guard (0...1).contains(discount) else {
            throw OffPolicyInputError("discountedReturns: the discount must lie in [0, 1], got \(discount)")
        }
        var returns = [Double](repeating: 0, count: rewards.count)
        var following = 0.0
        for t in rewards.indices.reversed() {
            following = rewards[t] + discount * following
            returns[t] = following
        }
        return returns
    }
}
