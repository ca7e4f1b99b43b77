import ExerciseAPI

extension AdversarialImitation {
    /// Exercise 4.5: generalized advantage estimates (Schulman et al. 2016) with terminal handling.
    ///
    ///     δ_t = r_t + γ (1 − terminated_t) V(s_{t+1}) − V(s_t)
    ///     A_t = δ_t + γ λ (1 − episodeEnds_t) A_{t+1}      (A_t = δ_t at the last t)
    ///
    /// `terminated_t`: s_{t+1} is terminal, so nothing is bootstrapped from it. `episodeEnds_t`:
    /// the episode stops after t (terminated, or cut off by a time limit, in which case
    /// V(s_{t+1}) still counts), so A_{t+1} belongs to another episode and must not leak back.
    /// Work backwards from the last transition. Throw `GAILInputError` when the counts differ.
    public func generalizedAdvantageEstimates(rewards: [Float], values: [Float], nextValues: [Float],
                                              terminated: [Bool], episodeEnds: [Bool],
                                              discount: Float, lambda: Float) throws -> [Float] {
        throw NotImplemented(exercise: "4.5", name: "generalizedAdvantageEstimates", file: "Exercises/04-gail/GeneralizedAdvantageEstimates.swift")
    }
}
