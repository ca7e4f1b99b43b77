import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// PPO for a policy that acts from pixels (Zhu et al. 2018, section IV-A; Pinto et al. 2018): the
/// clipped surrogate is taken on log π_θ(a | image); GAE and the value function use what the
/// critic observes — the low-dimensional state, which the simulator knows during training (the
/// asymmetric critic, a ``ValueFunction``, the default), or the images themselves
/// (a ``ConvolutionalValueFunction``, the paper's ablation).
///
/// The update is ``PPO``'s own (``PPO/update(batch:rewards:model:configuration:formulas:name:rng:)``:
/// same configuration, same plugged-in formulas for GAE and the clipped loss), on a ``PixelRollout``.
/// PPO's entropy bonus (`entropyCoefficient`) applies as in ``PPO``.
/// With `auxiliaryWeight` w > 0 the policy's loss gains w · L_aux, the auxiliary task's loss (exercise
/// 9.4, ``VisuomotorExercises/auxiliaryPositionLoss(predicted:target:)`` of the plugged-in `visuomotor`
/// formulas) of its auxiliary head on the minibatch's object positions (``AuxiliaryTarget``: the
/// block's, or the block's and the pusher's), and the head is trained with the policy.
///
/// ```
/// for each rollout collected by π_old:
///     A ← GAE(r, V(state)) or GAE(r, V(image))
///     repeat epochs times, for each minibatch:
///         θ ← θ − α ∇ [−mean min(ρA, clip(ρ, 1−ε, 1+ε)A) + w · L_aux]   ρ = π_θ(a | image) / π_old(a | image)
///         φ ← φ − α ∇ mean (V_φ − (A + V_old))²
/// ```
public final class PixelPPO<Formulas: GAILExercises> {
    /// The policy, on images.
    public let policy: ConvolutionalGaussianPolicy
    /// The critic, on states (asymmetric) or on images.
    public let critic: any PixelRolloutCritic
    /// The hyper-parameters.
    public let configuration: PPOConfiguration
    /// The auxiliary loss's weight w (0: no auxiliary task).
    public let auxiliaryWeight: Float
    /// What the auxiliary head regresses.
    public let auxiliaryTarget: AuxiliaryTarget
    /// The plugged-in formulas (the student's or the reference's).
    public let formulas: Formulas
    /// The plugged-in lesson-9 formulas: the auxiliary task's loss (exercise 9.4).
    public let visuomotor: any VisuomotorExercises
    private let policyParameters: [Parameter]
    private let policyOptimizer: Adam
    private let valueOptimizer: Adam

    /// A learner for `policy` and `critic` (a ``ValueFunction`` of the environment's state, or a
    /// ``ConvolutionalValueFunction`` of the images).
    public init(policy: ConvolutionalGaussianPolicy, critic: any PixelRolloutCritic,
                configuration: PPOConfiguration = PPOConfiguration(), auxiliaryWeight: Float = 0,
                auxiliaryTarget: AuxiliaryTarget = .block, formulas: Formulas, visuomotor: some VisuomotorExercises) {
        precondition(auxiliaryWeight == 0 || policy.auxiliaryHead?.outputSize == auxiliaryTarget.outputs,
                     "PixelPPO: an auxiliary weight needs a policy whose auxiliary head has \(auxiliaryTarget.outputs) outputs")
        self.policy = policy
        self.critic = critic
        self.configuration = configuration
        self.auxiliaryWeight = auxiliaryWeight
        self.auxiliaryTarget = auxiliaryTarget
        self.formulas = formulas
        self.visuomotor = visuomotor
        policyParameters = policy.parameters + (auxiliaryWeight > 0 ? policy.auxiliaryHead!.parameters : [])
        policyOptimizer = Adam(parameters: policyParameters, learningRate: configuration.policyLearningRate)
        valueOptimizer = Adam(parameters: critic.parameters, learningRate: configuration.valueLearningRate)
    }

    /// Several epochs of clipped-surrogate steps on `rollout` with `rewards`.
    ///
    /// - Throws: what the formulas throw (the auxiliary loss's too), or ``PolicyGradientError`` for bad
    ///   sizes or settings.
    public func update(rollout: PixelRollout, rewards: [Float], rng: inout RandomSource) throws -> PolicyUpdateStatistics {
        let batch = rollout.states, policy = policy, critic = critic, weight = auxiliaryWeight, target = auxiliaryTarget
        let maxNorm = configuration.maxGradientNorm, parameters = policyParameters, entropyCoefficient = configuration.entropyCoefficient
        let policyOptimizer = policyOptimizer, valueOptimizer = valueOptimizer, visuomotor = visuomotor
        // The auxiliary head reads the features the minibatch's log-probabilities came from: one pass
        // through the convolutions, forward and backward, serves both losses.
        let minibatch = MinibatchFeatures()
        let model = ProximalUpdateModel(
            values: { critic.values(rollout) },
            logProbabilities: { rows in
                let features = policy.features(rollout.images.rows(rows))
                if weight > 0 { minibatch.keep(features, of: rows) }
                return policy.distribution(features: features).logProb(Tensor(batch.actions.rows(rows)))
            },
            policyLoss: { surrogate, rows in
                // listing: policy-loss-with-auxiliary-task
                let loss = PPO<Formulas>.withEntropyBonus(surrogate, logStd: policy.logStd, coefficient: entropyCoefficient)
                guard weight > 0 else { return loss }
                let features = minibatch.features(of: rows)   // the CNN features the log-probabilities used
                let positions = Tensor(target.positions(rollout, rows: rows))
                let auxiliary = try visuomotor.auxiliaryPositionLoss(predicted: policy.predictedPositions(features: features),
                                                                     target: positions)
                return loss + auxiliary * weight
                // end listing
            },
            stepPolicy: { loss in
                var gradients = loss.gradients(for: parameters)
                clipGlobalNorm(&gradients, maxNorm: maxNorm)
                policyOptimizer.step(gradients)
            },
            stepValue: { rows, targets in
                let loss = mseLoss(critic.predictions(rollout, rows: rows), Tensor(Matrix(columnVector: targets)))
                var gradients = loss.gradients(for: critic.parameters)
                clipGlobalNorm(&gradients, maxNorm: maxNorm)
                valueOptimizer.step(gradients)
                return Double(loss.scalar)
            },
            divergence: { [self] in divergence(from: rollout) })
        return try PPO<Formulas>.update(batch: batch, rewards: rewards, model: model, configuration: configuration,
                                        formulas: formulas, name: "PixelPPO", rng: &rng)
    }

    /// The approximate KL(π_old ‖ π) = mean(log π_old − log π) on the rollout, and the fraction of
    /// ratios more than the clip range from 1 (256 images per forward pass).
    private func divergence(from rollout: PixelRollout) -> (kl: Double, clipFraction: Double) {
        let n = rollout.count, chunk = 256
        let newLogp = stride(from: 0, to: n, by: chunk).flatMap { start in
            let rows = Array(start..<min(start + chunk, n))
            return policy.logProbabilities(images: rollout.images.rows(rows), actions: rollout.states.actions.rows(rows)).value.scalars
        }
        var kl = 0.0, clipped = 0
        for (old, new) in zip(rollout.states.logProbabilities, newLogp) {
            kl += Double(old - new)
            if abs(Foundation.exp(new - old) - 1) > configuration.clipRange { clipped += 1 }
        }
        let count = Double(max(n, 1))
        return (kl / count, Double(clipped) / count)
    }
}

/// The encoder's features of the minibatch whose log-probabilities were computed last, kept for its
/// auxiliary loss.
private final class MinibatchFeatures {
    private var rows: [Int] = []
    private var features: Tensor?

    func keep(_ features: Tensor, of rows: [Int]) {
        self.rows = rows
        self.features = features
    }

    func features(of rows: [Int]) -> Tensor {
        guard let features, rows == self.rows else {
            preconditionFailure("PixelPPO: the auxiliary loss asked for features of rows whose log-probabilities were not computed last")
        }
        return features
    }
}
