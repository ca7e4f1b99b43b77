import ExerciseAPI

extension OffPolicyLearning {
    /// Exercise 5.4: the discounted Monte-Carlo return of every step of a rollout,
    /// `G_t = Σ_{k ≥ t} γ^{k−t} r_k`.
    ///
    /// - Work backwards in one pass: `G_{T−1} = r_{T−1}`, `G_t = r_t + γ G_{t+1}`.
    /// - An empty rollout gives an empty array.
    /// - Throw `OffPolicyInputError` when γ is outside [0, 1].
    public func discountedReturns(rewards: [Double], discount: Double) throws -> [Double] {
        throw NotImplemented(exercise: "5.4", name: "discountedReturns", file: "Exercises/05-off-policy-failure/DiscountedReturns.swift")
    }
}
