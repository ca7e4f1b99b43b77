import Numerics

/// Which of the lecture's two imitation rewards a discriminator output is turned into.
///
/// Both grow with D(s, a), the discriminator's probability that the pair came from the expert;
/// they differ in sign, and the sign matters whenever episodes can end early.
public enum GAILRewardForm: String, Sendable, CaseIterable, Codable {
    /// r = log D(s, a) ≤ 0: how well the pair fooled the discriminator (the lecture's first form,
    /// from min_π E_π[−log D]). Always negative: a per-step penalty, so an agent that can end the
    /// episode early collects less of it.
    case logD
    /// r = −log(1 − D(s, a)) ≥ 0: the form the lecture uses later (and Zhu et al. 2018). Always
    /// positive: a survival bonus, so an agent prefers long episodes.
    case negativeLogOneMinusD
}

/// The exercises of lesson 4 (generative adversarial imitation learning): the formulas a student writes.
///
/// `Solutions.AdversarialImitation` is the reference; `Exercises.AdversarialImitation` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
///
/// Convention throughout (the lecture's): the discriminator outputs a logit z(s, a) and
/// D(s, a) = σ(z) is its probability that (s, a) is an *expert* pair, so a good discriminator has
/// D → 1 on expert pairs and D → 0 on the policy's. Inputs with mismatched lengths are bad input:
/// throw an error that names them.
public protocol GAILExercises: Sendable {
    /// Exercise 4.1: the discriminator's loss, to be minimised, from its logits.
    ///
    /// With D = σ(z) and D → 1 on expert pairs, the loss is the binary cross-entropy
    ///
    ///     L_D = −mean_expert log D(s, a) − mean_policy log(1 − D(s, a)).
    ///
    /// Compute it from the logits without ever forming D: log σ(z) = −softplus(−z) and
    /// log(1 − σ(z)) = −softplus(z), so that logits of ±100 give finite losses and gradients.
    ///
    /// - Parameters:
    ///   - expertLogits: z on expert pairs, an n_E×1 tensor (n_E ≥ 1).
    ///   - policyLogits: z on the policy's pairs, an n_π×1 tensor (n_π ≥ 1).
    /// - Returns: the 1×1 loss L_D, differentiable with respect to both inputs.
    func discriminatorLoss(expertLogits: Tensor, policyLogits: Tensor) throws -> Tensor

    /// Exercise 4.2: the imitation reward of each (s, a) pair from the discriminator's logit.
    ///
    /// For ``GAILRewardForm/logD`` return log D = log σ(z); for
    /// ``GAILRewardForm/negativeLogOneMinusD`` return −log(1 − D) = −log(1 − σ(z)). Both must stay
    /// finite for logits of any size (z = ±100 included).
    ///
    /// - Parameters:
    ///   - logits: one logit z per pair.
    ///   - form: which reward.
    /// - Returns: one reward per pair, in order.
    func gailReward(logits: [Float], form: GAILRewardForm) throws -> [Float]

    /// Exercise 4.3: the REINFORCE loss with a baseline (the lecture's policy-gradient step).
    ///
    /// Minimising
    ///
    ///     L(θ) = −(1/N) Σ_i log π_θ(a_i | s_i) · (G_i − b_i)
    ///
    /// follows the policy gradient E[∇_θ log π_θ(a|s) (G − b)]. Only the log-probabilities carry a
    /// gradient; the returns G_i and baselines b_i are numbers.
    ///
    /// - Parameters:
    ///   - logProbabilities: log π_θ(a_i | s_i), an N×1 tensor.
    ///   - returns: G_i, N values.
    ///   - baselines: b_i, N values (zeros for plain REINFORCE).
    /// - Returns: the 1×1 loss.
    func reinforceLoss(logProbabilities: Tensor, returns: [Float], baselines: [Float]) throws -> Tensor

    /// Exercise 4.4: PPO's clipped surrogate loss (Schulman et al. 2017, eq. 7), to be minimised.
    ///
    /// With the probability ratio ρ_i = exp(log π_θ(a_i|s_i) − log π_old(a_i|s_i)),
    ///
    ///     L(θ) = −(1/N) Σ_i min(ρ_i A_i, clip(ρ_i, 1 − ε, 1 + ε) A_i).
    ///
    /// - Parameters:
    ///   - logProbabilities: log π_θ(a_i | s_i) under the current parameters, an N×1 tensor.
    ///   - oldLogProbabilities: log π_old(a_i | s_i) when the data were collected, N values.
    ///   - advantages: A_i, N values.
    ///   - clipRange: ε > 0.
    /// - Returns: the 1×1 loss.
    func ppoClippedLoss(logProbabilities: Tensor, oldLogProbabilities: [Float], advantages: [Float],
                        clipRange: Float) throws -> Tensor

    /// Exercise 4.5: generalized advantage estimates (Schulman et al. 2016, eq. 16) over a batch of
    /// consecutive transitions, with terminal handling.
    ///
    /// Transition t goes from s_t to s_{t+1} with reward r_t. With
    /// δ_t = r_t + γ (1 − terminated_t) V(s_{t+1}) − V(s_t),
    ///
    ///     A_t = δ_t + γ λ (1 − episodeEnds_t) A_{t+1},   and A_t = δ_t at the last transition.
    ///
    /// `terminated_t` means s_{t+1} is terminal (no value after it); `episodeEnds_t` means the
    /// next transition in the batch belongs to another episode (terminated, or cut off by a time
    /// limit, whose s_{t+1} still has a value). With λ = 1 and all values zero this is the
    /// discounted return-to-go Σ_k γ^k r_{t+k} within the episode.
    ///
    /// - Parameters:
    ///   - rewards: r_t.
    ///   - values: V(s_t).
    ///   - nextValues: V(s_{t+1}) (used unless terminated).
    ///   - terminated: whether s_{t+1} is terminal.
    ///   - episodeEnds: whether the episode stops after transition t (terminated or cut off).
    ///   - discount: γ in [0, 1].
    ///   - lambda: λ in [0, 1].
    /// - Returns: A_t for every t, in order.
    func generalizedAdvantageEstimates(rewards: [Float], values: [Float], nextValues: [Float],
                                       terminated: [Bool], episodeEnds: [Bool],
                                       discount: Float, lambda: Float) throws -> [Float]
}

/// Bad input to one of lesson 4's formulas (for example arrays of different lengths).
public struct GAILInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, naming the function and the arguments.
    public let message: String

    /// Creates the error with a message naming the function and the problem.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
