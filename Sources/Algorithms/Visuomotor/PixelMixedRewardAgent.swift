import Datasets
import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// Lesson 7's mixed-reward agent with a policy that acts from pixels (Zhu et al. 2018): PPO on
///
///     r(s, a) = λ·r_GAIL + (1 − λ)·c·r_task,   r_GAIL = −log(1 − D(view(s, a))),
///
/// where the policy sees a rendered image of the scene, the discriminator sees only its
/// ``DiscriminatorView`` of the state (the block by default, so the demonstrator's arm need not be
/// matched), the critic sees the state (asymmetric) or the images, and training episodes start from
/// demonstration states.
///
/// ```
/// for i = 0, 1, 2, …
///     τ_i ← K cameras × T steps of π_θ(a | image); a new episode starts with probability p from a
///           demonstration state                                   (demonstrationResetState, 7.3)
///     φ ← discriminator steps on view(expert states) vs view(τ_i's states)      (7.2, 4.1)
///     r ← λ·r_GAIL + (1 − λ)·c·r_task                                            (4.2, mixedReward 7.1)
///     θ, V ← PPO step with r: surrogate on log π_θ(a | image), GAE on V(state) or V(image)  (4.4, 4.5)
/// ```
///
/// The discriminator, its reward and the mix are lesson 7's (``DiscriminatorReward``, exercises
/// 4.1, 4.2, 7.1, 7.2), the starts its ``DemonstrationStart`` (7.3), the update ``PixelPPO``, i.e.
/// ``PPO``'s own; only the camera is new, and the auxiliary task's loss (exercise 9.4, in the
/// pretraining and in PPO's policy loss).
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let task = PushingTask()
/// let agent = try PixelMixedRewardAgent(task: task, demonstrations: try task.demonstrations(count: 20, seed: 77_000),
///                                       configuration: PixelMixedRewardConfiguration(),
///                                       imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
///                                       visuomotor: Solutions.Visuomotor(), rng: &rng)
/// try agent.train(iterations: 40, rng: &rng)
/// ```
public final class PixelMixedRewardAgent<Imitation: GAILExercises, Mixing: RewardMixingExercises> {
    /// The hyper-parameters.
    public let configuration: PixelMixedRewardConfiguration
    /// The task (its environment, time step and goal).
    public let task: PushingTask
    /// π_θ(a | image).
    public let policy: ConvolutionalGaussianPolicy
    /// V on the state or on the images.
    public let critic: any PixelRolloutCritic
    /// D_φ on the configured view of the state (and action).
    public let discriminator: Discriminator
    /// The PPO learner.
    public let learner: PixelPPO<Imitation>
    /// The K running cameras.
    public private(set) var collector: PixelCollector
    /// One point per iteration (no evaluation: see ``PixelPolicyEvaluation``), with the
    /// discriminator's numbers as extras (``MixedRewardMetric``, ``GAILMetric``).
    public private(set) var curve = LearningCurve()
    /// Environment steps taken for training.
    public private(set) var environmentSteps = 0
    /// The auxiliary loss at the end of the pretraining (NaN without).
    public let auxiliaryPretrainingLoss: Double
    private var gradientSteps = 0
    private let rewardFunction: DiscriminatorReward<Imitation>
    private let start: DemonstrationStart<BlockPushing, Mixing>

    /// An agent on `task` learning from `demonstrations` (recorded with their states) and the task reward.
    ///
    /// The demonstrations may carry states only (``Trajectory/withoutActions``, e.g.
    /// ``PushingTask/paddleDemonstrations(count:seed:)`` from another embodiment) when the
    /// discriminator's view has no actions; a view with actions cannot use them and is refused.
    ///
    /// The random streams are split so that, for one seed, the policy, the cameras and the first
    /// rollout are the same whichever critic or discriminator view is chosen.
    ///
    /// - Throws: ``PolicyGradientError`` when the demonstrations do not fit the task, lack their
    ///   states or the actions the discriminator's view needs, or a setting is out of range; what the
    ///   renderer or the plugged-in exercises throw.
    public init(task: PushingTask, demonstrations: [Trajectory<BlockPushing.State>], configuration: PixelMixedRewardConfiguration,
                imitation: Imitation, mixing: Mixing, visuomotor: some VisuomotorExercises, rng: inout RandomSource) throws {
        let settings = configuration.rewardMixing, environment = task.environment
        let expert = try ExpertPairs(demonstrations)
        // States only (a demonstrator of another embodiment, `Trajectory.withoutActions`): no action coordinates at all.
        let statesOnly = expert.actionSize == 0
        guard expert.observationSize == environment.observationSize, statesOnly || expert.actionSize == environment.actionSize else {
            throw PolicyGradientError("PixelMixedRewardAgent: the demonstrations have \(expert.observationSize) observation and "
                                      + "\(expert.actionSize) action coordinates, the task has \(environment.observationSize) "
                                      + "and \(environment.actionSize)")
        }
        guard !(statesOnly && settings.discriminatorView.includesActions) else {
            throw PolicyGradientError("PixelMixedRewardAgent: the demonstrations carry states only (another embodiment's), but "
                                      + "the discriminator's view \"\(settings.discriminatorView.name)\" needs the demonstrator's "
                                      + "actions in the imitator's action space; choose a view without actions (block only)")
        }
        guard (0...1).contains(settings.imitationWeight), (0...1).contains(settings.demonstrationStartProbability) else {
            throw PolicyGradientError("PixelMixedRewardAgent: λ = \(settings.imitationWeight) and the start probability "
                                      + "\(settings.demonstrationStartProbability) must lie in [0, 1]")
        }
        guard settings.discriminatorStepsPerIteration >= 0, settings.discriminatorMinibatchSize >= 1,
              settings.rollouts.environments >= 1, settings.rollouts.stepsPerEnvironment >= 1, configuration.imageSize >= 4 else {
            throw PolicyGradientError("PixelMixedRewardAgent: needs discriminator steps ≥ 0, minibatches ≥ 1, at least one "
                                      + "environment and step, and images of at least 4 × 4 (got \(configuration.imageSize))")
        }
        let startStates = demonstrations.map { Array($0.states.prefix($0.count)) }
        if settings.demonstrationStartProbability > 0, startStates.allSatisfy(\.isEmpty) {
            throw PolicyGradientError("PixelMixedRewardAgent: demonstration starts need the demonstrations' states "
                                      + "(record them with Rollout, which stores them)")
        }
        self.configuration = configuration
        self.task = task

        // Separate streams: the discriminator's and the critic's draws leave the policy's and the cameras' alone.
        var discriminatorRNG = rng.split()
        var criticRNG = rng.split()
        let view = settings.discriminatorView
        try view.features.validate(observationSize: environment.observationSize, actionSize: environment.actionSize)
        let viewOfPairs = { (observations: Matrix, actions: Matrix) throws -> Matrix in
            try mixing.maskedDiscriminatorInput(observations: observations, actions: actions,
                                                keptObservationIndices: view.observationIndices,
                                                includesActions: view.includesActions)
        }
        // With states only the view drops the actions anyway; zeros stand in for them.
        let expertActions = statesOnly ? Matrix(rows: expert.count, cols: environment.actionSize) : expert.actions
        let expertInputs = try viewOfPairs(expert.observations, expertActions)
        let scalings = try settings.inputScaling.scalings(for: environment, features: view.features,
                                                          expertObservations: expert.observationRows,
                                                          expertFeatures: { expertInputs })
        discriminator = try Discriminator(features: view.features, observationSize: environment.observationSize,
                                          actionSize: environment.actionSize, hiddenSizes: settings.discriminatorHiddenSizes,
                                          activation: settings.hiddenActivation, inputScaling: scalings.features,
                                          rng: &discriminatorRNG)
        let rewardSettings = DiscriminatorReward<Imitation>.Settings(
            imitationWeight: settings.imitationWeight, taskRewardScale: settings.taskRewardScale,
            rewardForm: settings.rewardForm, learningRate: settings.discriminatorLearningRate,
            stepsPerIteration: settings.discriminatorStepsPerIteration,
            minibatchSize: settings.discriminatorMinibatchSize, reportsTaskReward: true)
        rewardFunction = try DiscriminatorReward(discriminator: discriminator, expertInputs: expertInputs, view: viewOfPairs,
                                                 viewName: "maskedDiscriminatorInput", settings: rewardSettings,
                                                 imitation: imitation, mixing: mixing, rng: discriminatorRNG.split())

        start = DemonstrationStart<BlockPushing, Mixing>(states: startStates, probability: settings.demonstrationStartProbability,
                                                        mixing: mixing)
        var cameras: [PixelPushingEnvironment] = []
        for _ in 0..<settings.rollouts.environments {
            cameras.append(try PixelPushingEnvironment(task: task, size: configuration.imageSize, styles: configuration.styles,
                                                       episodeStart: start.episodeStart, rng: &rng))
        }
        collector = try PixelCollector(environments: cameras)
        let imageShape = cameras[0].imageShape
        policy = ConvolutionalGaussianPolicy(imageShape: imageShape, actionSize: environment.actionSize,
                                             convolutions: configuration.convolutions, hiddenSizes: configuration.policyHiddenSizes,
                                             initialLogStd: settings.initialLogStd,
                                             auxiliaryOutputs: configuration.auxiliaryWeight > 0 ? configuration.auxiliaryTarget.outputs : 0,
                                             readout: configuration.readout, rng: &rng)
        var pretrainingRNG = rng.split()
        auxiliaryPretrainingLoss = try configuration.auxiliaryPretraining.run(
            policy: policy, target: configuration.auxiliaryTarget, task: task, demonstrationStates: startStates.flatMap { $0 },
            styles: configuration.styles, visuomotor: visuomotor, rng: &pretrainingRNG)
        // listing: critic-choice
        switch configuration.critic {
        case .state:
            critic = ValueFunction(observationSize: environment.observationSize, hiddenSizes: settings.policyHiddenSizes,
                                   activation: settings.hiddenActivation, inputScaling: scalings.observations, rng: &criticRNG)
        case .pixels:
            critic = ConvolutionalValueFunction(imageShape: imageShape, convolutions: configuration.convolutions,
                                                hiddenSizes: configuration.pixelCriticHiddenSizes, readout: configuration.readout,
                                                rng: &criticRNG)
        }
        // end listing
        learner = PixelPPO(policy: policy, critic: critic, configuration: settings.ppo,
                           auxiliaryWeight: configuration.auxiliaryWeight, auxiliaryTarget: configuration.auxiliaryTarget,
                           formulas: imitation, visuomotor: visuomotor)
    }

    /// The key of the policy's mean σ among a curve point's extras (how much it still explores).
    public static var policyStandardDeviationMetric: String { "policy σ" }

    /// The fraction of training episodes so far that started from a demonstration state.
    public var demonstrationStartFraction: Double {
        start.starts > 0 ? Double(start.demonstrationStarts) / Double(start.starts) : 0
    }

    /// One iteration of the algorithm above.
    ///
    /// - Throws: what the cameras, the discriminator's reward or PPO throw (a stub's ``NotImplemented``).
    @discardableResult
    public func iterate(rng: inout RandomSource) throws -> IterationReport {
        let steps = configuration.rewardMixing.rollouts.stepsPerEnvironment
        let rollout = try collector.collect(policy: policy, stepsPerEnvironment: steps, rng: &rng)
        let rewards = try rewardFunction.rewards(for: rollout.states)
        let update = try learner.update(rollout: rollout, rewards: rewards, rng: &rng)
        environmentSteps += rollout.count
        gradientSteps += update.policyGradientSteps
        var point = LearningCurvePoint(environmentSteps: environmentSteps, gradientSteps: gradientSteps,
                                       episodes: rollout.states.completedEpisodes, rewards: rewards)
        point.extras = rewardFunction.lastMetrics
        point.extras[Self.policyStandardDeviationMetric] = mean(of: policy.standardDeviations.map(Double.init))
        curve.points.append(point)
        return IterationReport(point: point, update: update)
    }

    /// `iterations` iterations; `onIteration` sees each report.
    public func train(iterations count: Int, rng: inout RandomSource, onIteration: (IterationReport) -> Void = { _ in }) throws {
        for _ in 0..<count { onIteration(try iterate(rng: &rng)) }
    }

    /// What the discriminator is given for a batch of states and actions (its ``DiscriminatorView``
    /// through exercise 7.2): with the default view, the block's coordinates only.
    public func discriminatorInputs(observations: Matrix, actions: Matrix) throws -> Matrix {
        try rewardFunction.inputs(observations: observations, actions: actions)
    }

    /// The imitation reward r_GAIL of each pair under the current discriminator (no mixing).
    public func imitationRewards(observations: Matrix, actions: Matrix) throws -> [Float] {
        try rewardFunction.imitationRewards(rewardFunction.inputs(observations: observations, actions: actions))
    }
}
