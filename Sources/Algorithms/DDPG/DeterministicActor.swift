import Numerics
import NeuralNetworks

/// The actor of DDPG, TD3 (and the behaviour policies of lessons 5–6): a deterministic policy
/// `π(s) = max_action · tanh(f(s))` with `f` an MLP with ReLU hidden layers.
public final class DeterministicActor: Layer {
    /// The network f, from states to pre-squash actions.
    public let network: MLP
    /// The largest action magnitude; actions lie in [−maxAction, maxAction].
    public let maxAction: Float

    /// An actor from `observationSize` to `actionSize` numbers with the given hidden widths.
    public init(observationSize: Int, actionSize: Int, hiddenSizes: [Int], maxAction: Float,
                rng: inout RandomSource, name: String = "actor") {
        network = MLP(sizes: [observationSize] + hiddenSizes + [actionSize], activation: .relu,
                      outputActivation: .tanh, rng: &rng, name: name)
        self.maxAction = maxAction
    }

    private init(network: MLP, maxAction: Float) {
        self.network = network
        self.maxAction = maxAction
    }

    /// The actions of a batch of states (n×d → n×k).
    public func callAsFunction(_ states: Tensor) -> Tensor {
        network(states) * maxAction
    }

    /// The action of one observation.
    public func action(for observation: [Float]) -> [Float] {
        self(Matrix(rowVector: observation)).value.row(0)
    }

    /// Every weight and bias.
    public var parameters: [Parameter] { network.parameters }

    /// An independent deep copy (a target network, or a frozen expert).
    public func copy() -> DeterministicActor {
        DeterministicActor(network: network.copy(), maxAction: maxAction)
    }
}
