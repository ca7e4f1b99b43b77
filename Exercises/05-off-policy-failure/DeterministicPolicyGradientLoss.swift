import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.2: the actor's loss of DDPG, `L(φ) = −(1/n) Σᵢ Q(sᵢ, π_φ(sᵢ))`, as a 1×1 tensor.
    ///
    /// - Get the actions with `actor(states)` and score them with `critic(states, actions)`.
    /// - Keep the actions attached to the graph (no `detached()`): the gradient has to reach the
    ///   actor's parameters through the critic.
    /// - Throw `OffPolicyInputError` for an empty batch.
    ///
    /// Useful: `tensor.mean()`, prefix `-` on a tensor.
    public func deterministicPolicyGradientLoss(states: Tensor, actor: (Tensor) throws -> Tensor,
                                                critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "5.2", name: "deterministicPolicyGradientLoss",
                             file: "Exercises/05-off-policy-failure/DeterministicPolicyGradientLoss.swift")
    }
}
