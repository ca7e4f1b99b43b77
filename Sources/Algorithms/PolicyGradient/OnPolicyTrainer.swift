import Datasets
import Environments
import Numerics

/// The settings of an on-policy training run: how much to collect per iteration and how often to
/// evaluate.
public struct OnPolicyConfiguration: Sendable, Equatable, Codable {
    /// Environments stepped in lockstep (K).
    public var environments: Int = 8
    /// Steps per environment per iteration (the batch is K × this).
    public var stepsPerEnvironment: Int = 256
    /// Evaluate the deterministic policy every this many iterations (0: never).
    public var evaluationInterval: Int = 5
    /// Episodes per evaluation.
    public var evaluationEpisodes: Int = 10
    /// The seed of the evaluation episodes (the same initial states at every evaluation).
    public var evaluationSeed: UInt64 = 1_000_000

    /// The defaults: 8 × 256 = 2048 steps per iteration (PPO's horizon on MuJoCo).
    public init() {}

    /// Environment steps per iteration.
    public var stepsPerIteration: Int { environments * stepsPerEnvironment }
}

/// The reward a learner is given for each transition of a batch.
public typealias RewardFunction = (RolloutBatch) throws -> [Float]

/// What one iteration of ``OnPolicyTrainer`` did.
public struct IterationReport: Sendable {
    /// The iteration's point on the learning curve.
    public var point: LearningCurvePoint
    /// The learner's statistics.
    public var update: PolicyUpdateStatistics
}

/// The on-policy loop shared by RL from task rewards, GAIL and their mix:
///
/// ```
/// repeat:
///     batch ← K environments × T steps with π_θ        (VectorizedCollector)
///     r ← rewardFunction(batch)                         (environment reward, log D, λ-mix, …)
///     learner.update(batch, r)                          (PPO or REINFORCE)
///     record a learning-curve point at the current number of environment steps
/// ```
public final class OnPolicyTrainer<Env: ContinuousEnvironment> {
    /// The environment (template for evaluation episodes).
    public let environment: Env
    /// The learner.
    public let learner: any PolicyGradientLearner
    /// The reward given to the learner (default: the environment's reward).
    public var rewardFunction: RewardFunction
    /// The K running environments; set `collector.episodeStart` to change how episodes begin.
    public var collector: VectorizedCollector<Env>
    /// The settings.
    public let configuration: OnPolicyConfiguration
    /// Environment steps taken for training.
    public private(set) var environmentSteps = 0
    /// Policy gradient steps taken.
    public private(set) var gradientSteps = 0
    /// Iterations done.
    public private(set) var iterations = 0
    /// The learning curve so far.
    public private(set) var curve = LearningCurve()

    /// A trainer for `learner` on `environment`.
    public init(environment: Env, learner: any PolicyGradientLearner, configuration: OnPolicyConfiguration = OnPolicyConfiguration(),
                episodeStart: EpisodeStart<Env> = .environmentReset, rewardFunction: RewardFunction? = nil,
                rng: inout RandomSource) throws {
        guard learner.policy.observationSize == environment.observationSize,
              learner.policy.actionSize == environment.actionSize else {
            throw PolicyGradientError("OnPolicyTrainer: the policy maps \(learner.policy.observationSize) → \(learner.policy.actionSize) "
                                      + "numbers, \(environment.name) has \(environment.observationSize) observation and "
                                      + "\(environment.actionSize) action coordinates")
        }
        guard configuration.stepsPerEnvironment >= 1 else {
            throw PolicyGradientError("OnPolicyTrainer: stepsPerEnvironment is \(configuration.stepsPerEnvironment)")
        }
        self.environment = environment
        self.learner = learner
        self.configuration = configuration
        self.rewardFunction = rewardFunction ?? { batch in batch.environmentRewards }
        collector = try VectorizedCollector(environment: environment, count: configuration.environments,
                                            episodeStart: episodeStart, rng: &rng)
    }

    /// The policy being trained.
    public var policy: GaussianPolicy { learner.policy }

    /// One iteration: collect, reward, update, record (and evaluate every `evaluationInterval`).
    ///
    /// `extras`, called after the update, names numbers to record with the iteration's point, for
    /// example a discriminator's outputs; it may throw to stop the run.
    @discardableResult
    public func iterate(rng: inout RandomSource,
                        extras: () throws -> [String: Double] = { [:] }) throws -> IterationReport {
        // listing: on-policy-iteration
        let batch = try collector.collect(policy: learner.policy, stepsPerEnvironment: configuration.stepsPerEnvironment, rng: &rng)
        let rewards = try rewardFunction(batch)
        guard rewards.count == batch.count else {
            throw PolicyGradientError("OnPolicyTrainer: the reward function returned \(rewards.count) rewards for \(batch.count) transitions")
        }
        let update = try learner.update(batch: batch, rewards: rewards, rng: &rng)
        // end listing
        environmentSteps += batch.count
        gradientSteps += update.policyGradientSteps
        iterations += 1

        var point = LearningCurvePoint(environmentSteps: environmentSteps, gradientSteps: gradientSteps,
                                       episodes: batch.completedEpisodes, rewards: rewards)
        if configuration.evaluationInterval > 0, iterations % configuration.evaluationInterval == 0 {
            let stats = try evaluate()
            point.evaluationReturn = stats.meanReturn
            point.evaluationSuccessRate = stats.successRate
            point.evaluationEpisodeLength = stats.meanLength
        }
        point.extras.merge(try extras()) { _, new in new }
        curve.points.append(point)
        return IterationReport(point: point, update: update)
    }

    /// `iterations` iterations; `onIteration` sees each report (for progress bars).
    public func train(iterations count: Int, rng: inout RandomSource,
                      onIteration: (IterationReport) -> Void = { _ in }) throws {
        for _ in 0..<count { onIteration(try iterate(rng: &rng)) }
    }

    /// The deterministic policy on the configured evaluation episodes.
    public func evaluate() throws -> EpisodeStatistics {
        try PolicyEvaluation.statistics(of: learner.policy, in: environment, episodes: configuration.evaluationEpisodes,
                                        seed: configuration.evaluationSeed)
    }
}
