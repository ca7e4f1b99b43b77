import ExerciseAPI
import Foundation
import Numerics

/// Lesson 5's DDPG formulas with the actor's loss replaced by exercise 8.3's (DDPG's loss plus a
/// Q-filtered behavior-cloning term on the demonstration rows), so that `DDPG` itself runs
/// unchanged: it calls `deterministicPolicyGradientLoss`, which lands here.
///
/// DDPG's actor loss only sees the batch's states; the demonstration flags and stored actions of
/// the same rows are handed over with ``prepare(actions:isDemonstration:)`` just before each
/// update. The object belongs to one agent and is used from that agent's thread only.
public final class DemonstrationActorFormulas: OffPolicyExercises, @unchecked Sendable {
    /// Lesson 5's formulas (critic target, exploration, and the plain actor loss).
    public let base: any OffPolicyExercises
    /// Lesson 8's formulas (exercise 8.3).
    public let lesson: any DemonstrationsInRLExercises
    /// λ, the weight of the behavior-cloning term (0: DDPG's own loss, exercise 5.2).
    public var weight: Float
    /// Apply Nair et al.'s Q-filter (otherwise every demonstration row is cloned).
    public var usesQFilter: Bool

    private var actions: Matrix?
    private var isDemonstration: [Bool] = []

    /// Formulas that add λ · BC to the actor's loss.
    public init(base: any OffPolicyExercises, lesson: any DemonstrationsInRLExercises, weight: Float, usesQFilter: Bool = true) {
        self.base = base
        self.lesson = lesson
        self.weight = weight
        self.usesQFilter = usesQFilter
    }

    /// The stored actions and flags of the rows of the next update's batch.
    public func prepare(actions: Matrix, isDemonstration: [Bool]) {
        self.actions = actions
        self.isDemonstration = isDemonstration
    }

    /// Exercise 8.3 when λ > 0 and the batch has demonstration rows, else exercise 5.2.
    public func deterministicPolicyGradientLoss(states: Tensor, actor: (Tensor) throws -> Tensor,
                                                critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        guard weight > 0, let actions, actions.rows == states.rows, isDemonstration.contains(true) else {
            return try base.deterministicPolicyGradientLoss(states: states, actor: actor, critic: critic)
        }
        let policyActions = try actor(states)
        let policyValues = try critic(states, policyActions)
        let demonstrationValues = usesQFilter ? try critic(states.detached(), Tensor(actions)).value : nil
        return try lesson.actorLossWithBehaviorCloning(
            policyValues: policyValues, policyActions: policyActions, demonstrationActions: actions,
            demonstrationValues: demonstrationValues, isDemonstration: isDemonstration, weight: weight)
    }

    /// Exercise 5.1, unchanged.
    public func criticTarget(rewards: Matrix, nextValues: Matrix, terminals: Matrix, timeouts: Matrix,
                             discount: Float) throws -> Matrix {
        try base.criticTarget(rewards: rewards, nextValues: nextValues, terminals: terminals, timeouts: timeouts,
                              discount: discount)
    }

    /// Exercise 5.3, unchanged.
    public func qLearningUpdate(value: Double, reward: Double, nextValues: [Double], terminal: Bool,
                                learningRate: Double, discount: Double) throws -> Double {
        try base.qLearningUpdate(value: value, reward: reward, nextValues: nextValues, terminal: terminal,
                                 learningRate: learningRate, discount: discount)
    }

    /// Exercise 5.4, unchanged.
    public func discountedReturns(rewards: [Double], discount: Double) throws -> [Double] {
        try base.discountedReturns(rewards: rewards, discount: discount)
    }

    /// Exercise 5.5, unchanged.
    public func explorationAction(_ action: [Float], noiseStd: Float, low: [Float], high: [Float],
                                  rng: inout RandomSource) throws -> [Float] {
        try base.explorationAction(action, noiseStd: noiseStd, low: low, high: high, rng: &rng)
    }
}
