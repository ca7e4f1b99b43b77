import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.1: L_D = −mean_expert log D − mean_policy log(1 − D), with D = σ(z).
    ///
    /// From the logits: −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z); `softplus`
    /// is computed as max(z, 0) + log(1 + e^−|z|), finite for any z.
    public func discriminatorLoss(expertLogits: Tensor, policyLogits: Tensor) throws -> Tensor {
        for (name, logits) in [("expertLogits", expertLogits), ("policyLogits", policyLogits)] {
            guard logits.cols == 1, logits.rows >= 1 else {
                throw GAILInputError("discriminatorLoss: \(name) is \(logits.rows)×\(logits.cols), expected n×1 with n ≥ 1")
            }
        }
        let expertTerm = softplus(-expertLogits).mean()   // −log D on expert pairs
        let policyTerm = softplus(policyLogits).mean()    // −log(1 − D) on the policy's pairs
        return expertTerm + policyTerm
    }
}
