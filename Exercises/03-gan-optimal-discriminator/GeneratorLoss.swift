import ExerciseAPI
import Numerics

extension GANTheory {
    /// Exercise 3.4: the generator's minibatch loss (a 1×1 tensor to *minimise*) from the
    /// discriminator's logits `ℓ` on generated samples (batch×1), where `D = σ(ℓ)`:
    /// - `.saturating`: `mean log(1 − D(G(z)))`,
    /// - `.nonSaturating`: `−mean log D(G(z))`.
    ///
    /// Keep it finite (value and gradient) at logits of ±50: `sigmoid(50)` is exactly 1 in Float, so
    /// `log(1 − sigmoid(ℓ))` gives −∞. Use the identities `log σ(ℓ) = −softplus(−ℓ)` and
    /// `log(1 − σ(ℓ)) = −softplus(ℓ)` (`softplus`, `mean` and unary `-` are Tensor operations).
    /// Throw `GANInputError` for an empty batch.
    public func generatorLoss(fakeLogits: Tensor, kind: GeneratorLossKind) throws -> Tensor {
        throw NotImplemented(exercise: "3.4", name: "generatorLoss",
                             file: "Exercises/03-gan-optimal-discriminator/GeneratorLoss.swift")
    }
}
