import ExerciseAPI
import NeuralNetworks
import Numerics

/// The reward half of GAIL and of the mixed-reward agent: the discriminator, trained on its view
/// of the expert's and the policy's pairs, and the reward it hands out.
///
/// ```
/// x_E ← view(s_E, a_E) (once), x_π ← view(s_π, a_π)    (GAIL: the selected features; lesson 7: 7.2)
/// repeat k times: φ ← φ − α ∇_φ L_D(z_φ(x_E), z_φ(x_π))  (discriminatorLoss, 4.1)
/// r_GAIL ← −log(1 − σ(z_φ(x_π))) or log σ(z_φ(x_π))      (gailReward, 4.2)
/// r ← λ·r_GAIL + (1 − λ)·c·r_task                         (mixedReward, 7.1; without the mixing formulas r = r_GAIL)
/// ```
///
/// With λ = 0 the discriminator is neither trained nor asked (its reward would be weighted by 0).
final class DiscriminatorReward<Imitation: GAILExercises> {
    /// The numbers that steer the discriminator and the mix.
    struct Settings {
        /// λ.
        var imitationWeight: Float
        /// c, the factor of the task reward.
        var taskRewardScale: Float = 1
        /// Which reward the discriminator's output becomes.
        var rewardForm: GAILRewardForm
        var learningRate: Float
        var stepsPerIteration: Int
        var minibatchSize: Int
        /// Report the mean scaled task reward among the metrics (``MixedRewardMetric/taskReward``).
        var reportsTaskReward = false
    }

    let discriminator: Discriminator
    let settings: Settings
    let imitation: Imitation
    /// Exercise 7.1; `nil` for pure GAIL (λ = 1), whose reward is r_GAIL.
    let mixing: (any RewardMixingExercises)?
    /// The discriminator's input for a batch of pairs (observations, actions).
    let view: (Matrix, Matrix) throws -> Matrix
    /// What computes the view, for messages (e.g. "maskedDiscriminatorInput").
    let viewName: String
    let expertInputs: Matrix
    let optimizer: Adam
    var rng: RandomSource
    /// The numbers of the last ``rewards(for:)`` (see ``GAILMetric``).
    var lastMetrics: [String: Double] = [:]
    /// A fixed subset of at most 2048 expert rows on which D(expert) is reported.
    let monitorIndices: [Int]

    /// - Parameter expertInputs: the expert's pairs in the discriminator's view.
    init(discriminator: Discriminator, expertInputs: Matrix, view: @escaping (Matrix, Matrix) throws -> Matrix,
         viewName: String, settings: Settings, imitation: Imitation, mixing: (any RewardMixingExercises)?,
         rng: RandomSource) throws {
        self.viewName = viewName
        self.discriminator = discriminator
        self.expertInputs = expertInputs
        self.view = view
        self.settings = settings
        self.imitation = imitation
        self.mixing = mixing
        self.rng = rng
        optimizer = Adam(parameters: discriminator.parameters, learningRate: settings.learningRate)
        let stride = max(1, expertInputs.rows / 2048)
        monitorIndices = Array(Swift.stride(from: 0, to: expertInputs.rows, by: stride))
        guard expertInputs.rows >= 1, expertInputs.cols == discriminator.inputScaling.dimension else {
            throw PolicyGradientError("\(viewName) returned a \(expertInputs.shapeDescription) matrix for the expert's "
                                      + "pairs, the view has \(discriminator.inputScaling.dimension) numbers")
        }
    }

    /// z_φ for rows already in the discriminator's view.
    func logits(_ inputs: Matrix) -> Tensor {
        discriminator.network(discriminator.inputScaling.apply(inputs))
    }

    /// The batch's pairs in the discriminator's view, checked against the expert's.
    func inputs(observations: Matrix, actions: Matrix) throws -> Matrix {
        let inputs = try view(observations, actions)
        guard inputs.rows == observations.rows, inputs.cols == expertInputs.cols else {
            throw PolicyGradientError("\(viewName) returned a \(inputs.shapeDescription) matrix for a batch of "
                                      + "\(observations.rows) pairs (expected \(observations.rows)×\(expertInputs.cols))")
        }
        return inputs
    }

    /// r_GAIL of the batch's pairs in the view under the current discriminator.
    func imitationRewards(_ inputs: Matrix) throws -> [Float] {
        try checked(imitation.gailReward(logits: logits(inputs).value.scalars, form: settings.rewardForm), for: inputs)
    }

    /// `rewards` from exercise 4.2, if it returned one per row of `inputs`.
    func checked(_ rewards: [Float], for inputs: Matrix) throws -> [Float] {
        guard rewards.count == inputs.rows else {
            throw PolicyGradientError("gailReward returned \(rewards.count) rewards for \(inputs.rows) pairs")
        }
        return rewards
    }

    /// Discriminator steps on expert vs batch pairs, then the reward of every transition.
    func rewards(for batch: RolloutBatch) throws -> [Float] {
        // listing: discriminator-and-reward
        let lambda = settings.imitationWeight
        let task = batch.taskRewards.map { $0 * settings.taskRewardScale }
        var imitationRewards = [Float](repeating: 0, count: batch.count)
        var metrics: [String: Double] = settings.reportsTaskReward ? [MixedRewardMetric.taskReward: mean(of: task)] : [:]
        if lambda > 0 {
            let policyInputs = try inputs(observations: batch.observations, actions: batch.executedActions)
            metrics[GAILMetric.expertD] = mean(of: logits(expertInputs.rows(monitorIndices)).value.scalars.map(stableSigmoid))
            metrics[GAILMetric.policyD] = mean(of: logits(policyInputs).value.scalars.map(stableSigmoid))
            metrics[GAILMetric.discriminatorLoss] = try takeDiscriminatorSteps(
                settings.stepsPerIteration, minibatchSize: settings.minibatchSize,
                expertCount: expertInputs.rows, policyCount: batch.count,
                expertLogits: { logits(expertInputs.rows($0)) }, policyLogits: { logits(policyInputs.rows($0)) },
                loss: { try imitation.discriminatorLoss(expertLogits: $0, policyLogits: $1) },
                parameters: discriminator.parameters, optimizer: optimizer, rng: &rng)
            imitationRewards = try checked(imitation.gailReward(logits: logits(policyInputs).value.scalars,
                                                                form: settings.rewardForm), for: policyInputs)
            metrics[GAILMetric.imitationReward] = mean(of: imitationRewards)
        }
        lastMetrics = metrics
        guard let mixing else { return imitationRewards }
        return try checkedMix(mixing.mixedReward(imitationWeight: lambda, imitation: imitationRewards, task: task),
                              transitions: batch.count)
        // end listing
    }
}
