import Foundation
import NeuralNetworks
import Numerics

/// The gradient steps every on-policy learner of the kit takes (PPO, REINFORCE): Adam on the
/// policy down a loss, Adam on the value function towards targets, each gradient rescaled to at
/// most a global norm, and how far an update moved the policy.
final class PolicyAndValueSteps {
    let policy: GaussianPolicy
    let valueFunction: ValueFunction
    /// Gradients are rescaled to at most this global norm.
    let maxGradientNorm: Float
    private let policyOptimizer: Adam
    private let valueOptimizer: Adam

    init(policy: GaussianPolicy, valueFunction: ValueFunction, stepSizes: some PolicyGradientStepSizes) {
        self.policy = policy
        self.valueFunction = valueFunction
        maxGradientNorm = stepSizes.maxGradientNorm
        policyOptimizer = Adam(parameters: policy.parameters, learningRate: stepSizes.policyLearningRate)
        valueOptimizer = Adam(parameters: valueFunction.parameters, learningRate: stepSizes.valueLearningRate)
    }

    /// One Adam step of the policy down `loss`'s clipped gradient.
    func stepPolicy(_ loss: Tensor) {
        var gradients = loss.gradients(for: policy.parameters)
        clipGlobalNorm(&gradients, maxNorm: maxGradientNorm)
        policyOptimizer.step(gradients)
    }

    /// One Adam step of the value function on mean (V(s) − target)² over the rows of
    /// `observations`; returns that loss before the step.
    func stepValue(observations: Matrix, targets: [Float]) -> Double {
        let loss = mseLoss(valueFunction.predictions(observations), Tensor(Matrix(columnVector: targets)))
        var gradients = loss.gradients(for: valueFunction.parameters)
        clipGlobalNorm(&gradients, maxNorm: maxGradientNorm)
        valueOptimizer.step(gradients)
        return Double(loss.scalar)
    }

    /// How far the policy has moved from the one that collected `batch`: the approximate
    /// KL(π_old ‖ π) = mean(log π_old − log π), and the fraction of samples whose ratio π/π_old lies
    /// more than `clipRange` from 1 (0 without a clip range).
    func divergence(from batch: RolloutBatch, clipRange: Float? = nil) -> (kl: Double, clipFraction: Double) {
        let newLogp = policy.logProbabilities(observations: batch.observations, actions: batch.actions).value.scalars
        var kl = 0.0, clipped = 0
        for (old, new) in zip(batch.logProbabilities, newLogp) {
            kl += Double(old - new)
            if let clipRange, abs(Foundation.exp(new - old) - 1) > clipRange { clipped += 1 }
        }
        let n = Double(max(batch.count, 1))
        return (kl / n, Double(clipped) / n)
    }
}

/// The step sizes of ``PolicyAndValueSteps``, as PPO's and REINFORCE's configurations name them.
protocol PolicyGradientStepSizes {
    /// Adam step size of the policy.
    var policyLearningRate: Float { get }
    /// Adam step size of the value function.
    var valueLearningRate: Float { get }
    /// Gradients are rescaled to at most this global norm.
    var maxGradientNorm: Float { get }
}

extension PPOConfiguration: PolicyGradientStepSizes {}
extension REINFORCEConfiguration: PolicyGradientStepSizes {}
