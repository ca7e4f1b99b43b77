import ExerciseAPI
import Numerics

extension GANTheory {
    /// Exercise 3.5: the discriminator's minibatch loss (a 1×1 tensor to minimise), the negated
    /// game value `−[mean log D(x) + mean log(1 − D(G(z)))]`, from the logits on real samples
    /// (`realLogits`, batch×1) and on generated samples (`fakeLogits`, possibly another batch size).
    ///
    /// This is binary cross-entropy with label 1 for real and 0 for generated. Keep value and
    /// gradient finite at logits of ±50 (see exercise 3.4's hint). Throw `GANInputError` when a
    /// batch is empty.
    public func discriminatorLoss(realLogits: Tensor, fakeLogits: Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "3.5", name: "discriminatorLoss",
                             file: "Exercises/03-gan-optimal-discriminator/DiscriminatorLoss.swift")
    }
}
