import Foundation
import NeuralNetworks
import Numerics

/// A stochastic policy for continuous actions: π_θ(a | s) = N(μ_θ(s), diag σ²), with the mean
/// an MLP of the (standardised) observation and log σ a learned vector shared by all states —
/// the usual policy of PPO on continuous control (Schulman et al. 2017).
///
/// Actions are sampled unbounded; the environment clips them into its action box. Log-probabilities
/// always refer to the sampled (unclipped) action.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let policy = GaussianPolicy(observationSize: 5, actionSize: 1, rng: &rng)
/// let (actions, logProbabilities) = policy.sample(observations: batch, rng: &rng)
/// ```
public final class GaussianPolicy {
    /// μ_θ(s): observation → mean action.
    public let meanNetwork: MLP
    /// log σ, 1×actionSize.
    public let logStd: Parameter
    /// The standardisation applied to observations before `meanNetwork`.
    public let inputScaling: FeatureScaling

    /// A policy with hidden layers `hiddenSizes` (non-linearity `activation`), initial log σ `initialLogStd`, and the
    /// last layer's weights scaled down by 100 so that the initial mean action is near zero.
    public init(observationSize: Int, actionSize: Int, hiddenSizes: [Int] = [64, 64], activation: Activation = .tanh,
                initialLogStd: Float = -0.5, inputScaling: FeatureScaling? = nil, rng: inout RandomSource) {
        precondition(inputScaling == nil || inputScaling!.dimension == observationSize,
                     "GaussianPolicy: the input scaling has \(inputScaling!.dimension) coordinates, observations \(observationSize)")
        meanNetwork = MLP(sizes: [observationSize] + hiddenSizes + [actionSize], activation: activation, rng: &rng, name: "policy")
        let last = meanNetwork.layers[meanNetwork.layers.count - 1]
        last.weight.value = last.weight.value * 0.01
        last.bias.value = Matrix.zeros(1, actionSize)
        logStd = Parameter(Matrix(rows: 1, cols: actionSize, repeating: initialLogStd), name: "policy.logStd")
        self.inputScaling = inputScaling ?? .identity(dimension: observationSize)
    }

    /// The number of observation coordinates.
    public var observationSize: Int { meanNetwork.layers[0].inputSize }
    /// The number of action coordinates.
    public var actionSize: Int { logStd.value.cols }
    /// Every trainable parameter (the mean network's, then log σ).
    public var parameters: [Parameter] { meanNetwork.parameters + [logStd] }

    /// π_θ(· | s) for every row of `observations` (batch×observationSize).
    public func distribution(_ observations: Matrix) -> DiagonalGaussian {
        DiagonalGaussian(mean: meanNetwork(inputScaling.apply(observations)), logStd: logStd.tensor)
    }

    /// log π_θ(a_i | s_i), a batch×1 tensor differentiable in θ.
    public func logProbabilities(observations: Matrix, actions: Matrix) -> Tensor {
        distribution(observations).logProb(Tensor(actions))
    }

    /// The mean actions μ_θ(s) (the deterministic policy used for evaluation), batch×actionSize.
    public func meanActions(_ observations: Matrix) -> Matrix {
        meanNetwork(inputScaling.apply(observations)).value
    }

    /// One sampled action per row and its log-probability.
    public func sample(observations: Matrix, rng: inout RandomSource) -> (actions: Matrix, logProbabilities: [Float]) {
        let pi = distribution(observations)
        let actions = pi.sample(rng: &rng)
        return (actions, pi.logProb(Tensor(actions)).value.scalars)
    }

    /// The action for one observation: the mean if `deterministic`, else a sample.
    public func action(for observation: [Float], deterministic: Bool, rng: inout RandomSource) -> [Float] {
        let batch = Matrix(rowVector: observation)
        return deterministic ? meanActions(batch).scalars : sample(observations: batch, rng: &rng).actions.scalars
    }

    /// The current standard deviations σ.
    public var standardDeviations: [Float] { logStd.value.scalars.map { Foundation.exp($0) } }
}
