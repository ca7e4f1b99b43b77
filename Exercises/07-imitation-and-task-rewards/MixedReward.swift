import ExerciseAPI

extension RewardMixing {
    /// Exercise 7.1: the mixed reward r = λ·r_GAIL + (1 − λ)·r_task for every transition.
    ///
    /// λ = 0 must return `task` and λ = 1 `imitation` exactly, whatever the other array holds.
    /// Throw `RewardMixingInputError` when λ is outside [0, 1] (or NaN) or the arrays differ in length.
    public func mixedReward(imitationWeight: Float, imitation: [Float], task: [Float]) throws -> [Float] {
        throw NotImplemented(exercise: "7.1", name: "mixedReward", file: "Exercises/07-imitation-and-task-rewards/MixedReward.swift")
    }
}
