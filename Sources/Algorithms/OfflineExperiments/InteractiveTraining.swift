import Datasets
import Environments
import ExerciseAPI
import Numerics

/// How long an interacting agent trains and how often it is evaluated.
public struct InteractionSchedule: Sendable, Codable, Equatable {
    /// Environment steps in total (every one is stored in the buffer).
    public var environmentSteps: Int
    /// Steps at the start with uniformly random actions, before any update (Fujimoto et al.'s
    /// `start_timesteps`); afterwards one update follows every step.
    public var randomSteps: Int
    /// Evaluate every this many updates (and once before the first).
    public var evaluationInterval: Int

    /// A schedule.
    public init(environmentSteps: Int, randomSteps: Int, evaluationInterval: Int) {
        self.environmentSteps = environmentSteps
        self.randomSteps = randomSteps
        self.evaluationInterval = evaluationInterval
    }

    /// The number of updates the agent takes: one per step after the random ones.
    public var updates: Int { Swift.max(0, environmentSteps - randomSteps) }

    /// Throws ``OfflineExperimentError/invalidConfiguration(_:)`` naming the first bad value.
    public func validate() throws {
        guard environmentSteps > 0, randomSteps >= 0, randomSteps < environmentSteps, evaluationInterval > 0 else {
            throw OfflineExperimentError.invalidConfiguration(
                "need 0 ≤ randomSteps < environmentSteps and a positive evaluation interval, got "
                + "\(randomSteps), \(environmentSteps), \(evaluationInterval)")
        }
    }
}

/// What an interacting run produced: every transition it experienced, and the curves.
public struct InteractiveRun: Sendable {
    /// Every transition the interacting agent experienced, in order.
    public var buffer: TransitionDataset
    /// The interacting agent's (orange's) curve.
    public var curve: EvaluationCurve
    /// The curve of the agent trained concurrently from the same buffer (blue), if any.
    public var concurrentCurve: EvaluationCurve?
}

/// Trains `agent` the usual off-policy way (Fujimoto et al. 2019, "behavioural DDPG"): act with
/// Gaussian exploration noise, store every transition, and take one update per step on a
/// mini-batch drawn from everything stored so far.
///
/// With a `concurrent` learner (the Concurrent setting), that learner takes one update per step
/// as well, on its own mini-batch drawn from the *same* buffer, but never chooses an action.
/// It draws its mini-batches from `concurrentRNG`, so the interacting agent's data does not
/// depend on whether a concurrent learner is present.
///
/// - Parameters:
///   - explorationNoise: σ of the Gaussian exploration noise as a fraction of the largest action.
///   - progress: called after every environment step with the number of steps done.
public func trainInteracting<Environment: ContinuousEnvironment>(
    _ agent: DDPG, environment: Environment, schedule: InteractionSchedule, explorationNoise: Float,
    evaluator: PolicyEvaluator<Environment>, concurrent: (any BatchLearner)? = nil,
    rng: inout RandomSource, concurrentRNG: inout RandomSource, progress: (Int) -> Void = { _ in }
) throws -> InteractiveRun {
    try schedule.validate()
    var env = environment
    // The capacity holds every step: nothing is ever overwritten, as in Fujimoto et al.'s runs.
    var buffer = ReplayBuffer(capacity: schedule.environmentSteps, observationSize: env.observationSize,
                              actionSize: env.actionSize)
    var curve = EvaluationCurve()
    var concurrentCurve: EvaluationCurve? = concurrent == nil ? nil : EvaluationCurve()
    var observation = env.reset(rng: &rng)
    var updates = 0
    func evaluate() throws {
        curve.record(try evaluator.evaluate(agent), after: updates)
        if let concurrent { concurrentCurve?.record(try evaluator.evaluate(concurrent), after: updates) }
    }
    try evaluate()
    for step in 0..<schedule.environmentSteps {
        let action = env.actionSpace.clip(step < schedule.randomSteps
            ? env.actionSpace.sample(rng: &rng)
            : try agent.explore(observation, noise: explorationNoise, rng: &rng))
        let outcome = try env.step(action)
        try buffer.add(observation: observation, action: action, reward: outcome.reward,
                       nextObservation: outcome.observation, terminated: outcome.terminated, truncated: outcome.truncated)
        observation = outcome.isDone ? env.reset(rng: &rng) : outcome.observation
        if step >= schedule.randomSteps {
            try agent.train(on: OffPolicyBatch(buffer.sample(batchSize: agent.batchSize, rng: &rng)), rng: &rng)
            if let concurrent {
                try concurrent.train(on: OffPolicyBatch(buffer.sample(batchSize: concurrent.batchSize, rng: &concurrentRNG)),
                                     rng: &concurrentRNG)
            }
            updates += 1
            if updates % schedule.evaluationInterval == 0 { try evaluate() }
        }
        progress(step + 1)
    }
    if updates % schedule.evaluationInterval != 0 { try evaluate() }
    return InteractiveRun(buffer: buffer.ringContents, curve: curve, concurrentCurve: concurrentCurve)
}

/// Trains `learner` on a fixed buffer that never grows (batch RL, agent blue): `updates`
/// mini-batch updates, evaluated every `evaluationInterval` updates and once before the first.
public func trainOnFixedBuffer<Environment: ContinuousEnvironment>(
    _ learner: some BatchLearner, buffer: TransitionDataset, updates: Int, evaluationInterval: Int,
    evaluator: PolicyEvaluator<Environment>, rng: inout RandomSource, progress: (Int) -> Void = { _ in }
) throws -> EvaluationCurve {
    guard updates >= 0, evaluationInterval > 0 else {
        throw OfflineExperimentError.invalidConfiguration(
            "need updates ≥ 0 and a positive evaluation interval, got \(updates), \(evaluationInterval)")
    }
    guard buffer.count > 0 || updates == 0 else {
        throw OfflineExperimentError.invalidData("cannot train on an empty buffer")
    }
    let replay = ReplayBuffer(dataset: buffer)
    var curve = EvaluationCurve()
    curve.record(try evaluator.evaluate(learner), after: 0)
    var update = 0
    while update < updates {
        try learner.train(on: OffPolicyBatch(replay.sample(batchSize: learner.batchSize, rng: &rng)), rng: &rng)
        update += 1
        if update % evaluationInterval == 0 || update == updates {
            curve.record(try evaluator.evaluate(learner), after: update)
        }
        progress(update)
    }
    return curve
}

/// Fills a buffer with `transitions` steps of a fixed policy (the Imitation setting's expert),
/// with optional Gaussian noise σ·maxAction (0 for the paper's noiseless expert).
public func collectTransitions<Environment: ContinuousEnvironment>(
    policy: ([Float]) -> [Float], environment: Environment, transitions: Int, noise: Float = 0,
    formulas: any OffPolicyExercises, rng: inout RandomSource
) throws -> TransitionDataset {
    var env = environment
    var buffer = TransitionDataset(observationSize: env.observationSize, actionSize: env.actionSize)
    var observation = env.reset(rng: &rng)
    let low = env.actionSpace.low, high = env.actionSpace.high
    for _ in 0..<transitions {
        var action = policy(observation)
        if noise > 0 {
            let scale = high.map { Swift.max(abs($0), 1e-12) }.max() ?? 1
            action = try formulas.explorationAction(action, noiseStd: noise * scale, low: low, high: high, rng: &rng)
        }
        action = env.actionSpace.clip(action)
        let outcome = try env.step(action)
        try buffer.append(Transition(observation: observation, action: action, reward: Float(outcome.reward),
                                     nextObservation: outcome.observation, terminated: outcome.terminated,
                                     truncated: outcome.truncated))
        observation = outcome.isDone ? env.reset(rng: &rng) : outcome.observation
    }
    return buffer
}
