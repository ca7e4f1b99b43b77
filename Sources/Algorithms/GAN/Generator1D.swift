import ExerciseAPI
import NeuralNetworks
import Numerics

/// The generator of a one-dimensional GAN: an MLP mapping noise `z ~ N(0, I)` to a sample
/// `x = G(z)`; its distribution `p_G` is the push-forward of the noise.
public final class Generator1D {
    /// z ↦ x, sizes [noiseDimension, hidden…, 1], tanh between layers, linear output.
    public let network: MLP
    /// Adam on the network's parameters.
    public let optimizer: Adam
    /// The dimension of z.
    public let noiseDimension: Int

    /// A freshly initialised generator.
    public init(noiseDimension: Int, hidden: [Int], learningRate: Float, beta1: Float = 0.5, rng: inout RandomSource) {
        network = MLP(sizes: [noiseDimension] + hidden + [1], activation: .tanh, rng: &rng, name: "generator")
        optimizer = Adam(parameters: network.parameters, learningRate: learningRate, beta1: beta1)
        self.noiseDimension = noiseDimension
    }

    /// A batch of `count` noise vectors, count×noiseDimension.
    public func noise(count: Int, rng: inout RandomSource) -> Tensor {
        Tensor(Matrix.randomNormal(count, noiseDimension, rng: &rng))
    }

    /// G(z) for a batch of noise: count×1, differentiable in the generator's parameters.
    public func callAsFunction(_ z: Tensor) -> Tensor { network(z) }

    /// `count` samples from p_G.
    public func sample(count: Int, rng: inout RandomSource) -> [Double] {
        network(noise(count: count, rng: &rng)).value.scalars.map(Double.init)
    }
}
