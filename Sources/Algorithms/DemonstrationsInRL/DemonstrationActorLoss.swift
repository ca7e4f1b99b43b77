import ExerciseAPI
import Numerics

/// DDPG's actor loss with exercise 8.3's Q-filtered behavior-cloning term on the demonstration
/// rows (Nair et al. 2018): DDPG runs unchanged and takes it as its ``ActorLoss``. The rows'
/// demonstration flags and stored actions come with the batch (``OffPolicyBatch/isDemonstration``).
public struct DemonstrationActorLoss: ActorLoss {
    /// Lesson 5's formulas (the plain actor loss, exercise 5.2).
    public var base: any OffPolicyExercises
    /// Lesson 8's formulas (exercise 8.3).
    public var lesson: any DemonstrationsInRLExercises
    /// λ, the weight of the behavior-cloning term (0: DDPG's own loss, exercise 5.2).
    public var weight: Float
    /// Apply Nair et al.'s Q-filter (otherwise every demonstration row is cloned).
    public var usesQFilter: Bool

    /// A loss that adds λ · BC to DDPG's.
    public init(base: any OffPolicyExercises, lesson: any DemonstrationsInRLExercises, weight: Float, usesQFilter: Bool = true) {
        self.base = base
        self.lesson = lesson
        self.weight = weight
        self.usesQFilter = usesQFilter
    }

    /// Exercise 8.3 when λ > 0 and the batch has demonstration rows, else exercise 5.2.
    public func loss(on batch: OffPolicyBatch, states: Tensor, actor: (Tensor) throws -> Tensor,
                     critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        // listing: actor-loss-with-demonstrations
        guard weight > 0, batch.isDemonstration.contains(true) else {
            return try base.deterministicPolicyGradientLoss(states: states, actor: actor, critic: critic)
        }
        let policyActions = try actor(states)
        let policyValues = try critic(states, policyActions)
        let demonstrationValues = usesQFilter ? try critic(states.detached(), Tensor(batch.actions)).value : nil
        return try lesson.actorLossWithBehaviorCloning(
            policyValues: policyValues, policyActions: policyActions, demonstrationActions: batch.actions,
            demonstrationValues: demonstrationValues, isDemonstration: batch.isDemonstration, weight: weight)
        // end listing
    }
}
