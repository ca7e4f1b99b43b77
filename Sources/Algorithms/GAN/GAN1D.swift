import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// A generative adversarial net on one-dimensional data, trained as in Algorithm 1 of Goodfellow
/// et al. (2014): for every generator step, `k` discriminator steps, each on a minibatch of `m`
/// real samples and `m` generated ones; both players use Adam.
///
/// ```
/// for each training iteration:
///     repeat k times:                                       // discriminator: ascend V
///         sample x₁…x_m ~ p_data and z₁…z_m ~ p_z
///         φ ← Adam(φ, ∇_φ discriminatorLoss(ℓ_φ(x), ℓ_φ(G(z))))
///     sample z₁…z_m ~ p_z                                   // generator: descend its loss
///     θ ← Adam(θ, ∇_θ generatorLoss(ℓ_φ(G_θ(z))))
/// ```
/// Both losses are the student's (exercises 3.4 and 3.5), called through `formulas`.
///
/// ```swift
/// var rng = RandomSource(seed: 1)
/// let gan = try GAN1D(data: try Gaussian1D(mean: 3, std: 0.5), hyperparameters: .init(),
///                     formulas: Solutions.all.ganTheory, rng: &rng)
/// for _ in 0..<2000 { try gan.trainingIteration(rng: &rng) }
/// let samples = gan.generator.sample(count: 1000, rng: &rng)
/// ```
public final class GAN1D<Formulas: GANExercises, Data: DataDistribution> where Data.Point == Double {
    /// p_data.
    public let data: Data
    /// The settings.
    public let hyperparameters: GANHyperparameters
    /// The formulas the losses come from.
    public let formulas: Formulas
    /// G.
    public let generator: Generator1D
    /// D.
    public let discriminator: Discriminator1D<Formulas>
    /// The number of completed training iterations (generator steps).
    public private(set) var iterations = 0

    /// A GAN with freshly initialised networks. Throws for invalid hyper-parameters.
    public init(data: Data, hyperparameters: GANHyperparameters, formulas: Formulas,
                rng: inout RandomSource) throws {
        try hyperparameters.validate()
        self.data = data
        self.hyperparameters = hyperparameters
        self.formulas = formulas
        var generatorRNG = rng.split(), discriminatorRNG = rng.split()
        generator = Generator1D(noiseDimension: hyperparameters.noiseDimension, hidden: hyperparameters.generatorHidden,
                                learningRate: hyperparameters.generatorLearningRate, beta1: hyperparameters.adamBeta1,
                                rng: &generatorRNG)
        discriminator = Discriminator1D(hidden: hyperparameters.discriminatorHidden,
                                        learningRate: hyperparameters.discriminatorLearningRate,
                                        beta1: hyperparameters.adamBeta1, formulas: formulas, rng: &discriminatorRNG)
    }

    // listing: gan-training
    /// One discriminator step on fresh minibatches of real and generated samples.
    @discardableResult
    public func discriminatorStep(rng: inout RandomSource) throws -> Double {
        let m = hyperparameters.batchSize
        let real = data.sample(count: m, rng: &rng)
        let fake = generator.sample(count: m, rng: &rng)
        return try discriminator.step(real: real, fake: fake)
    }

    /// One generator step on a fresh noise minibatch with the configured loss. Returns the loss.
    @discardableResult
    public func generatorStep(rng: inout RandomSource) throws -> Double {
        let loss = try generatorLoss(kind: hyperparameters.generatorLoss, batchSize: hyperparameters.batchSize, rng: &rng)
        generator.optimizer.step(loss.gradients(for: generator.optimizer.parameters))
        return Double(loss.scalar)
    }

    /// Algorithm 1's iteration: `k` discriminator steps, then one generator step. Returns the last
    /// discriminator loss and the generator loss.
    @discardableResult
    public func trainingIteration(rng: inout RandomSource) throws -> (discriminatorLoss: Double, generatorLoss: Double) {
        var dLoss = 0.0
        for _ in 0..<hyperparameters.discriminatorSteps { dLoss = try discriminatorStep(rng: &rng) }
        let gLoss = try generatorStep(rng: &rng)
        iterations += 1
        return (dLoss, gLoss)
    }

    /// The generator's loss of the given kind on a fresh noise batch, differentiable in the
    /// generator's parameters (through the discriminator, whose parameters are not updated).
    public func generatorLoss(kind: GeneratorLossKind, batchSize: Int, rng: inout RandomSource) throws -> Tensor {
        let z = generator.noise(count: batchSize, rng: &rng)
        return try formulas.generatorLoss(fakeLogits: discriminator.logits(generator(z)), kind: kind)
    }
    // end listing

    /// `‖∇_θ L_G‖`, the global norm of the generator's gradient under the loss `kind`, on a batch
    /// of `batchSize` noise draws.
    public func generatorGradientNorm(kind: GeneratorLossKind, batchSize: Int, rng: inout RandomSource) throws -> Double {
        let loss = try generatorLoss(kind: kind, batchSize: batchSize, rng: &rng)
        return Double(globalNorm(loss.gradients(for: generator.optimizer.parameters)))
    }
}
