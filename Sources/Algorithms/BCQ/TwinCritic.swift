import NeuralNetworks
import Numerics

/// Two independent Q-networks Q_θ1, Q_θ2 of (state, action) pairs, as TD3 and BCQ use them: the
/// action enters the first layer together with the state, one value comes out.
public final class TwinCritic {
    /// Q_θ1: [s, a] → Q.
    public let first: MLP
    /// Q_θ2: [s, a] → Q.
    public let second: MLP

    /// Two critics with the given hidden widths, initialised one after the other from `rng`.
    public init(observationSize: Int, actionSize: Int, hiddenSizes: [Int], rng: inout RandomSource) {
        first = MLP(sizes: [observationSize + actionSize] + hiddenSizes + [1], activation: .relu, rng: &rng, name: "critic1")
        second = MLP(sizes: [observationSize + actionSize] + hiddenSizes + [1], activation: .relu, rng: &rng, name: "critic2")
    }

    private init(first: MLP, second: MLP) {
        self.first = first
        self.second = second
    }

    /// Q_θ1(s, a), one row per pair.
    public func firstValues(states: Tensor, actions: Tensor) -> Tensor {
        first(concatenateColumns([states, actions]))
    }

    /// (Q_θ1(s, a), Q_θ2(s, a)), one row per pair.
    public func values(states: Tensor, actions: Tensor) -> (Tensor, Tensor) {
        let input = concatenateColumns([states, actions])
        return (first(input), second(input))
    }

    /// θ1 and θ2.
    public var parameters: [Parameter] { first.parameters + second.parameters }

    /// An independent copy (the target critics).
    public func copy() -> TwinCritic { TwinCritic(first: first.copy(), second: second.copy()) }

    /// θ'ᵢ ← τ θᵢ + (1 − τ) θ'ᵢ for both critics, `self` being the target.
    public func track(_ source: TwinCritic, tau: Float) {
        polyakUpdate(target: first, source: source.first, tau: tau)
        polyakUpdate(target: second, source: source.second, tau: tau)
    }
}
