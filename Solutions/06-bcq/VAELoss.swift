import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.2: z = μ + σ ⊙ ε, ã = decode(z), loss = mean (a − ã)² + w · mean ½(μ² + σ² − 1 − 2 log σ).
    public func vaeLoss(actions: Tensor, mean: Tensor, logStd: Tensor, noise: Matrix, klWeight: Float,
                        decode: (Tensor) throws -> Tensor) throws -> VAELossTerms {
        let batch = actions.rows
        guard batch > 0 else { throw BCQInputError("vaeLoss: the batch is empty") }
        guard mean.rows == batch, logStd.rows == batch, noise.rows == batch,
              logStd.cols == mean.cols, noise.cols == mean.cols, mean.cols > 0 else {
            throw BCQInputError("vaeLoss: actions is \(actions.value.shapeDescription), mean \(mean.value.shapeDescription), "
                                + "logStd \(logStd.value.shapeDescription) and noise \(noise.shapeDescription); "
                                + "mean, logStd and noise must be B×m with the actions' B rows")
        }
        guard klWeight >= 0, klWeight.isFinite else {
            throw BCQInputError("vaeLoss: the KL weight must be finite and ≥ 0, got \(klWeight)")
        }
        let std = exp(logStd)
        let latent = mean + std * Tensor(noise)
        let reconstructed = try decode(latent)
        guard reconstructed.rows == batch, reconstructed.cols == actions.cols else {
            throw BCQInputError("vaeLoss: decode gave \(reconstructed.value.shapeDescription), the actions are \(actions.value.shapeDescription)")
        }
        let reconstruction = square(actions - reconstructed).mean()
        let kl = (0.5 * (square(mean) + square(std) - 1 - 2 * logStd)).mean()
        return VAELossTerms(total: reconstruction + klWeight * kl, reconstruction: reconstruction, klDivergence: kl)
    }
}
