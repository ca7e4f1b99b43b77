import ExerciseAPI
import NeuralNetworks
import Numerics

/// BCQ's perturbation model ξ_φ(s, a, Φ): a network that nudges an action of the generative
/// model by at most Φ per coordinate, towards a higher Q.
///
/// The network sees [s, a] and outputs an unbounded k-vector; exercise 6.4 turns it into the
/// perturbed action `clip(a + Φ · tanh(raw), −1, 1)` (actions scaled to [−1, 1]).
public final class PerturbationModel {
    /// [s, a] → raw perturbation (k outputs).
    public let network: MLP

    /// A model with the given hidden widths, initialised from `rng`.
    public init(observationSize: Int, actionSize: Int, hiddenSizes: [Int], rng: inout RandomSource) {
        network = MLP(sizes: [observationSize + actionSize] + hiddenSizes + [actionSize], activation: .relu,
                      rng: &rng, name: "perturbation")
    }

    private init(network: MLP) { self.network = network }

    /// The perturbed actions a + ξ_φ(s, a, Φ) in [−1, 1], differentiable with respect to φ.
    ///
    /// - Throws: what exercise 6.4 throws (`NotImplemented` while it is unwritten).
    public func perturbed(states: Tensor, actions: Tensor, maxPerturbation: Float,
                          formulas: any BCQExercises) throws -> Tensor {
        let raw = network(concatenateColumns([states, actions]))
        return try formulas.boundedPerturbation(actions: actions, rawPerturbation: raw, maxPerturbation: maxPerturbation,
                                                low: -1, high: 1)
    }

    /// φ.
    public var parameters: [Parameter] { network.parameters }

    /// An independent copy (the target model ξ_φ').
    public func copy() -> PerturbationModel { PerturbationModel(network: network.copy()) }
}
