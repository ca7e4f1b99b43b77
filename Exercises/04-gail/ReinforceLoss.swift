import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.3: the REINFORCE loss with a baseline.
    ///
    ///     L(θ) = −(1/N) Σ_i log π_θ(a_i | s_i) · (G_i − b_i)
    ///
    /// `logProbabilities` is an N×1 tensor (keep its gradient); `returns` and `baselines` are N
    /// numbers each (no gradient). Return the 1×1 loss. Throw `GAILInputError` when the counts
    /// differ.
    public func reinforceLoss(logProbabilities: Tensor, returns: [Float], baselines: [Float]) throws -> Tensor {
        throw NotImplemented(exercise: "4.3", name: "reinforceLoss", file: "Exercises/04-gail/ReinforceLoss.swift")
    }
}
