import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.2: the actor's loss `−(1/n) Σᵢ Q(sᵢ, π(sᵢ))`, differentiable through the action.
    public func deterministicPolicyGradientLoss(states: Tensor, actor: (Tensor) throws -> Tensor,
                                                critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        guard states.rows > 0 else {
            throw OffPolicyInputError("deterministicPolicyGradientLoss: the batch of states is empty")
        }
        let actions = try actor(states)
        return try -critic(states, actions).mean()
    }
}
