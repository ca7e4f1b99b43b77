import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.5: `clip(a + ε, low, high)` with `ε ~ N(0, σ² I)` drawn from `rng`.
    public func explorationAction(_ action: [Float], noiseStd: Float, low: [Float], high: [Float],
                                  rng: inout RandomSource) throws -> [Float] {
        guard low.count == action.count, high.count == action.count else {
            throw OffPolicyInputError("explorationAction: the action has \(action.count) coordinates but the bounds have \(low.count) and \(high.count)")
        }
        guard noiseStd >= 0, noiseStd.isFinite else {
            throw OffPolicyInputError("explorationAction: the noise standard deviation must be finite and ≥ 0, got \(noiseStd)")
        }
        return action.indices.map { i in
            let noisy = action[i] + rng.normal(mean: 0, std: noiseStd)
            return min(max(noisy, low[i]), high[i])
        }
    }
}
