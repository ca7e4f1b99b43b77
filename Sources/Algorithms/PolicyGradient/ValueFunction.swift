import NeuralNetworks
import Numerics

/// A state-value estimate V_φ(s): the baseline of REINFORCE and the critic of PPO and GAE.
///
/// An MLP (tanh hidden layers by default) on the standardised observation and one linear output.
public final class ValueFunction {
    /// s → V_φ(s).
    public let network: MLP
    /// The standardisation applied to observations before `network`.
    public let inputScaling: FeatureScaling

    /// A value function with hidden layers `hiddenSizes` and non-linearity `activation`.
    public init(observationSize: Int, hiddenSizes: [Int] = [64, 64], activation: Activation = .tanh,
                inputScaling: FeatureScaling? = nil, rng: inout RandomSource) {
        precondition(inputScaling == nil || inputScaling!.dimension == observationSize,
                     "ValueFunction: the input scaling has \(inputScaling!.dimension) coordinates, observations \(observationSize)")
        network = MLP(sizes: [observationSize] + hiddenSizes + [1], activation: activation, rng: &rng, name: "value")
        self.inputScaling = inputScaling ?? .identity(dimension: observationSize)
    }

    /// The trainable parameters.
    public var parameters: [Parameter] { network.parameters }

    /// V_φ(s) for every row, a batch×1 tensor differentiable in φ.
    public func predictions(_ observations: Matrix) -> Tensor {
        network(inputScaling.apply(observations))
    }

    /// V_φ(s) for every row, as numbers.
    public func values(_ observations: Matrix) -> [Float] {
        predictions(observations).value.scalars
    }
}
