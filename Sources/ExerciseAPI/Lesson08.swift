import Numerics

/// The exercises of lesson 8 (demonstrations inside reinforcement learning): the formulas a student writes.
///
/// `Solutions.DemonstrationsInRL` is the reference; `Exercises.DemonstrationsInRL` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: the replay
/// variants (`Algorithms/DemonstrationsInRL`) draw their minibatches with
/// ``mixedMinibatchIndices(demonstrationCount:agentCount:batchSize:demonstrationFraction:rng:)``
/// and decide when to drop the demonstrations with
/// ``shouldRemoveDemonstrations(recentSuccessRate:agentEpisodes:successThreshold:minimumEpisodes:)``;
/// the fine-tuned actor is kept near the demonstrations with
/// ``actorLossWithBehaviorCloning(policyValues:policyActions:demonstrationActions:demonstrationValues:isDemonstration:weight:)``;
/// the backward curriculum moves its start point with
/// ``curriculumStartOffset(current:recentSuccessRate:threshold:stepBack:longest:)``.
public protocol DemonstrationsInRLExercises: Sendable {
    /// Exercise 8.1: the rows of one minibatch drawn from a replay buffer whose first
    /// `demonstrationCount` slots hold demonstrations and whose next `agentCount` slots hold the
    /// agent's own transitions (DDPGfD keeps a fixed share of demonstrations in every batch).
    ///
    /// Draw `round(demonstrationFraction · batchSize)` indices uniformly, with replacement, from
    /// the demonstrations `0 ..< demonstrationCount`, and the rest uniformly, with replacement,
    /// from the agent's data `demonstrationCount ..< demonstrationCount + agentCount`, demonstrations
    /// first. When one of the two parts is empty, draw every index from the other one.
    ///
    /// - Parameters:
    ///   - demonstrationCount: transitions in the demonstration region (≥ 0).
    ///   - agentCount: transitions the agent has collected (≥ 0; not both zero).
    ///   - batchSize: rows in the minibatch (≥ 1).
    ///   - demonstrationFraction: the share of demonstration rows, in [0, 1].
    ///   - rng: the random source to draw from (never a global generator).
    /// - Returns: `batchSize` indices into `0 ..< demonstrationCount + agentCount`.
    /// - Throws: ``DemonstrationsInputError`` for a negative count, an empty buffer, a batch size
    ///   below 1 or a fraction outside [0, 1].
    func mixedMinibatchIndices(demonstrationCount: Int, agentCount: Int, batchSize: Int,
                               demonstrationFraction: Double, rng: inout RandomSource) throws -> [Int]

    /// Exercise 8.2: one step of a backward curriculum along the demonstrations (Salimans & Chen
    /// 2018). Episodes start `offset` steps before the end of a demonstration; once the agent
    /// succeeds often enough from there, the start moves `stepBack` steps earlier.
    ///
    /// Return `min(current + stepBack, longest)` when `recentSuccessRate ≥ threshold`, otherwise
    /// `current`. A rate that is NaN (no episode finished yet) never moves the start.
    ///
    /// - Parameters:
    ///   - current: the current offset from the end of the demonstration, in `0 ... longest`.
    ///   - recentSuccessRate: the success rate of the agent's recent training episodes, in [0, 1] or NaN.
    ///   - threshold: the success rate that moves the start, in [0, 1].
    ///   - stepBack: how many steps earlier the start moves (≥ 1).
    ///   - longest: the length of the longest demonstration (the offset that starts every episode
    ///     at the beginning of its demonstration).
    /// - Returns: the new offset.
    /// - Throws: ``DemonstrationsInputError`` for a threshold outside [0, 1], `stepBack` < 1,
    ///   `longest` < 0 or `current` outside `0 ... longest`.
    func curriculumStartOffset(current: Int, recentSuccessRate: Double, threshold: Double, stepBack: Int,
                               longest: Int) throws -> Int

    /// Exercise 8.3: the actor's loss of DDPG with a behavior-cloning term on the demonstration
    /// rows of the minibatch and Nair et al.'s (2018) Q-filter:
    ///
    ///     L = −(1/n) Σᵢ Q(sᵢ, π(sᵢ))  +  λ · (1/n_D) Σ_{i ∈ D, Q(sᵢ, aᵢ) > Q(sᵢ, π(sᵢ))} ‖π(sᵢ) − aᵢ‖²
    ///
    /// where D are the rows with `isDemonstration[i]`, n_D = |D| (the term is 0 when D is empty),
    /// and the filter keeps only the demonstration rows whose demonstrated action the critic
    /// scores higher than the policy's own. Without `demonstrationValues` (nil) there is no
    /// filter: every demonstration row is cloned (DDPGfD-style). Gradients must flow into
    /// `policyValues` and `policyActions` (do not detach them); the filter is a constant mask.
    ///
    /// - Parameters:
    ///   - policyValues: n×1 Q(sᵢ, π(sᵢ)), differentiable with respect to the actor.
    ///   - policyActions: n×k π(sᵢ), differentiable with respect to the actor.
    ///   - demonstrationActions: n×k the actions aᵢ stored in the buffer.
    ///   - demonstrationValues: n×1 Q(sᵢ, aᵢ) (constants), or nil for no Q-filter.
    ///   - isDemonstration: n flags, true for the rows that came from the demonstrations.
    ///   - weight: λ ≥ 0 (λ = 0 gives DDPG's actor loss).
    /// - Returns: the 1×1 loss.
    /// - Throws: ``DemonstrationsInputError`` when the shapes disagree, the batch is empty or λ < 0.
    func actorLossWithBehaviorCloning(policyValues: Tensor, policyActions: Tensor, demonstrationActions: Matrix,
                                      demonstrationValues: Matrix?, isDemonstration: [Bool],
                                      weight: Float) throws -> Tensor

    /// Exercise 8.4: when to drop the demonstrations from the replay buffer. They are needed while
    /// the agent's own data holds no success to learn from; once the agent succeeds on its own,
    /// a suboptimal demonstrator's transitions only dilute its data.
    ///
    /// Return true when at least `minimumEpisodes` agent episodes have finished and
    /// `recentSuccessRate ≥ successThreshold`; a NaN rate gives false.
    ///
    /// - Throws: ``DemonstrationsInputError`` for a threshold outside [0, 1] or a negative count.
    func shouldRemoveDemonstrations(recentSuccessRate: Double, agentEpisodes: Int, successThreshold: Double,
                                    minimumEpisodes: Int) throws -> Bool
}

/// Bad input to a lesson-8 formula, with a message naming the function and the problem.
public struct DemonstrationsInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message, e.g. "mixedMinibatchIndices: batchSize must be at least 1, got 0".
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
