import Numerics
import NeuralNetworks

/// Where the action enters a critic network.
public enum CriticActionInput: String, Sendable, Codable, Equatable {
    /// Q(s, a) = f([s, a]): the action joins the state at the input (Fujimoto et al.'s TD3,
    /// "Our DDPG" and BCQ).
    case firstLayer
    /// Q(s, a) = g([relu(W₁s + b₁), a]): the action joins after the first hidden layer
    /// (Lillicrap et al. 2016, and the DDPG of Fujimoto, Meger & Precup 2019).
    case secondLayer
}

/// A state-action value network `Q(s, a)` with ReLU hidden layers.
public final class QCritic: Layer {
    /// The first layer when the action enters at the second one (`nil` otherwise).
    public let stateLayer: Linear?
    /// The rest of the network: from s ‖ a (or h₁(s) ‖ a) to one value.
    public let network: MLP
    /// The number of state coordinates.
    public let observationSize: Int

    /// A critic for `observationSize` state and `actionSize` action numbers.
    public init(observationSize: Int, actionSize: Int, hiddenSizes: [Int], actionInput: CriticActionInput = .firstLayer,
                rng: inout RandomSource, name: String = "critic") {
        precondition(!hiddenSizes.isEmpty, "QCritic needs at least one hidden layer")
        switch actionInput {
        case .firstLayer:
            stateLayer = nil
            network = MLP(sizes: [observationSize + actionSize] + hiddenSizes + [1], activation: .relu,
                          rng: &rng, name: name)
        case .secondLayer:
            stateLayer = Linear(inputSize: observationSize, outputSize: hiddenSizes[0], rng: &rng, name: "\(name).state")
            network = MLP(sizes: [hiddenSizes[0] + actionSize] + hiddenSizes.dropFirst() + [1], activation: .relu,
                          rng: &rng, name: name)
        }
        self.observationSize = observationSize
    }

    private init(stateLayer: Linear?, network: MLP, observationSize: Int) {
        self.stateLayer = stateLayer
        self.network = network
        self.observationSize = observationSize
    }

    /// Where the action enters.
    public var actionInput: CriticActionInput { stateLayer == nil ? .firstLayer : .secondLayer }

    /// Q(s, a) for a batch: n×d states and n×k actions → n×1 values.
    public func callAsFunction(_ states: Tensor, _ actions: Tensor) -> Tensor {
        if let stateLayer {
            return network(concatenateColumns([stateLayer.withReLU(states), actions]))
        }
        return network(concatenateColumns([states, actions]))
    }

    /// Q of an already concatenated batch s ‖ a.
    public func callAsFunction(_ stateActions: Tensor) -> Tensor {
        if stateLayer != nil {
            let states = stateActions.columns(0..<observationSize)
            let actions = stateActions.columns(observationSize..<stateActions.cols)
            return self(states, actions)
        }
        return network(stateActions)
    }

    /// Q(s, a) for matrices.
    public func values(states: Matrix, actions: Matrix) -> Matrix {
        self(Tensor(states), Tensor(actions)).value
    }

    /// Every weight and bias.
    public var parameters: [Parameter] { (stateLayer?.parameters ?? []) + network.parameters }

    /// An independent deep copy (a target network).
    public func copy() -> QCritic {
        QCritic(stateLayer: stateLayer?.copy(), network: network.copy(), observationSize: observationSize)
    }
}
