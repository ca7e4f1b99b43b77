import ExerciseAPI
import Numerics

/// The loss whose gradient step moves DDPG's actor on one mini-batch.
///
/// DDPG's own is the deterministic policy gradient's, −mean Q(s, π(s)) (exercise 5.2,
/// ``DeterministicPolicyGradientLoss``). A learner that needs more of the batch than its states,
/// such as lesson 8's behavior-cloning term on the demonstration rows, reads it from `batch`:
/// everything an update needs travels in the batch, nothing is handed over beforehand.
public protocol ActorLoss: Sendable {
    /// The actor's loss (1×1) on `batch`.
    ///
    /// - Parameters:
    ///   - batch: the mini-batch of the update (its states are `states`'s values).
    ///   - states: the batch's states as a tensor.
    ///   - actor: π_φ, differentiable in the actor's parameters.
    ///   - critic: Q_θ(s, a).
    /// - Throws: what the plugged-in formulas throw.
    func loss(on batch: OffPolicyBatch, states: Tensor, actor: (Tensor) throws -> Tensor,
              critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor
}

/// DDPG's actor loss, −mean Q(s, π(s)): exercise 5.2 of the plugged-in formulas.
public struct DeterministicPolicyGradientLoss: ActorLoss {
    /// Lesson 5's formulas.
    public let formulas: any OffPolicyExercises

    /// The loss of `formulas`' exercise 5.2.
    public init(formulas: any OffPolicyExercises) {
        self.formulas = formulas
    }

    /// `deterministicPolicyGradientLoss(states:actor:critic:)` on the batch's states.
    public func loss(on batch: OffPolicyBatch, states: Tensor, actor: (Tensor) throws -> Tensor,
                     critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        // listing: dpg-actor-loss
        try formulas.deterministicPolicyGradientLoss(states: states, actor: actor, critic: critic)
        // end listing
    }
}
