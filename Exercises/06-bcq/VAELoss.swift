import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.2: the conditional VAE's loss with the reparameterization trick, averaged over
    /// entries as Fujimoto et al.'s code does,
    ///
    ///     σ = exp(log σ),  z = μ + σ ⊙ ε,  ã = decode(z),
    ///     reconstruction = mean over the B×k entries of (a − ã)²,
    ///     KL = mean over the B×m entries of ½ (μ² + σ² − 1 − 2 log σ),
    ///     total = reconstruction + klWeight · KL.
    ///
    /// - `noise` is ε (B×m standard normal numbers): wrap it with `Tensor(noise)`.
    /// - Build everything from `Tensor` operations (`exp`, `square`, `+`, `*`, `.mean()`, …) so
    ///   that gradients reach the encoder through μ and log σ and the decoder through `decode`.
    /// - Return `VAELossTerms(total:reconstruction:klDivergence:)`, each 1×1.
    /// - Throw `BCQInputError` for an empty batch, shapes that disagree (mean, logStd and noise
    ///   are B×m, decode's output must match the actions) or a negative or non-finite klWeight.
    public func vaeLoss(actions: Tensor, mean: Tensor, logStd: Tensor, noise: Matrix, klWeight: Float,
                        decode: (Tensor) throws -> Tensor) throws -> VAELossTerms {
        throw NotImplemented(exercise: "6.2", name: "vaeLoss", file: "Exercises/06-bcq/VAELoss.swift")
    }
}
