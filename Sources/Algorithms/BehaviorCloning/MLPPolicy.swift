import ExerciseAPI
import NeuralNetworks
import Numerics

/// A deterministic policy a = π_θ(o): an MLP applied to standardised observations, its actions
/// clipped into the action range when the policy acts.
///
/// `callAsFunction(_:)` gives the raw, differentiable network output (what behavior cloning
/// regresses onto the expert's actions); `action(for:)` and `actions(for:)` give the clipped
/// actions to execute.
///
/// ```swift
/// let a = policy.action(for: observation)          // [Float], clipped
/// let batch = policy(Tensor(observations))          // B×d tensor, for a loss
/// ```
public final class MLPPolicy: Layer {
    /// The network from standardised observations to actions.
    public let network: MLP
    /// The standardisation of the observations.
    public let normalizer: ObservationNormalizer
    /// The lowest action of each coordinate, or `nil` for no clipping.
    public let actionLow: [Float]?
    /// The highest action of each coordinate, or `nil` for no clipping.
    public let actionHigh: [Float]?

    /// A policy from its parts. `actionLow` and `actionHigh` are given together or not at all.
    ///
    /// - Throws: `BehaviorCloningInputError` when the sizes of the network, normalizer and bounds
    ///   disagree.
    public init(network: MLP, normalizer: ObservationNormalizer, actionLow: [Float]? = nil,
                actionHigh: [Float]? = nil) throws {
        guard network.sizes.first == normalizer.size else {
            throw BehaviorCloningInputError("MLPPolicy: the network takes \(network.sizes.first ?? 0) inputs, "
                                            + "the normalizer has \(normalizer.size)")
        }
        guard (actionLow == nil) == (actionHigh == nil),
              actionLow.map({ $0.count == network.sizes.last }) ?? true,
              actionHigh.map({ $0.count == network.sizes.last }) ?? true else {
            throw BehaviorCloningInputError("MLPPolicy: the action bounds must both be given, with \(network.sizes.last ?? 0) entries each")
        }
        self.network = network
        self.normalizer = normalizer
        self.actionLow = actionLow
        self.actionHigh = actionHigh
    }

    /// The number of observation coordinates.
    public var observationSize: Int { normalizer.size }
    /// The number of action coordinates.
    public var actionSize: Int { network.sizes.last ?? 0 }

    /// The raw network output for a batch of observations (one per row), before clipping.
    public func callAsFunction(_ observations: Tensor) -> Tensor {
        network(normalizer(observations))
    }

    /// The trainable parameters (the network's; the normalizer is frozen).
    public var parameters: [Parameter] { network.parameters }

    /// The clipped actions for a batch of observations (one per row).
    public func actions(for observations: Matrix) -> Matrix {
        var output = self(Tensor(observations)).value
        guard let low = actionLow, let high = actionHigh else { return output }
        let d = output.cols
        output.withUnsafeMutableBufferPointer { values in
            for i in 0..<values.count {
                let j = i % d
                values[i] = min(max(values[i], low[j]), high[j])
            }
        }
        return output
    }

    /// The clipped action for one observation.
    public func action(for observation: [Float]) -> [Float] {
        actions(for: Matrix(rowVector: observation)).row(0)
    }

    /// An independent copy (same weights, normalizer and bounds).
    public func copy() -> MLPPolicy {
        // Cannot fail: the parts already fit together.
        try! MLPPolicy(network: network.copy(), normalizer: normalizer, actionLow: actionLow, actionHigh: actionHigh)
    }
}
