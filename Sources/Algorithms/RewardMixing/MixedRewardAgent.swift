import Datasets
import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// Reinforcement and imitation learning with one reward (Zhu et al. 2018, section IV): PPO on
///
///     r(s, a) = λ·r_GAIL(s, a) + (1 − λ)·r_task(s, a),   r_GAIL = −log(1 − D(s, a)),
///
/// with a discriminator that sees only part of each pair and episodes that start from states of
/// the demonstrations.
///
/// ```
/// for i = 0, 1, 2, …
///     τ_i ← K environments × T steps of π_θ; each new episode starts with probability p from a
///           demonstration state, else from the environment's reset     (demonstrationResetState, 7.3)
///     φ ← discriminator steps on view(expert pairs) vs view(τ_i)         (7.2, lesson 4's 4.1)
///     r ← λ·r_GAIL + (1 − λ)·r_task                                       (4.2, mixedReward 7.1)
///     θ ← PPO step with r                                                 (lesson 4's 4.4, 4.5)
/// ```
///
/// Built from lesson 4's pieces (``OnPolicyTrainer``, ``PPO``, ``GaussianPolicy``,
/// ``ValueFunction``, ``Discriminator``) and generic over both lessons' exercise protocols, so
/// the formulas that run are the student's or the reference's, never a copy.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let demos = try Rollout.run(BlockPushing(), expert: PushingExpert.demonstrator, episodes: 20, seed: 7)
/// var configuration = MixedRewardConfiguration()
/// configuration.imitationWeight = 0.5
/// let agent = try MixedRewardAgent(environment: BlockPushing(), demonstrations: demos, configuration: configuration,
///                                  imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(), rng: &rng)
/// try agent.train(iterations: 40, rng: &rng)
/// ```
public final class MixedRewardAgent<Env: ContinuousEnvironment, Imitation: GAILExercises, Mixing: RewardMixingExercises> {
    /// The hyper-parameters.
    public let configuration: MixedRewardConfiguration
    /// The discriminator D_φ (on the configured view of each pair).
    public let discriminator: Discriminator
    /// The on-policy loop (policy, PPO, running environments, learning curve).
    public let trainer: OnPolicyTrainer<Env>
    private let rewardFunction: DiscriminatorReward<Imitation>
    private let start: DemonstrationStart<Env, Mixing>

    /// An agent on `environment` learning from `demonstrations` (recorded with their states when
    /// `demonstrationStartProbability` > 0) and the environment's task reward (`info.taskReward`).
    ///
    /// - Throws: ``PolicyGradientError`` when the demonstrations do not fit the environment, lack
    ///   the states to start from, or the configuration is out of range; what the plugged-in
    ///   exercises throw on their first use.
    public init(environment: Env, demonstrations: [Trajectory<Env.State>], configuration: MixedRewardConfiguration,
                imitation: Imitation, mixing: Mixing, rng: inout RandomSource) throws {
        let expert = try ExpertPairs(demonstrations)
        guard expert.observationSize == environment.observationSize, expert.actionSize == environment.actionSize else {
            throw PolicyGradientError("MixedRewardAgent: the demonstrations have \(expert.observationSize) observation and "
                                      + "\(expert.actionSize) action coordinates, \(environment.name) has "
                                      + "\(environment.observationSize) and \(environment.actionSize)")
        }
        guard (0...1).contains(configuration.imitationWeight) else {
            throw PolicyGradientError("MixedRewardAgent: imitationWeight λ = \(configuration.imitationWeight) is outside [0, 1]")
        }
        guard (0...1).contains(configuration.demonstrationStartProbability) else {
            throw PolicyGradientError("MixedRewardAgent: demonstrationStartProbability \(configuration.demonstrationStartProbability) "
                                      + "is outside [0, 1]")
        }
        guard configuration.discriminatorStepsPerIteration >= 0, configuration.discriminatorMinibatchSize >= 1 else {
            throw PolicyGradientError("MixedRewardAgent: discriminatorStepsPerIteration must be ≥ 0 and discriminatorMinibatchSize ≥ 1")
        }
        // Every state at which the demonstrator acted (the last, where the episode ended, is left out).
        let startStates = demonstrations.map { Array($0.states.prefix($0.count)) }
        if configuration.demonstrationStartProbability > 0, startStates.allSatisfy(\.isEmpty) {
            throw PolicyGradientError("MixedRewardAgent: demonstration starts need the demonstrations' states "
                                      + "(record them with Rollout, which stores them)")
        }
        self.configuration = configuration

        // The discriminator draws from its own stream, so the policy, the value function and the
        // rollouts of two runs with the same seed start alike whatever the discriminator sees.
        var discriminatorRNG = rng.split()
        let view = configuration.discriminatorView
        let features = view.features
        try features.validate(observationSize: environment.observationSize, actionSize: environment.actionSize)
        // The discriminator's input for a batch of pairs, through the plugged-in exercise 7.2.
        let viewOfPairs = { (observations: Matrix, actions: Matrix) throws -> Matrix in
            try mixing.maskedDiscriminatorInput(observations: observations, actions: actions,
                                                keptObservationIndices: view.observationIndices,
                                                includesActions: view.includesActions)
        }
        let expertInputs = try viewOfPairs(expert.observations, expert.actions)
        let scalings = try configuration.inputScaling.scalings(for: environment, features: features,
                                                               expertObservations: expert.observationRows,
                                                               expertFeatures: { expertInputs })
        discriminator = try Discriminator(features: features, observationSize: environment.observationSize,
                                          actionSize: environment.actionSize, hiddenSizes: configuration.discriminatorHiddenSizes,
                                          activation: configuration.hiddenActivation, inputScaling: scalings.features,
                                          rng: &discriminatorRNG)
        let learner = PolicyLearnerChoice.ppo(configuration.ppo).makeLearner(
            for: environment, hiddenSizes: configuration.policyHiddenSizes, activation: configuration.hiddenActivation,
            initialLogStd: configuration.initialLogStd, inputScaling: scalings.observations, formulas: imitation, rng: &rng)

        let settings = DiscriminatorReward<Imitation>.Settings(
            imitationWeight: configuration.imitationWeight, taskRewardScale: configuration.taskRewardScale,
            rewardForm: configuration.rewardForm, learningRate: configuration.discriminatorLearningRate,
            stepsPerIteration: configuration.discriminatorStepsPerIteration,
            minibatchSize: configuration.discriminatorMinibatchSize, reportsTaskReward: true)
        let rewardFunction = try DiscriminatorReward(discriminator: discriminator, expertInputs: expertInputs, view: viewOfPairs,
                                                     viewName: "maskedDiscriminatorInput", settings: settings,
                                                     imitation: imitation, mixing: mixing, rng: discriminatorRNG.split())
        let start = DemonstrationStart<Env, Mixing>(states: startStates, probability: configuration.demonstrationStartProbability,
                                                    mixing: mixing)
        self.rewardFunction = rewardFunction
        self.start = start
        trainer = try OnPolicyTrainer(environment: environment, learner: learner, configuration: configuration.rollouts,
                                      episodeStart: start.episodeStart,
                                      rewardFunction: { batch in try rewardFunction.rewards(for: batch) }, rng: &rng)
    }

    /// The policy π_θ being trained.
    public var policy: GaussianPolicy { trainer.policy }
    /// The learning curve: one point per iteration, with the discriminator's numbers as extras
    /// (see ``MixedRewardMetric``).
    public var curve: LearningCurve { trainer.curve }
    /// Environment steps taken for training.
    public var environmentSteps: Int { trainer.environmentSteps }
    /// The fraction of training episodes so far that started from a demonstration state.
    public var demonstrationStartFraction: Double {
        start.starts > 0 ? Double(start.demonstrationStarts) / Double(start.starts) : 0
    }

    /// One iteration of the algorithm above.
    @discardableResult
    public func iterate(rng: inout RandomSource) throws -> IterationReport {
        try trainer.iterate(rng: &rng) { rewardFunction.lastMetrics }
    }

    /// `iterations` iterations; `onIteration` sees each report.
    public func train(iterations count: Int, rng: inout RandomSource, onIteration: (IterationReport) -> Void = { _ in }) throws {
        for _ in 0..<count { onIteration(try iterate(rng: &rng)) }
    }

    /// The imitation reward r_GAIL of each pair under the current discriminator (no mixing).
    public func imitationRewards(observations: Matrix, actions: Matrix) throws -> [Float] {
        try rewardFunction.imitationRewards(rewardFunction.inputs(observations: observations, actions: actions))
    }
}
