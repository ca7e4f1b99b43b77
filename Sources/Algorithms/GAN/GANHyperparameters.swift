import ExerciseAPI

/// The hyper-parameters of the GAN training loop, Algorithm 1 of Goodfellow et al., "Generative
/// Adversarial Nets" (NeurIPS 2014), with Adam as the optimiser.
///
/// Defaults: `k = 1` discriminator step per generator step and the non-saturating generator loss
/// `−log D(G(z))` are the paper's (Algorithm 1 "we used k = 1"; section 3 recommends maximising
/// `log D(G(z))` early in training). The Adam settings `lr = 2·10⁻⁴, β₁ = 0.5` are those of
/// Radford et al. (DCGAN, 2015), the usual choice for GANs trained with Adam. The network sizes
/// are this kit's choice for one-dimensional data.
public struct GANHyperparameters: Sendable, Codable, Equatable {
    /// k: discriminator minibatch steps per generator step (paper: 1).
    public var discriminatorSteps: Int = 1
    /// m: the number of real and the number of generated samples in a minibatch.
    public var batchSize: Int = 64
    /// Adam's step size for the discriminator (DCGAN: 2e-4).
    public var discriminatorLearningRate: Float = 2e-4
    /// Adam's step size for the generator (DCGAN: 2e-4).
    public var generatorLearningRate: Float = 2e-4
    /// Adam's β₁ (DCGAN: 0.5, lower than Adam's default 0.9, for the non-stationary game).
    public var adamBeta1: Float = 0.5
    /// The generator's loss (paper, section 3: the non-saturating `−log D(G(z))`).
    public var generatorLoss: GeneratorLossKind = .nonSaturating
    /// The dimension of the noise z ~ N(0, I) fed to the generator.
    public var noiseDimension: Int = 1
    /// The hidden-layer widths of the generator.
    public var generatorHidden: [Int] = [32, 32]
    /// The hidden-layer widths of the discriminator.
    public var discriminatorHidden: [Int] = [32, 32]

    /// The defaults above.
    public init() {}

    /// Throws a ``GANInputError`` naming the first setting out of range.
    public func validate() throws {
        if discriminatorSteps < 1 { throw GANInputError("GANHyperparameters: discriminatorSteps must be ≥ 1, got \(discriminatorSteps)") }
        if batchSize < 1 { throw GANInputError("GANHyperparameters: batchSize must be ≥ 1, got \(batchSize)") }
        if !(discriminatorLearningRate > 0) || !(generatorLearningRate > 0) {
            throw GANInputError("GANHyperparameters: learning rates must be positive, got \(discriminatorLearningRate) and \(generatorLearningRate)")
        }
        if !(adamBeta1 >= 0 && adamBeta1 < 1) { throw GANInputError("GANHyperparameters: adamBeta1 must be in [0, 1), got \(adamBeta1)") }
        if noiseDimension < 1 { throw GANInputError("GANHyperparameters: noiseDimension must be ≥ 1, got \(noiseDimension)") }
        if (generatorHidden + discriminatorHidden).contains(where: { $0 < 1 }) {
            throw GANInputError("GANHyperparameters: hidden widths must be positive, got \(generatorHidden) and \(discriminatorHidden)")
        }
    }
}
