import ExerciseAPI
import NeuralNetworks
import Numerics

/// REINFORCE's hyper-parameters (Williams 1992, with a learned state-value baseline as in
/// Sutton & Barto 2018, §13.4).
public struct REINFORCEConfiguration: Sendable, Equatable, Codable {
    /// Discount γ of the returns-to-go.
    public var discount: Float = 0.99
    /// Adam step size of the policy (one step per batch, so larger than PPO's: on the car, GAIL
    /// with REINFORCE reached the expert in 60 000 steps at 10⁻², and not at 10⁻³ or 3·10⁻³).
    public var policyLearningRate: Float = 1e-2
    /// Adam step size of the baseline.
    public var valueLearningRate: Float = 1e-3
    /// Minibatch steps fitting the baseline after each policy step.
    public var valueSteps: Int = 32
    /// Samples per baseline step.
    public var valueMinibatchSize: Int = 64
    /// Subtract the learned baseline b(s) = V(s) (false: plain REINFORCE, b = 0).
    public var usesBaseline = true
    /// Gradients are rescaled to at most this global norm.
    public var maxGradientNorm: Float = 0.5

    /// The defaults.
    public init() {}
}

/// REINFORCE with a baseline: the lecture's policy-gradient step
/// E_{(s,a)~π}[∇_θ log π_θ(a|s) · (G − b(s))], one gradient step per batch (exercise 4.3),
/// with G the discounted return-to-go (exercise 4.5 with λ = 1).
public final class REINFORCE<Formulas: GAILExercises>: PolicyGradientLearner {
    /// The policy being trained.
    public var policy: GaussianPolicy { steps.policy }
    /// The baseline b(s) = V(s).
    public var valueFunction: ValueFunction { steps.valueFunction }
    /// The hyper-parameters.
    public let configuration: REINFORCEConfiguration
    /// The plugged-in formulas.
    public let formulas: Formulas
    private let steps: PolicyAndValueSteps

    /// A learner for `policy` with baseline `valueFunction`.
    public init(policy: GaussianPolicy, valueFunction: ValueFunction,
                configuration: REINFORCEConfiguration = REINFORCEConfiguration(), formulas: Formulas) {
        self.configuration = configuration
        self.formulas = formulas
        steps = PolicyAndValueSteps(policy: policy, valueFunction: valueFunction, stepSizes: configuration)
    }

    /// One policy-gradient step on the whole batch, then a few steps fitting the baseline.
    public func update(batch: RolloutBatch, rewards: [Float], rng: inout RandomSource) throws -> PolicyUpdateStatistics {
        let c = configuration
        let estimate = try AdvantageEstimate.estimate(batch: batch, rewards: rewards, valueFunction: valueFunction,
                                                      discount: c.discount, lambda: 1, formulas: formulas)
        let baselines = c.usesBaseline ? estimate.values : [Float](repeating: 0, count: batch.count)
        let logp = policy.logProbabilities(observations: batch.observations, actions: batch.actions)
        let loss = try formulas.reinforceLoss(logProbabilities: logp, returns: estimate.returns, baselines: baselines)
        steps.stepPolicy(loss)

        var valueLossTotal = 0.0
        let n = batch.count
        for _ in 0..<c.valueSteps {
            let indices = (0..<min(c.valueMinibatchSize, n)).map { _ in rng.index(below: n) }
            valueLossTotal += steps.stepValue(observations: batch.observations.rows(indices),
                                              targets: indices.map { estimate.returns[$0] })
        }
        let kl = steps.divergence(from: batch).kl
        return PolicyUpdateStatistics(policyLoss: Double(loss.scalar), valueLoss: valueLossTotal / Double(max(c.valueSteps, 1)),
                                      policyGradientSteps: 1, valueGradientSteps: c.valueSteps,
                                      approximateKL: kl, clipFraction: 0)
    }
}
