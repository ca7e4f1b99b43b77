import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// PPO's hyper-parameters, with the defaults of Schulman et al. 2017 ("Proximal Policy
/// Optimization Algorithms", Table 3, MuJoCo: Adam 3·10⁻⁴, 10 epochs, minibatch 64, γ = 0.99,
/// λ = 0.95, clip ε = 0.2), plus the gradient-norm clip (0.5) common in implementations.
public struct PPOConfiguration: Sendable, Equatable, Codable {
    /// Discount γ.
    public var discount: Float = 0.99
    /// GAE λ (Schulman et al. 2016).
    public var gaeLambda: Float = 0.95
    /// Clip range ε of the surrogate (eq. 7).
    public var clipRange: Float = 0.2
    /// Passes over each batch.
    public var epochs: Int = 10
    /// Samples per gradient step.
    public var minibatchSize: Int = 64
    /// Adam step size of the policy.
    public var policyLearningRate: Float = 3e-4
    /// Adam step size of the value function.
    public var valueLearningRate: Float = 1e-3
    /// Gradients are rescaled to at most this global norm.
    public var maxGradientNorm: Float = 0.5
    /// Standardise the advantages within each batch.
    public var normalizesAdvantages = true
    /// Weight of the entropy bonus (0: none).
    public var entropyCoefficient: Float = 0
    /// Stop the epochs of an update early once the approximate KL exceeds this (nil: never).
    public var targetKL: Float? = nil

    /// The paper's defaults.
    public init() {}

    /// The paper's settings with minibatches of 256 instead of 64: a quarter of the gradient steps,
    /// each on four times the samples. On the lane-keeping car GAIL learns as well and about 40%
    /// faster in wall-clock time.
    public static var largeMinibatches: PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.minibatchSize = 256
        return configuration
    }
}

/// Proximal policy optimisation (Schulman et al. 2017): several epochs of minibatch steps on
/// the clipped surrogate (exercise 4.4) with advantages from GAE (exercise 4.5), and a value
/// function fitted to the returns.
///
/// ```
/// for each batch collected by π_old:
///     A ← GAE(r, V)                                   (generalizedAdvantageEstimates)
///     repeat epochs times, for each minibatch:
///         θ ← θ − α ∇ [−mean min(ρA, clip(ρ, 1−ε, 1+ε)A)]  (ppoClippedLoss)
///         φ ← φ − α ∇ mean (V_φ(s) − (A + V_old(s)))²
/// ```
public final class PPO<Formulas: GAILExercises>: PolicyGradientLearner {
    /// The policy being trained.
    public var policy: GaussianPolicy { steps.policy }
    /// The critic.
    public var valueFunction: ValueFunction { steps.valueFunction }
    /// The hyper-parameters.
    public let configuration: PPOConfiguration
    /// The plugged-in formulas (the student's or the reference's).
    public let formulas: Formulas
    private let steps: PolicyAndValueSteps

    /// A learner for `policy` and `valueFunction`.
    public init(policy: GaussianPolicy, valueFunction: ValueFunction, configuration: PPOConfiguration = PPOConfiguration(),
                formulas: Formulas) {
        self.configuration = configuration
        self.formulas = formulas
        steps = PolicyAndValueSteps(policy: policy, valueFunction: valueFunction, stepSizes: configuration)
    }

    /// Several epochs of clipped-surrogate steps on `batch` with `rewards`.
    public func update(batch: RolloutBatch, rewards: [Float], rng: inout RandomSource) throws -> PolicyUpdateStatistics {
        let c = configuration, policy = policy, valueFunction = valueFunction, steps = steps
        let model = ProximalUpdateModel(
            values: { (valueFunction.values(batch.observations), valueFunction.values(batch.nextObservations)) },
            logProbabilities: { policy.logProbabilities(observations: batch.observations.rows($0), actions: batch.actions.rows($0)) },
            policyLoss: { surrogate, _ in Self.withEntropyBonus(surrogate, logStd: policy.logStd, coefficient: c.entropyCoefficient) },
            stepPolicy: { steps.stepPolicy($0) },
            stepValue: { rows, targets in steps.stepValue(observations: batch.observations.rows(rows), targets: targets) },
            divergence: { steps.divergence(from: batch, clipRange: c.clipRange) })
        return try Self.update(batch: batch, rewards: rewards, model: model, configuration: c, formulas: formulas, name: "PPO",
                               rng: &rng)
    }

    /// `loss` − `coefficient` · H(π), the entropy of a diagonal Gaussian with log σ `logStd`
    /// (the same for every state); `loss` itself when the coefficient is 0.
    static func withEntropyBonus(_ loss: Tensor, logStd: Parameter, coefficient: Float) -> Tensor {
        guard coefficient > 0 else { return loss }
        let entropy = DiagonalGaussian(mean: Tensor(Matrix.zeros(1, logStd.value.cols)), logStd: logStd.tensor).entropy()
        return loss - entropy.mean() * coefficient
    }

    /// PPO's update for any policy and critic, seen through `model` (``PPO`` on states, ``PixelPPO``
    /// on images): GAE on the critic's values of `batch`, then `epochs` passes of minibatch steps on
    /// the clipped surrogate of the policy and on the critic's squared error to the returns.
    ///
    /// - Throws: what the formulas throw, or ``PolicyGradientError`` (prefixed by `name`) for bad
    ///   settings or sizes.
    public static func update(batch: RolloutBatch, rewards: [Float], model: ProximalUpdateModel, configuration c: PPOConfiguration,
                              formulas: Formulas, name: String, rng: inout RandomSource) throws -> PolicyUpdateStatistics {
        guard c.epochs >= 1, c.minibatchSize >= 1 else {
            throw PolicyGradientError("\(name): epochs (\(c.epochs)) and minibatchSize (\(c.minibatchSize)) must be at least 1")
        }
        // listing: ppo-update
        let (values, nextValues) = model.values()
        let estimate = try AdvantageEstimate.estimate(batch: batch, rewards: rewards, values: values, nextValues: nextValues,
                                                      discount: c.discount, lambda: c.gaeLambda, formulas: formulas)
        let advantages = c.normalizesAdvantages ? standardised(estimate.advantages) : estimate.advantages
        let n = batch.count
        var policyLossTotal = 0.0, valueLossTotal = 0.0, stepCount = 0
        var stoppedEarly = false
        for _ in 0..<c.epochs where !stoppedEarly {
            let order = rng.shuffled(0..<n)
            for start in stride(from: 0, to: n, by: c.minibatchSize) {
                let indices = Array(order[start..<min(start + c.minibatchSize, n)])
                let logp = model.logProbabilities(indices)   // log π_θ(a | s) or log π_θ(a | image)
                let surrogate = try formulas.ppoClippedLoss(logProbabilities: logp,
                                                            oldLogProbabilities: indices.map { batch.logProbabilities[$0] },
                                                            advantages: indices.map { advantages[$0] }, clipRange: c.clipRange)
                let loss = try model.policyLoss(surrogate, indices)   // + entropy bonus, auxiliary task
                model.stepPolicy(loss)
                policyLossTotal += Double(loss.scalar)
                valueLossTotal += model.stepValue(indices, indices.map { estimate.returns[$0] })
                stepCount += 1
            }
            if let target = c.targetKL, model.divergence().kl > Double(target) { stoppedEarly = true }
        }
        // end listing
        let (kl, clipped) = model.divergence()
        return PolicyUpdateStatistics(policyLoss: policyLossTotal / Double(max(stepCount, 1)),
                                      valueLoss: valueLossTotal / Double(max(stepCount, 1)),
                                      policyGradientSteps: stepCount, valueGradientSteps: stepCount,
                                      approximateKL: kl, clipFraction: clipped)
    }
}

/// `values` shifted to mean 0 and scaled to standard deviation 1 (left centred if all equal).
func standardised(_ values: [Float]) -> [Float] {
    guard !values.isEmpty else { return values }
    let (mean, std) = meanAndStandardDeviation(of: values.map(Double.init))
    return values.map { Float((Double($0) - mean) / (std + 1e-8)) }
}
