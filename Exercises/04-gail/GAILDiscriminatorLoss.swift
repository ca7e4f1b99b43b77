import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.1: the discriminator's loss, to be minimised, from its logits.
    ///
    /// D(s, a) = σ(z(s, a)) is the discriminator's probability that (s, a) is an expert pair
    /// (D → 1 on expert pairs, D → 0 on the policy's). Return the binary cross-entropy
    ///
    ///     L_D = −mean_expert log D − mean_policy log(1 − D)
    ///
    /// as a 1×1 tensor that keeps the gradient with respect to both logit tensors (n×1 each).
    /// Never form D itself: use log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z)
    /// (`softplus` and `.mean()` are Tensor operations in Numerics), so logits of ±100 give finite
    /// values. Throw `GAILInputError` if a tensor is not n×1 with n ≥ 1.
    public func discriminatorLoss(expertLogits: Tensor, policyLogits: Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "4.1", name: "discriminatorLoss", file: "Exercises/04-gail/GAILDiscriminatorLoss.swift")
    }
}
