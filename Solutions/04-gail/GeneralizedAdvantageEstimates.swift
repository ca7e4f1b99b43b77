import ExerciseAPI

extension AdversarialImitation {
    /// Exercise 4.5: A_t = δ_t + γλ(1 − end_t) A_{t+1}, δ_t = r_t + γ(1 − term_t) V(s_{t+1}) − V(s_t),
    /// computed backwards from the last transition.
    public func generalizedAdvantageEstimates(rewards: [Float], values: [Float], nextValues: [Float],
                                              terminated: [Bool], episodeEnds: [Bool],
                                              discount: Float, lambda: Float) throws -> [Float] {
        try requireCounts("generalizedAdvantageEstimates", rewards.count,
                          [("values", values.count), ("nextValues", nextValues.count),
                           ("terminated", terminated.count), ("episodeEnds", episodeEnds.count)])
        guard (0...1).contains(discount), (0...1).contains(lambda) else {
            throw GAILInputError("generalizedAdvantageEstimates: discount \(discount) and lambda \(lambda) must lie in [0, 1]")
        }
        var advantages = [Float](repeating: 0, count: rewards.count)
        var next: Float = 0
        for t in rewards.indices.reversed() {
            let bootstrap: Float = terminated[t] ? 0 : nextValues[t]
            let delta = rewards[t] + discount * bootstrap - values[t]
            let carried: Float = (episodeEnds[t] || terminated[t]) ? 0 : next
            advantages[t] = delta + discount * lambda * carried
            next = advantages[t]
        }
        return advantages
    }
}
