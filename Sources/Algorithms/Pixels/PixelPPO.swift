import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// PPO for a policy that acts from pixels with an asymmetric critic (Zhu et al. 2018, section
/// IV-A; Pinto et al. 2018): the clipped surrogate is taken on log π_θ(a | image), while GAE and the
/// value function use the low-dimensional state, which the simulator knows during training.
///
/// The update is ``PPO``'s (same configuration, same plugged-in formulas for GAE and the clipped
/// loss), on a ``PixelRollout``. With `auxiliaryWeight` w > 0 the policy's loss gains
/// w · ``auxiliaryPositionLoss(predicted:target:)`` of its auxiliary head on the minibatch's block
/// positions, and the head is trained with the policy.
///
/// ```
/// for each rollout collected by π_old:
///     A ← GAE(r, V(state))
///     repeat epochs times, for each minibatch:
///         θ ← θ − α ∇ [−mean min(ρA, clip(ρ, 1−ε, 1+ε)A) + w · L_aux]   ρ = π_θ(a | image) / π_old(a | image)
///         φ ← φ − α ∇ mean (V_φ(state) − (A + V_old(state)))²
/// ```
public final class PixelPPO<Formulas: GAILExercises> {
    /// The policy, on images.
    public let policy: ConvolutionalGaussianPolicy
    /// The critic, on states.
    public let valueFunction: ValueFunction
    /// The hyper-parameters.
    public let configuration: PPOConfiguration
    /// The auxiliary loss's weight w (0: no auxiliary task).
    public let auxiliaryWeight: Float
    /// The plugged-in formulas (the student's or the reference's).
    public let formulas: Formulas
    private let policyParameters: [Parameter]
    private let policyOptimizer: Adam
    private let valueOptimizer: Adam

    /// A learner for `policy` and `valueFunction` (whose input is the environment's state).
    public init(policy: ConvolutionalGaussianPolicy, valueFunction: ValueFunction,
                configuration: PPOConfiguration = PPOConfiguration(), auxiliaryWeight: Float = 0, formulas: Formulas) {
        precondition(auxiliaryWeight == 0 || policy.auxiliaryHead != nil,
                     "PixelPPO: an auxiliary weight needs a policy with an auxiliary head")
        self.policy = policy
        self.valueFunction = valueFunction
        self.configuration = configuration
        self.auxiliaryWeight = auxiliaryWeight
        self.formulas = formulas
        policyParameters = policy.parameters + (auxiliaryWeight > 0 ? policy.auxiliaryHead!.parameters : [])
        policyOptimizer = Adam(parameters: policyParameters, learningRate: configuration.policyLearningRate)
        valueOptimizer = Adam(parameters: valueFunction.parameters, learningRate: configuration.valueLearningRate)
    }

    /// Several epochs of clipped-surrogate steps on `rollout` with `rewards`.
    ///
    /// - Throws: what the formulas throw, or ``PolicyGradientError`` for bad sizes or settings.
    public func update(rollout: PixelRollout, rewards: [Float], rng: inout RandomSource) throws -> PolicyUpdateStatistics {
        let c = configuration
        guard c.epochs >= 1, c.minibatchSize >= 1 else {
            throw PolicyGradientError("PixelPPO: epochs (\(c.epochs)) and minibatchSize (\(c.minibatchSize)) must be at least 1")
        }
        let batch = rollout.states
        let estimate = try AdvantageEstimate.estimate(batch: batch, rewards: rewards, valueFunction: valueFunction,
                                                      discount: c.discount, lambda: c.gaeLambda, formulas: formulas)
        let advantages = c.normalizesAdvantages ? standardised(estimate.advantages) : estimate.advantages
        let n = batch.count
        var policyLossTotal = 0.0, valueLossTotal = 0.0, steps = 0
        var stoppedEarly = false
        for _ in 0..<c.epochs where !stoppedEarly {
            let order = rng.shuffled(0..<n)
            for start in stride(from: 0, to: n, by: c.minibatchSize) {
                let indices = Array(order[start..<min(start + c.minibatchSize, n)])
                let images = rollout.images.rows(indices)
                let logp = policy.logProbabilities(images: images, actions: batch.actions.rows(indices))
                var loss = try formulas.ppoClippedLoss(logProbabilities: logp,
                                                       oldLogProbabilities: indices.map { batch.logProbabilities[$0] },
                                                       advantages: indices.map { advantages[$0] }, clipRange: c.clipRange)
                policyLossTotal += Double(loss.scalar)
                if auxiliaryWeight > 0 {
                    let positions = Tensor(rollout.blockPositions.rows(indices))
                    loss = loss + auxiliaryPositionLoss(predicted: policy.predictedPositions(images), target: positions)
                        * auxiliaryWeight
                }
                var gradients = loss.gradients(for: policyParameters)
                clipGlobalNorm(&gradients, maxNorm: c.maxGradientNorm)
                policyOptimizer.step(gradients)

                let valueLoss = mseLoss(valueFunction.predictions(batch.observations.rows(indices)),
                                        Tensor(Matrix(columnVector: indices.map { estimate.returns[$0] })))
                var valueGradients = valueLoss.gradients(for: valueFunction.parameters)
                clipGlobalNorm(&valueGradients, maxNorm: c.maxGradientNorm)
                valueOptimizer.step(valueGradients)
                valueLossTotal += Double(valueLoss.scalar)
                steps += 1
            }
            if let target = c.targetKL, divergence(from: rollout).kl > Double(target) { stoppedEarly = true }
        }
        let (kl, clipped) = divergence(from: rollout)
        return PolicyUpdateStatistics(policyLoss: policyLossTotal / Double(max(steps, 1)),
                                      valueLoss: valueLossTotal / Double(max(steps, 1)),
                                      policyGradientSteps: steps, valueGradientSteps: steps,
                                      approximateKL: kl, clipFraction: clipped)
    }

    /// The approximate KL(π_old ‖ π) = mean(log π_old − log π) on the rollout, and the fraction of
    /// ratios more than the clip range from 1.
    private func divergence(from rollout: PixelRollout) -> (kl: Double, clipFraction: Double) {
        let newLogp = policy.logProbabilities(images: rollout.images, actions: rollout.states.actions).value.scalars
        var kl = 0.0, clipped = 0
        for (old, new) in zip(rollout.states.logProbabilities, newLogp) {
            kl += Double(old - new)
            if abs(Foundation.exp(new - old) - 1) > configuration.clipRange { clipped += 1 }
        }
        let n = Double(max(rollout.count, 1))
        return (kl / n, Double(clipped) / n)
    }
}
