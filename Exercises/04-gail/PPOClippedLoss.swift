import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.4: PPO's clipped surrogate loss (Schulman et al. 2017, eq. 7), to be minimised.
    ///
    /// With ρ_i = exp(log π_θ(a_i|s_i) − log π_old(a_i|s_i)),
    ///
    ///     L(θ) = −(1/N) Σ_i min(ρ_i A_i, clip(ρ_i, 1 − ε, 1 + ε) A_i).
    ///
    /// Keep the gradient through `logProbabilities` (N×1); `exp`, `clamp` and `minimum` are Tensor
    /// operations. Throw `GAILInputError` when the counts differ or ε ≤ 0.
    public func ppoClippedLoss(logProbabilities: Tensor, oldLogProbabilities: [Float], advantages: [Float],
                               clipRange: Float) throws -> Tensor {
        throw NotImplemented(exercise: "4.4", name: "ppoClippedLoss", file: "Exercises/04-gail/PPOClippedLoss.swift")
    }
}
