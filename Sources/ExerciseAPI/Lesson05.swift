import Numerics

/// The exercises of lesson 5 (off-policy RL on a fixed batch): the formulas a student writes.
///
/// `Solutions.OffPolicyLearning` is the reference; `Exercises.OffPolicyLearning` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: DDPG and TD3
/// (`Algorithms/DDPG`) build their critic targets with ``criticTarget(rewards:nextValues:terminals:timeouts:discount:)``
/// and their actor loss with ``deterministicPolicyGradientLoss(states:actor:critic:)``, tabular
/// Q-learning on a fixed batch (`Algorithms/Tabular`) calls
/// ``qLearningUpdate(value:reward:nextValues:terminal:learningRate:discount:)``, the true value of a
/// policy is measured with ``discountedReturns(rewards:discount:)``, and an interacting agent
/// explores with ``explorationAction(_:noiseStd:low:high:rng:)``.
public protocol OffPolicyExercises: Sendable {
    /// Exercise 5.1: the critic's regression target of DDPG (Lillicrap et al. 2016, eq. 5),
    /// `y = r + γ (1 − terminal) · Q'(s', π'(s'))`, one row per transition.
    ///
    /// `nextValues` already holds `Q'(s', π'(s'))` from the target networks (for TD3, the
    /// smaller of the two target critics). Only a *terminal* transition (the task ended, no
    /// future reward exists) stops the bootstrap; a *timeout* (the episode was cut by a time
    /// limit, as every Pendulum episode is after 200 steps) is not an end of the task, so its
    /// target still bootstraps from s'. `timeouts` is given so you can see the difference: the
    /// formula must not use it.
    ///
    /// - Parameters:
    ///   - rewards: n×1 rewards r.
    ///   - nextValues: n×1 target values Q'(s', π'(s')).
    ///   - terminals: n×1, 1 where s' ends the task, else 0.
    ///   - timeouts: n×1, 1 where the episode was cut by the time limit after this step, else 0.
    ///   - discount: γ in [0, 1].
    /// - Returns: n×1 targets y (constants: no gradient flows through them).
    func criticTarget(rewards: Matrix, nextValues: Matrix, terminals: Matrix, timeouts: Matrix,
                      discount: Float) throws -> Matrix

    /// Exercise 5.2: the deterministic policy gradient loss of the actor (Silver et al. 2014;
    /// DDPG), `L(φ) = −(1/n) Σᵢ Q(sᵢ, π_φ(sᵢ))`.
    ///
    /// Compute the actions `π(s)` with `actor`, score them with `critic(states, actions)`, and
    /// return the negated mean as a 1×1 tensor. Do not detach the actions: the gradient must flow
    /// from Q through the action into the actor's parameters (the algorithm then updates only the
    /// actor's parameters with it; the critic stays as it is).
    ///
    /// - Parameters:
    ///   - states: n×d states (a constant tensor).
    ///   - actor: the policy network, n×d states → n×k actions.
    ///   - critic: the Q-network, (n×d states, n×k actions) → n×1 values.
    /// - Returns: the 1×1 loss whose gradient with respect to the actor's parameters is −∇_φ J.
    func deterministicPolicyGradientLoss(states: Tensor, actor: (Tensor) throws -> Tensor,
                                         critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor

    /// Exercise 5.3: one tabular Q-learning update from one transition (s, a, r, s') of a batch
    /// (Watkins 1989), `Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a'} Q(s',a'))`.
    ///
    /// The maximum runs over *every* action of s', whether or not the batch ever tried it: this
    /// is where extrapolation error enters.
    ///
    /// - Parameters:
    ///   - value: the current Q(s, a).
    ///   - reward: r.
    ///   - nextValues: Q(s', a') for every action a' of s' (may be empty only when `terminal`).
    ///   - terminal: whether s' ends the task (then there is no bootstrap).
    ///   - learningRate: α in [0, 1].
    ///   - discount: γ in [0, 1].
    /// - Returns: the updated Q(s, a).
    func qLearningUpdate(value: Double, reward: Double, nextValues: [Double], terminal: Bool,
                         learningRate: Double, discount: Double) throws -> Double

    /// Exercise 5.4: the discounted Monte-Carlo returns of one rollout,
    /// `G_t = Σ_{k ≥ t} γ^{k−t} r_k`, for every step t (an empty rollout gives an empty array).
    ///
    /// `G_0` of a rollout that starts in s with the policy's own action is an unbiased sample of
    /// the true Q^π(s, π(s)) (up to the rollout's cut-off, which costs at most γ^T · max|r| / (1 − γ)):
    /// the lesson averages it over start states and compares it with the critic's estimate.
    /// Compute it backwards, `G_t = r_t + γ G_{t+1}`, in one pass.
    func discountedReturns(rewards: [Double], discount: Double) throws -> [Double]

    /// Exercise 5.5: Gaussian exploration, `clip(a + ε, low, high)` with `ε ~ N(0, σ² I)`,
    /// drawn coordinate by coordinate from `rng` (DDPG and TD3 as Fujimoto et al. run them; σ is
    /// given in action units).
    ///
    /// - Parameters:
    ///   - action: the policy's action a.
    ///   - noiseStd: σ ≥ 0 (σ = 0 returns `a` clipped into the bounds).
    ///   - low: the lower bound of every coordinate.
    ///   - high: the upper bound of every coordinate.
    ///   - rng: the random source to draw ε from (never a global generator).
    /// - Returns: the noisy action, inside the bounds.
    func explorationAction(_ action: [Float], noiseStd: Float, low: [Float], high: [Float],
                           rng: inout RandomSource) throws -> [Float]
}

/// Bad input to a lesson-5 formula (shapes that disagree, a discount outside [0, 1], …), with a
/// message naming the function and the problem.
public struct OffPolicyInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message, e.g. "criticTarget: rewards is 3×1 but nextValues is 2×1".
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
