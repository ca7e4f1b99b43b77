import NeuralNetworks
import Numerics

/// BCQ's state-conditioned generative model G_ω(s) of the batch's actions: a conditional
/// variational auto-encoder (Kingma & Welling 2014; Sohn et al. 2015; Doersch 2016, §4).
///
/// - The encoder E_ω1(s, a) gives the mean μ and log standard deviation log σ of a Gaussian over
///   the latent z (log σ clamped to the configured range, as Fujimoto et al.'s code does).
/// - The decoder D_ω2(s, z) maps a state and a latent back to an action in [−1, 1] (tanh output).
/// - Sampling G_ω(s): z ~ N(0, I) clipped to [−c, c] (c = 0.5), then ã = D(s, z).
///
/// Trained with exercise 6.2's loss: reconstruct the batch's actions from their own latents while
/// keeping the encoder's distribution close to the prior. Actions are in the scaled units [−1, 1].
public final class ConditionalVAE {
    /// E_ω1: [s, a] → [μ, log σ] (2·latent outputs).
    public let encoder: MLP
    /// D_ω2: [s, z] → a (tanh output).
    public let decoder: MLP
    /// The number of latent coordinates.
    public let latentSize: Int
    /// The range log σ is clamped to.
    public let logStdRange: ClosedRange<Float>

    /// A VAE with `hiddenSizes` hidden units in both encoder and decoder, initialised from `rng`.
    public init(observationSize: Int, actionSize: Int, latentSize: Int, hiddenSizes: [Int],
                logStdRange: ClosedRange<Float> = -4...15, rng: inout RandomSource) {
        encoder = MLP(sizes: [observationSize + actionSize] + hiddenSizes + [2 * latentSize], activation: .relu,
                      rng: &rng, name: "vae.encoder")
        decoder = MLP(sizes: [observationSize + latentSize] + hiddenSizes + [actionSize], activation: .relu,
                      outputActivation: .tanh, rng: &rng, name: "vae.decoder")
        self.latentSize = latentSize
        self.logStdRange = logStdRange
    }

    /// μ and log σ of the latent for each (state, action) row.
    public func encode(states: Tensor, actions: Tensor) -> (mean: Tensor, logStd: Tensor) {
        let output = encoder(concatenateColumns([states, actions]))
        let mean = output.columns(0..<latentSize)
        let logStd = clamp(output.columns(latentSize..<(2 * latentSize)),
                           min: logStdRange.lowerBound, max: logStdRange.upperBound)
        return (mean, logStd)
    }

    /// D(s, z): the decoded action of each (state, latent) row, in [−1, 1].
    public func decode(states: Tensor, latent: Tensor) -> Tensor {
        decoder(concatenateColumns([states, latent]))
    }

    /// Samples one action per state from G_ω(s): z ~ N(0, I) with every coordinate clipped to
    /// [−latentClip, latentClip], decoded. A constant matrix (no gradient).
    public func sample(states: Matrix, latentClip: Float, rng: inout RandomSource) -> Matrix {
        let latent = Matrix.randomNormal(states.rows, latentSize, rng: &rng)
            .map { Swift.min(Swift.max($0, -latentClip), latentClip) }
        return decode(states: Tensor(states), latent: Tensor(latent)).value
    }

    /// The encoder's and the decoder's parameters.
    public var parameters: [Parameter] { encoder.parameters + decoder.parameters }
}
