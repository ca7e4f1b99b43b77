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
/// With the reward-mixing formulas (`mixing`, needed for λ < 1) the rewards are mixed by
/// exercise 7.1; without them (λ = 1, the default) the reward is r_GAIL alone. The discriminator's
/// half is ``DiscriminatorReward``, shared with the mixed-reward agent.
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
    private let state: DiscriminatorReward<Formulas>

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
        let expertInputs = features.features(observations: demonstrations.observations, actions: demonstrations.actions)
        let scalings = try configuration.inputScaling.scalings(for: environment, features: features,
                                                               expertObservations: demonstrations.observationRows,
                                                               expertFeatures: { expertInputs })
        discriminator = try Discriminator(features: features, observationSize: environment.observationSize,
                                          actionSize: environment.actionSize, hiddenSizes: configuration.discriminatorHiddenSizes,
                                          activation: configuration.hiddenActivation,
                                          inputScaling: scalings.features, rng: &rng)
        let learner = configuration.learner.makeLearner(
            for: environment, hiddenSizes: configuration.policyHiddenSizes, activation: configuration.hiddenActivation,
            initialLogStd: configuration.initialLogStd, inputScaling: scalings.observations, formulas: formulas, rng: &rng)
        let settings = DiscriminatorReward<Formulas>.Settings(
            imitationWeight: configuration.imitationWeight, rewardForm: configuration.rewardForm,
            learningRate: configuration.discriminatorLearningRate, stepsPerIteration: configuration.discriminatorStepsPerIteration,
            minibatchSize: configuration.discriminatorMinibatchSize)
        let state = try DiscriminatorReward(discriminator: discriminator, expertInputs: expertInputs,
                                            view: { features.features(observations: $0, actions: $1) },
                                            viewName: "the discriminator's features", settings: settings,
                                            imitation: formulas, mixing: mixing, rng: rng.split())
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
        try state.imitationRewards(state.inputs(observations: observations, actions: actions))
    }
}
