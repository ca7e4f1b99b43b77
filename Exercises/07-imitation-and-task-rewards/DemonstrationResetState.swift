import ExerciseAPI
import Numerics

extension RewardMixing {
    /// Exercise 7.3: with probability `probability` (draw it with `rng.bernoulli`), a state drawn
    /// uniformly from all demonstration states pooled together (`rng.index(below:)`); otherwise nil,
    /// meaning "use the environment's own reset".
    ///
    /// Throw `RewardMixingInputError` when the probability is outside [0, 1] (or NaN), or when it is
    /// positive and there is no state at all.
    public func demonstrationResetState<State>(demonstrations: [[State]], probability: Double,
                                               rng: inout RandomSource) throws -> State? {
        throw NotImplemented(exercise: "7.3", name: "demonstrationResetState",
                             file: "Exercises/07-imitation-and-task-rewards/DemonstrationResetState.swift")
    }
}
