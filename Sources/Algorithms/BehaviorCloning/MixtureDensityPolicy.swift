import ExerciseAPI
import NeuralNetworks
import Numerics

/// A multimodal policy for one-dimensional actions: an MLP whose output is a mixture of K
/// Gaussians, π_θ(a|s) = Σₖ wₖ(s) N(a; μₖ(s), σₖ(s)²) (a mixture density network, Bishop 1994).
///
/// The network's 3K outputs are read as [logits | means | log σ]. To act, the policy takes the
/// mean of the heaviest component, so it commits to one mode (one side of an obstacle) instead
/// of averaging them as a squared-error regressor does.
public final class MixtureDensityPolicy: Layer {
    /// The network from standardised observations to 3K numbers.
    public let network: MLP
    /// The standardisation of the observations.
    public let normalizer: ObservationNormalizer
    /// K, the number of components.
    public let componentCount: Int
    /// The lowest action, or `nil` for no clipping.
    public let actionLow: Float?
    /// The highest action, or `nil` for no clipping.
    public let actionHigh: Float?
    /// The range log σ is clamped into, for stability.
    public static let logStandardDeviationRange: ClosedRange<Float> = -5...2

    /// A policy from its parts.
    ///
    /// - Throws: `BehaviorCloningInputError` when the network's sizes do not fit K and the normalizer.
    public init(network: MLP, normalizer: ObservationNormalizer, componentCount: Int, actionLow: Float? = nil,
                actionHigh: Float? = nil) throws {
        guard componentCount >= 1, network.sizes.last == 3 * componentCount, network.sizes.first == normalizer.size else {
            throw BehaviorCloningInputError("MixtureDensityPolicy: a network \(network.sizes) does not fit \(componentCount) "
                                            + "components (3K outputs) and \(normalizer.size) observation coordinates")
        }
        self.network = network
        self.normalizer = normalizer
        self.componentCount = componentCount
        self.actionLow = actionLow
        self.actionHigh = actionHigh
    }

    /// The number of observation coordinates.
    public var observationSize: Int { normalizer.size }

    /// The raw network output, B×3K.
    public func callAsFunction(_ observations: Tensor) -> Tensor {
        network(normalizer(observations))
    }

    /// The trainable parameters.
    public var parameters: [Parameter] { network.parameters }

    /// The mixture for a batch of observations: logits, means and log σ, each B×K.
    public func mixture(for observations: Tensor) -> (logits: Tensor, means: Tensor, logStandardDeviations: Tensor) {
        let output = self(observations)
        let k = componentCount
        let range = Self.logStandardDeviationRange
        return (output.columns(0..<k), output.columns(k..<(2 * k)),
                clamp(output.columns((2 * k)..<(3 * k)), min: range.lowerBound, max: range.upperBound))
    }

    /// The action for one observation: the mean of the heaviest component, clipped.
    public func action(for observation: [Float]) -> [Float] {
        let (logits, means, _) = mixture(for: Tensor(Matrix(rowVector: observation)))
        let weights = logits.value.row(0)
        let best = weights.indices.max { weights[$0] < weights[$1] } ?? 0
        var action = means.value[0, best]
        if let low = actionLow { action = max(action, low) }
        if let high = actionHigh { action = min(action, high) }
        return [action]
    }
}
