import ExerciseAPI
import Numerics

/// An on-policy learner: improves a ``GaussianPolicy`` (and its ``ValueFunction``) from one batch
/// collected by that policy and the reward of every transition.
///
/// The reward is passed separately from the batch so that any reward can be plugged in: the
/// environment's, the discriminator's (GAIL), or a mix λ·r_GAIL + (1 − λ)·r_task.
public protocol PolicyGradientLearner: AnyObject {
    /// The policy being trained.
    var policy: GaussianPolicy { get }
    /// Its value function (the baseline / critic).
    var valueFunction: ValueFunction { get }
    /// One update from `batch` with `rewards[t]` for transition t.
    func update(batch: RolloutBatch, rewards: [Float], rng: inout RandomSource) throws -> PolicyUpdateStatistics
}

/// What one policy-gradient update did.
public struct PolicyUpdateStatistics: Sendable, Equatable, Codable {
    /// The mean policy loss over the gradient steps.
    public var policyLoss: Double
    /// The mean squared error of the value function over its gradient steps.
    public var valueLoss: Double
    /// The number of gradient steps taken on the policy.
    public var policyGradientSteps: Int
    /// The number of gradient steps taken on the value function.
    public var valueGradientSteps: Int
    /// An estimate of KL(π_old ‖ π_new) after the update, mean(log π_old − log π_new) on the batch.
    public var approximateKL: Double
    /// The fraction of samples whose ratio π/π_old ended outside the clip range (PPO; 0 otherwise).
    public var clipFraction: Double

    /// Statistics with the given numbers.
    public init(policyLoss: Double, valueLoss: Double, policyGradientSteps: Int, valueGradientSteps: Int,
                approximateKL: Double, clipFraction: Double) {
        self.policyLoss = policyLoss
        self.valueLoss = valueLoss
        self.policyGradientSteps = policyGradientSteps
        self.valueGradientSteps = valueGradientSteps
        self.approximateKL = approximateKL
        self.clipFraction = clipFraction
    }
}

/// Advantages and value targets for one batch.
public struct AdvantageEstimate: Sendable {
    /// A_t from generalized advantage estimation.
    public var advantages: [Float]
    /// The value targets A_t + V(s_t) (with λ = 1: the discounted returns-to-go, bootstrapped where
    /// the batch or a time limit cut the episode).
    public var returns: [Float]
    /// V(s_t) under the current value function.
    public var values: [Float]

    /// Runs the student's (or the reference's) `generalizedAdvantageEstimates` on `batch` with
    /// `rewards`, using `valueFunction` for V(s_t) and V(s_{t+1}).
    public static func estimate(batch: RolloutBatch, rewards: [Float], valueFunction: ValueFunction,
                                discount: Float, lambda: Float, formulas: some GAILExercises) throws -> AdvantageEstimate {
        try estimate(batch: batch, rewards: rewards, values: valueFunction.values(batch.observations),
                     nextValues: valueFunction.values(batch.nextObservations), discount: discount, lambda: lambda,
                     formulas: formulas)
    }

    /// Runs the student's (or the reference's) `generalizedAdvantageEstimates` on `batch` with
    /// `rewards` and any critic's V(s_t) (`values`) and V(s_{t+1}) (`nextValues`), one per transition
    /// (a critic on the state, or on the images the policy saw).
    ///
    /// - Throws: what the formula throws, or ``PolicyGradientError`` when the sizes disagree.
    public static func estimate(batch: RolloutBatch, rewards: [Float], values: [Float], nextValues: [Float],
                                discount: Float, lambda: Float, formulas: some GAILExercises) throws -> AdvantageEstimate {
        guard rewards.count == batch.count else {
            throw PolicyGradientError("advantage estimation: \(rewards.count) rewards for a batch of \(batch.count) transitions")
        }
        guard values.count == batch.count, nextValues.count == batch.count else {
            throw PolicyGradientError("advantage estimation: \(values.count) values and \(nextValues.count) next values "
                                      + "for a batch of \(batch.count) transitions")
        }
        // listing: advantage-estimate
        let advantages = try formulas.generalizedAdvantageEstimates(
            rewards: rewards, values: values, nextValues: nextValues, terminated: batch.terminated,
            episodeEnds: batch.episodeEnds, discount: discount, lambda: lambda)
        guard advantages.count == batch.count else {
            throw PolicyGradientError("generalizedAdvantageEstimates returned \(advantages.count) values for \(batch.count) transitions")
        }
        return AdvantageEstimate(advantages: advantages, returns: zip(advantages, values).map { $0 + $1 }, values: values)
        // end listing
    }
}
