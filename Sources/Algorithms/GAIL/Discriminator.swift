import NeuralNetworks
import Numerics

/// GAIL's discriminator D_φ(s, a) = σ(z_φ(s, a)): an MLP that outputs the logit z of the
/// probability that a pair came from the expert (the lecture's convention: D → 1 on expert pairs,
/// D → 0 on the policy's).
///
/// Its features are the selected coordinates of (s, a) (``DiscriminatorFeatures``), standardised
/// with statistics fitted on the expert's pairs.
public final class Discriminator {
    /// feature row → logit z.
    public let network: MLP
    /// Which numbers of a pair it sees.
    public let features: DiscriminatorFeatures
    /// The standardisation of the feature rows.
    public let inputScaling: FeatureScaling

    /// A discriminator on `features` of pairs with the given sizes, hidden layers `hiddenSizes`
    /// (non-linearity `activation`), inputs standardised by `inputScaling` (identity if nil).
    public init(features: DiscriminatorFeatures, observationSize: Int, actionSize: Int, hiddenSizes: [Int] = [64, 64],
                activation: Activation = .tanh, inputScaling: FeatureScaling? = nil, rng: inout RandomSource) throws {
        try features.validate(observationSize: observationSize, actionSize: actionSize)
        let inputs = features.featureCount(observationSize: observationSize, actionSize: actionSize)
        if let inputScaling, inputScaling.dimension != inputs {
            throw PolicyGradientError("Discriminator: the input scaling has \(inputScaling.dimension) coordinates, the features \(inputs)")
        }
        network = MLP(sizes: [inputs] + hiddenSizes + [1], activation: activation, rng: &rng, name: "discriminator")
        self.features = features
        self.inputScaling = inputScaling ?? .identity(dimension: inputs)
    }

    /// The trainable parameters.
    public var parameters: [Parameter] { network.parameters }

    /// z_φ(s, a) for every pair, a batch×1 tensor differentiable in φ.
    public func logits(observations: Matrix, actions: Matrix) -> Tensor {
        network(inputScaling.apply(features.features(observations: observations, actions: actions)))
    }

    /// D_φ(s, a) = σ(z) for every pair, as numbers.
    public func probabilities(observations: Matrix, actions: Matrix) -> [Float] {
        logits(observations: observations, actions: actions).value.scalars.map(stableSigmoid)
    }
}
