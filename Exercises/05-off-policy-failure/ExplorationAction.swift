import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.5: Gaussian exploration, `clip(a + ε, low, high)` with `ε ~ N(0, σ² I)`.
    ///
    /// - Draw one normal deviate per coordinate from `rng` (`rng.normal(mean:std:)`), never from
    ///   a global generator: the same seed must give the same actions.
    /// - Clip every coordinate into `[low[i], high[i]]`.
    /// - Throw `OffPolicyInputError` when the bounds' lengths differ from the action's or σ is
    ///   negative or not finite.
    public func explorationAction(_ action: [Float], noiseStd: Float, low: [Float], high: [Float],
                                  rng: inout RandomSource) throws -> [Float] {
        throw NotImplemented(exercise: "5.5", name: "explorationAction", file: "Exercises/05-off-policy-failure/ExplorationAction.swift")
    }
}
