import ExerciseAPI
import NeuralNetworks
import Numerics

/// The discriminator of a one-dimensional GAN: an MLP from x to the logit `ℓ(x)`, with
/// `D(x) = σ(ℓ(x))`, trained by Adam on the student's discriminator loss (exercise 3.5).
///
/// ```swift
/// let d = Discriminator1D(hidden: [32, 32], learningRate: 1e-3, formulas: Solutions.all.ganTheory, rng: &rng)
/// try d.step(real: data.sample(count: 256, rng: &rng), fake: pG.sample(count: 256, rng: &rng))
/// let probabilities = d.probabilities(at: grid.points)
/// ```
public final class Discriminator1D<Formulas: GANExercises> {
    /// x ↦ logit, sizes [1, hidden…, 1], tanh between layers.
    public let network: MLP
    /// Adam on the network's parameters.
    public let optimizer: Adam
    /// The formulas whose `discriminatorLoss` the steps minimise.
    public let formulas: Formulas
    /// The number of steps taken.
    public private(set) var steps = 0

    /// A freshly initialised discriminator.
    public init(hidden: [Int], learningRate: Float, beta1: Float = 0.5, formulas: Formulas, rng: inout RandomSource) {
        network = MLP(sizes: [1] + hidden + [1], activation: .tanh, rng: &rng, name: "discriminator")
        optimizer = Adam(parameters: network.parameters, learningRate: learningRate, beta1: beta1)
        self.formulas = formulas
    }

    /// The logits of a batch×1 tensor of inputs (gradients flow back into the inputs, which is how
    /// the generator learns).
    public func logits(_ x: Tensor) -> Tensor { network(x) }

    /// One minibatch step of gradient descent on `discriminatorLoss` (i.e. ascent on V).
    /// Returns the loss before the step.
    @discardableResult
    public func step(real: [Double], fake: [Double]) throws -> Double {
        // listing: discriminator-step
        let loss = try formulas.discriminatorLoss(realLogits: network(Tensor(column(real))),
                                                  fakeLogits: network(Tensor(column(fake))))
        optimizer.step(loss.gradients(for: optimizer.parameters))
        // end listing
        steps += 1
        return Double(loss.scalar)
    }

    /// The logit at each of `xs`.
    public func logits(at xs: [Double]) -> [Double] {
        network(Tensor(column(xs))).value.scalars.map(Double.init)
    }

    /// `D(x) = σ(ℓ(x))` at each of `xs`.
    public func probabilities(at xs: [Double]) -> [Double] {
        logits(at: xs).map { Double(stableSigmoid(Float($0))) }
    }
}

/// A batch×1 matrix of the values.
func column(_ values: [Double]) -> Matrix {
    Matrix(columnVector: values.map(Float.init))
}
