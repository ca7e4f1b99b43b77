import ExerciseAPI
import Numerics

extension GANTheory {
    /// Exercise 3.5: `−[mean log D(x) + mean log(1 − D(G(z)))] = mean softplus(−ℓ_real) + mean softplus(ℓ_fake)`.
    public func discriminatorLoss(realLogits: Tensor, fakeLogits: Tensor) throws -> Tensor {
        guard realLogits.value.count > 0, fakeLogits.value.count > 0 else {
            throw GANInputError("discriminatorLoss: a batch is empty (real \(realLogits.value.shapeDescription), generated \(fakeLogits.value.shapeDescription))")
        }
        return softplus(-realLogits).mean() + softplus(fakeLogits).mean()
    }
}
