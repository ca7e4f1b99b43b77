import Datasets
import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// The names of the numbers GAIL adds to each learning-curve point (`LearningCurvePoint.extras`).
public enum GAILMetric {
    /// Mean D on expert pairs, before the iteration's discriminator update.
    public static let expertD = "D(expert)"
    /// Mean D on the policy's fresh pairs, before the iteration's discriminator update.
    public static let policyD = "D(policy)"
    /// The mean discriminator loss over the iteration's steps.
    public static let discriminatorLoss = "discriminator loss"
    /// The mean imitation reward r_GAIL per step of the batch (after the update).
    public static let imitationReward = "imitation reward"
}

/// Generative adversarial imitation learning (Ho & Ermon 2016, Algorithm 1), in the lecture's
/// convention (D → 1 on expert pairs):
///
/// ```
/// for i = 0, 1, 2, …
///     τ_i ← trajectories of π_θ                                        (K environments × T steps)
///     φ ← φ − α ∇_φ [−E_demo log D_φ − E_τi log(1 − D_φ)]                (discriminatorLoss, 4.1)
///     r ← λ·r_GAIL(D_φ(s, a)) + (1 − λ)·r_task,  r_GAIL = log D or −log(1 − D)   (gailReward 4.2, mixedReward 7.1)
///     θ ← policy-gradient step with r: PPO (4.4, 4.5) or REINFORCE (4.3, 4.5)
/// ```
///
/// With λ = 1 (the default) the reward is r_GAIL alone; any λ < 1 mixes through exercise 7.1,
/// whose formulas the initializer then needs (`mixing`).
///
/// The pieces lessons 7 and 8 reuse: λ (`imitationWeight`), the discriminator's view
/// (`discriminatorFeatures`), episode starts from demonstration states (`episodeStart`), and the
/// learning curve per environment step (`curve`).
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let gail = try GAIL(environment: LaneKeepingCar(), demonstrations: try ExpertPairs(demos),
///                     formulas: Solutions.AdversarialImitation(), rng: &rng)
/// try gail.train(iterations: 30, rng: &rng)
/// print(gail.curve.points.last!.evaluationReturn)
/// ```
public final class GAIL<Env: ContinuousEnvironment, Formulas: GAILExercises> {
    /// The hyper-parameters.
    public let configuration: GAILConfiguration
    /// The discriminator D_φ.
    public let discriminator: Discriminator
    /// The expert's pairs.
    public let expert: ExpertPairs
    /// The on-policy loop (policy, learner, running environments, learning curve).
    public let trainer: OnPolicyTrainer<Env>
    /// The plugged-in formulas.
    public let formulas: Formulas
    /// The reward mix of exercise 7.1 (needed when λ < 1).
    public let mixing: (any RewardMixingExercises)?
    private let state: DiscriminatorTraining<Formulas>

    /// A GAIL run on `environment` imitating `demonstrations`; `mixing` mixes the imitation and the
    /// task rewards when the configuration's λ is below 1 (exercise 7.1).
    ///
    /// - Throws: ``PolicyGradientError`` if the demonstrations do not fit the environment, the
    ///   configuration is out of range, or λ < 1 comes without `mixing`.
    public init(environment: Env, demonstrations: ExpertPairs, configuration: GAILConfiguration = GAILConfiguration(),
                formulas: Formulas, mixing: (any RewardMixingExercises)? = nil,
                episodeStart: EpisodeStart<Env> = .environmentReset, rng: inout RandomSource) throws {
        guard demonstrations.observationSize == environment.observationSize,
              demonstrations.actionSize == environment.actionSize else {
            throw PolicyGradientError("GAIL: the demonstrations have \(demonstrations.observationSize) observation and "
                                      + "\(demonstrations.actionSize) action coordinates, \(environment.name) has "
                                      + "\(environment.observationSize) and \(environment.actionSize)")
        }
        guard (0...1).contains(configuration.imitationWeight) else {
            throw PolicyGradientError("GAIL: imitationWeight λ = \(configuration.imitationWeight) is outside [0, 1]")
        }
        guard configuration.imitationWeight == 1 || mixing != nil else {
            throw PolicyGradientError("GAIL: imitationWeight λ = \(configuration.imitationWeight) mixes in the task reward, "
                                      + "which needs the reward-mixing formulas (mixing:, exercise 7.1)")
        }
        guard configuration.discriminatorStepsPerIteration >= 0, configuration.discriminatorMinibatchSize >= 1 else {
            throw PolicyGradientError("GAIL: discriminatorStepsPerIteration must be ≥ 0 and discriminatorMinibatchSize ≥ 1")
        }
        self.configuration = configuration
        self.expert = demonstrations
        self.formulas = formulas
        self.mixing = mixing
        let features = configuration.discriminatorFeatures
        try features.validate(observationSize: demonstrations.observationSize, actionSize: demonstrations.actionSize)
        let scalings = try configuration.inputScaling.scalings(
            for: environment, features: features, expertObservations: demonstrations.observationRows,
            expertFeatures: { features.features(observations: demonstrations.observations, actions: demonstrations.actions) })
        discriminator = try Discriminator(features: features, observationSize: environment.observationSize,
                                          actionSize: environment.actionSize, hiddenSizes: configuration.discriminatorHiddenSizes,
                                          activation: configuration.hiddenActivation,
                                          inputScaling: scalings.features, rng: &rng)
        let learner = configuration.learner.makeLearner(
            for: environment, hiddenSizes: configuration.policyHiddenSizes, activation: configuration.hiddenActivation,
            initialLogStd: configuration.initialLogStd, inputScaling: scalings.observations, formulas: formulas, rng: &rng)
        let state = DiscriminatorTraining(discriminator: discriminator, expert: demonstrations, configuration: configuration,
                                          formulas: formulas, mixing: mixing, rng: rng.split())
        self.state = state
        trainer = try OnPolicyTrainer(environment: environment, learner: learner, configuration: configuration.rollouts,
                                      episodeStart: episodeStart, rewardFunction: { batch in try state.rewards(for: batch) },
                                      rng: &rng)
    }

    /// The policy π_θ being trained.
    public var policy: GaussianPolicy { trainer.policy }
    /// The learning curve (with the discriminator's outputs as extras, see ``GAILMetric``).
    public var curve: LearningCurve { trainer.curve }
    /// Environment steps taken for training.
    public var environmentSteps: Int { trainer.environmentSteps }

    /// One iteration of the algorithm above.
    @discardableResult
    public func iterate(rng: inout RandomSource) throws -> IterationReport {
        try trainer.iterate(rng: &rng) { state.lastMetrics }
    }

    /// `iterations` iterations; `onIteration` sees each report.
    public func train(iterations count: Int, rng: inout RandomSource, onIteration: (IterationReport) -> Void = { _ in }) throws {
        for _ in 0..<count { onIteration(try iterate(rng: &rng)) }
    }

    /// The imitation reward r_GAIL of each pair under the current discriminator (no mixing).
    public func imitationRewards(observations: Matrix, actions: Matrix) throws -> [Float] {
        try formulas.gailReward(logits: discriminator.logits(observations: observations, actions: actions).value.scalars,
                                form: configuration.rewardForm)
    }
}

/// The discriminator's half of GAIL: its optimiser, its steps, and the reward it hands out.
final class DiscriminatorTraining<Formulas: GAILExercises> {
    let discriminator: Discriminator
    let expert: ExpertPairs
    let configuration: GAILConfiguration
    let formulas: Formulas
    let mixing: (any RewardMixingExercises)?
    let optimizer: Adam
    var rng: RandomSource
    var lastMetrics: [String: Double] = [:]
    /// A fixed subset of at most 2048 expert pairs on which D(expert) is reported.
    let monitorIndices: [Int]

    init(discriminator: Discriminator, expert: ExpertPairs, configuration: GAILConfiguration, formulas: Formulas,
         mixing: (any RewardMixingExercises)?, rng: RandomSource) {
        self.discriminator = discriminator
        self.expert = expert
        self.configuration = configuration
        self.formulas = formulas
        self.mixing = mixing
        self.rng = rng
        optimizer = Adam(parameters: discriminator.parameters, learningRate: configuration.discriminatorLearningRate)
        let stride = max(1, expert.count / 2048)
        monitorIndices = Array(Swift.stride(from: 0, to: expert.count, by: stride))
    }

    /// Discriminator steps on expert pairs vs the batch's pairs, then r_GAIL, mixed with the task
    /// reward through exercise 7.1 when λ < 1 (with λ = 0 the discriminator is neither trained nor asked).
    func rewards(for batch: RolloutBatch) throws -> [Float] {
        let lambda = configuration.imitationWeight
        lastMetrics = [:]
        let imitation = lambda > 0 ? try imitationRewards(for: batch) : [Float](repeating: 0, count: batch.count)
        guard lambda < 1 else { return imitation }
        guard let mixing else { throw PolicyGradientError("GAIL: λ = \(lambda) needs the reward-mixing formulas") }
        return try mixRewards(mixing, imitationWeight: lambda, imitation: imitation, task: batch.taskRewards)
    }

    /// Discriminator steps on expert pairs vs the batch's pairs, then r_GAIL of every pair (and the metrics).
    private func imitationRewards(for batch: RolloutBatch) throws -> [Float] {
        let policyObservations = batch.observations, policyActions = batch.executedActions
        let dExpert = mean(of: discriminator.probabilities(observations: expert.observations.rows(monitorIndices),
                                                       actions: expert.actions.rows(monitorIndices)))
        let dPolicy = mean(of: discriminator.probabilities(observations: policyObservations, actions: policyActions))

        let discriminatorLoss = try takeDiscriminatorSteps(
            configuration.discriminatorStepsPerIteration, minibatchSize: configuration.discriminatorMinibatchSize,
            expertCount: expert.count, policyCount: batch.count,
            expertLogits: { discriminator.logits(observations: expert.observations.rows($0), actions: expert.actions.rows($0)) },
            policyLogits: { discriminator.logits(observations: policyObservations.rows($0), actions: policyActions.rows($0)) },
            loss: { try formulas.discriminatorLoss(expertLogits: $0, policyLogits: $1) },
            parameters: discriminator.parameters, optimizer: optimizer, rng: &rng)

        let logits = discriminator.logits(observations: policyObservations, actions: policyActions).value.scalars
        let imitation = try formulas.gailReward(logits: logits, form: configuration.rewardForm)
        guard imitation.count == batch.count else {
            throw PolicyGradientError("gailReward returned \(imitation.count) rewards for \(batch.count) pairs")
        }
        lastMetrics = [GAILMetric.expertD: dExpert, GAILMetric.policyD: dPolicy,
                       GAILMetric.discriminatorLoss: discriminatorLoss,
                       GAILMetric.imitationReward: mean(of: imitation)]
        return imitation
    }
}
