import ExerciseAPI
import Numerics

extension GANTheory {
    /// Exercise 3.4: `mean log(1 − D(G(z))) = −mean softplus(ℓ)` (saturating) or
    /// `−mean log D(G(z)) = mean softplus(−ℓ)` (non-saturating), from the logits ℓ on generated samples.
    public func generatorLoss(fakeLogits: Tensor, kind: GeneratorLossKind) throws -> Tensor {
        guard fakeLogits.value.count > 0 else {
            throw GANInputError("generatorLoss: the batch of logits is empty (\(fakeLogits.value.shapeDescription))")
        }
        switch kind {
        case .saturating: return -softplus(fakeLogits).mean()
        case .nonSaturating: return softplus(-fakeLogits).mean()
        }
    }
}
