import ExerciseAPI
import NeuralNetworks
import Numerics

/// The names of the numbers the mixed-reward agent adds to each learning-curve point.
public enum MixedRewardMetric {
    /// Mean D on the expert's pairs, before the iteration's discriminator update.
    public static let expertD = GAILMetric.expertD
    /// Mean D on the policy's fresh pairs, before the iteration's discriminator update.
    public static let policyD = GAILMetric.policyD
    /// The mean discriminator loss over the iteration's steps.
    public static let discriminatorLoss = GAILMetric.discriminatorLoss
    /// The mean imitation reward r_GAIL per step of the batch (after the update).
    public static let imitationReward = GAILMetric.imitationReward
    /// The mean task reward r_task per step of the batch (after scaling).
    public static let taskReward = "task reward"
}

/// The reward half of the mixed-reward agent: the discriminator, trained on what it is allowed to
/// see, and the mix of its reward with the task's.
///
/// ```
/// x_E ← view(s_E, a_E), x_π ← view(s_π, a_π)                      (maskedDiscriminatorInput, 7.2)
/// repeat k times: φ ← φ − α ∇_φ L_D(z_φ(x_E), z_φ(x_π))           (discriminatorLoss, 4.1)
/// r_GAIL ← −log(1 − σ(z_φ(x_π)))                                  (gailReward, 4.2)
/// r ← λ·r_GAIL + (1 − λ)·c·r_task                                  (mixedReward, 7.1)
/// ```
///
/// With λ = 0 the discriminator is neither trained nor asked (its reward would be weighted by 0).
final class MixedRewardFunction<Imitation: GAILExercises, Mixing: RewardMixingExercises> {
    let discriminator: Discriminator
    let configuration: MixedRewardConfiguration
    let imitation: Imitation
    let mixing: Mixing
    let expertInputs: Matrix
    let optimizer: Adam
    var rng: RandomSource
    var lastMetrics: [String: Double] = [:]
    /// A fixed subset of at most 2048 expert rows on which D(expert) is reported.
    let monitorIndices: [Int]

    /// - Parameter expertInputs: the expert's pairs in the discriminator's view (exercise 7.2).
    init(discriminator: Discriminator, expertInputs: Matrix, configuration: MixedRewardConfiguration,
         imitation: Imitation, mixing: Mixing, rng: RandomSource) throws {
        self.discriminator = discriminator
        self.configuration = configuration
        self.imitation = imitation
        self.mixing = mixing
        self.rng = rng
        guard expertInputs.rows >= 1, expertInputs.cols == discriminator.inputScaling.dimension else {
            throw PolicyGradientError("maskedDiscriminatorInput returned a \(expertInputs.shapeDescription) matrix for the expert's "
                                      + "pairs, the view has \(discriminator.inputScaling.dimension) numbers")
        }
        self.expertInputs = expertInputs
        optimizer = Adam(parameters: discriminator.parameters, learningRate: configuration.discriminatorLearningRate)
        let stride = max(1, expertInputs.rows / 2048)
        monitorIndices = Array(Swift.stride(from: 0, to: expertInputs.rows, by: stride))
    }

    /// The discriminator's input for a batch of pairs, through the plugged-in exercise 7.2.
    static func view(_ mixing: Mixing, _ view: DiscriminatorView, _ observations: Matrix, _ actions: Matrix) throws -> Matrix {
        try mixing.maskedDiscriminatorInput(observations: observations, actions: actions,
                                            keptObservationIndices: view.observationIndices,
                                            includesActions: view.includesActions)
    }

    /// z_φ for rows already in the discriminator's view.
    func logits(_ inputs: Matrix) -> Tensor {
        discriminator.network(discriminator.inputScaling.apply(inputs))
    }

    /// Discriminator steps on expert vs batch pairs, then the mixed reward of every transition.
    func rewards(for batch: RolloutBatch) throws -> [Float] {
        let lambda = configuration.imitationWeight
        let task = batch.taskRewards.map { $0 * configuration.taskRewardScale }
        var imitationRewards = [Float](repeating: 0, count: batch.count)
        var metrics: [String: Double] = [MixedRewardMetric.taskReward: mean(of: task)]
        if lambda > 0 {
            let policyInputs = try Self.view(mixing, configuration.discriminatorView, batch.observations, batch.executedActions)
            guard policyInputs.rows == batch.count, policyInputs.cols == expertInputs.cols else {
                throw PolicyGradientError("maskedDiscriminatorInput returned a \(policyInputs.shapeDescription) matrix for a "
                                          + "batch of \(batch.count) pairs (expected \(batch.count)×\(expertInputs.cols))")
            }
            metrics[MixedRewardMetric.expertD] = mean(of: logits(expertInputs.rows(monitorIndices)).value.scalars.map(stableSigmoid))
            metrics[MixedRewardMetric.policyD] = mean(of: logits(policyInputs).value.scalars.map(stableSigmoid))
            metrics[MixedRewardMetric.discriminatorLoss] = try takeDiscriminatorSteps(
                configuration.discriminatorStepsPerIteration, minibatchSize: configuration.discriminatorMinibatchSize,
                expertCount: expertInputs.rows, policyCount: batch.count,
                expertLogits: { logits(expertInputs.rows($0)) }, policyLogits: { logits(policyInputs.rows($0)) },
                loss: { try imitation.discriminatorLoss(expertLogits: $0, policyLogits: $1) },
                parameters: discriminator.parameters, optimizer: optimizer, rng: &rng)
            imitationRewards = try imitation.gailReward(logits: logits(policyInputs).value.scalars, form: configuration.rewardForm)
            guard imitationRewards.count == batch.count else {
                throw PolicyGradientError("gailReward returned \(imitationRewards.count) rewards for \(batch.count) pairs")
            }
            metrics[MixedRewardMetric.imitationReward] = mean(of: imitationRewards)
        }
        lastMetrics = metrics
        return try mixRewards(mixing, imitationWeight: lambda, imitation: imitationRewards, task: task)
    }
}
