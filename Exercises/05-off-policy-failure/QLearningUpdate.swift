import ExerciseAPI

extension OffPolicyLearning {
    /// Exercise 5.3: one tabular Q-learning update from a batch transition (s, a, r, s'),
    /// `Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a'} Q(s',a'))`.
    ///
    /// - `nextValues` lists Q(s', a') for every action a' of s'; the maximum runs over all of
    ///   them, tried in the batch or not.
    /// - A terminal transition has no bootstrap (and may come with an empty `nextValues`).
    /// - Throw `OffPolicyInputError` when α or γ is outside [0, 1], or when a non-terminal
    ///   transition comes without next values.
    public func qLearningUpdate(value: Double, reward: Double, nextValues: [Double], terminal: Bool,
                                learningRate: Double, discount: Double) throws -> Double {
        throw NotImplemented(exercise: "5.3", name: "qLearningUpdate", file: "Exercises/05-off-policy-failure/QLearningUpdate.swift")
    }
}
