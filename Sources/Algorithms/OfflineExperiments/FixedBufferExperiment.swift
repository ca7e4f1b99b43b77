import Datasets
import Environments
import ExerciseAPI
import Numerics

/// The experiment of Fujimoto, Meger & Precup (2019, "Off-policy deep reinforcement learning
/// without exploration", §3 and figure 1) at a small scale: two DDPG agents, the same algorithm
/// and the same data; orange interacts with the environment, blue never does.
public struct FixedBufferExperimentConfiguration: Sendable, Codable, Equatable {
    /// The hyper-parameters of every DDPG agent (orange, blue, the expert).
    public var agent: DDPGConfiguration
    /// How long the interacting agents (Final's behavioural agent, Concurrent's orange) train.
    public var schedule: InteractionSchedule
    /// Updates blue takes on the Final and Imitation buffers (the paper: as many as orange).
    public var offlineUpdates: Int
    /// The standard deviation σ of the Final-buffer behavioural agent's Gaussian exploration, in
    /// action units (0.5). Fujimoto et al.'s code adds N(0, σ) to the action unscaled; their
    /// tasks act in [−1, 1], so on Pendulum's [−2, 2] the same σ covers half as much of the range.
    public var finalBufferNoise: Float
    /// The σ of orange's exploration in the Concurrent setting, in action units (0.1).
    public var concurrentNoise: Float
    /// Transitions the expert collects in the Imitation setting.
    public var imitationTransitions: Int
    /// Start states of every evaluation.
    public var evaluationEpisodes: Int
    /// Steps of the Monte-Carlo value rollouts.
    public var valueHorizon: Int

    /// A configuration; by default blue takes as many updates as orange and the expert collects
    /// as many transitions as orange experienced.
    public init(agent: DDPGConfiguration, schedule: InteractionSchedule, offlineUpdates: Int? = nil,
                finalBufferNoise: Float = 0.5, concurrentNoise: Float = 0.1, imitationTransitions: Int? = nil,
                evaluationEpisodes: Int = 10, valueHorizon: Int = 600) {
        self.agent = agent
        self.schedule = schedule
        self.offlineUpdates = offlineUpdates ?? schedule.updates
        self.finalBufferNoise = finalBufferNoise
        self.concurrentNoise = concurrentNoise
        self.imitationTransitions = imitationTransitions ?? schedule.environmentSteps
        self.evaluationEpisodes = evaluationEpisodes
        self.valueHorizon = valueHorizon
    }

    /// Environment steps plus gradient updates of one seed's whole experiment (for progress bars);
    /// `includeBlue: false` counts only what building the three buffers costs.
    public func workUnits(includeBlue: Bool = true) -> Int {
        let online = schedule.environmentSteps + schedule.updates
        let buffers = 2 * online + imitationTransitions
        return includeBlue ? buffers + 2 * offlineUpdates + schedule.updates : buffers
    }
}

/// One setting of one seed: the fixed buffer, and the two agents' curves.
public struct SettingRun: Sendable, Codable {
    /// Which buffer.
    public var setting: BufferSetting
    /// The data blue learns from (in the order it was collected).
    public var buffer: TransitionDataset
    /// The interacting agent: Final's behavioural agent, Concurrent's orange, or the Imitation
    /// expert (evaluated once, its curve flat over blue's updates).
    public var orange: EvaluationCurve
    /// Blue, trained on the buffer without ever acting; `nil` when only the buffers were built.
    public var blue: EvaluationCurve?
}

/// The two halves of one seed's experiment that do not depend on each other, so that they can
/// run on two cores: Final (the behavioural agent, then blue), and Concurrent then Imitation
/// (whose expert is Concurrent's orange).
public enum FixedBufferPart: CaseIterable, Sendable {
    case final
    case concurrentAndImitation

    /// The settings this part runs, in order.
    public var settings: [BufferSetting] {
        switch self {
        case .final: [.final]
        case .concurrentAndImitation: [.concurrent, .imitation]
        }
    }

    /// Environment steps plus gradient updates of this part (for progress bars and for
    /// scheduling the longer part first).
    public func workUnits(_ configuration: FixedBufferExperimentConfiguration, includeBlue: Bool = true) -> Int {
        let online = configuration.schedule.environmentSteps + configuration.schedule.updates
        switch self {
        case .final:
            return online + (includeBlue ? configuration.offlineUpdates : 0)
        case .concurrentAndImitation:
            return online + configuration.imitationTransitions
                + (includeBlue ? configuration.schedule.updates + configuration.offlineUpdates : 0)
        }
    }
}

/// Runs the three settings for one seed.
///
/// The random streams are split per setting and per agent, so the buffers depend only on the
/// seed and the configuration: ``buildFixedBuffers(seed:configuration:environment:formulas:progress:)``
/// (lesson 6) gets exactly the buffers blue learned from here, and each
/// ``FixedBufferPart`` run on its own gives exactly its settings' runs.
///
/// The Imitation expert is Concurrent's orange after training (a DDPG agent trained the
/// standard way, with N(0, 0.1) exploration), acting without noise.
public func runFixedBufferExperiment<Environment: ContinuousEnvironment>(
    seed: UInt64, configuration: FixedBufferExperimentConfiguration, environment: Environment,
    formulas: any OffPolicyExercises, includeBlue: Bool = true, progress: (Int) -> Void = { _ in }
) throws -> [SettingRun] {
    let finalUnits = FixedBufferPart.final.workUnits(configuration, includeBlue: includeBlue)
    return try runFixedBufferPart(.final, seed: seed, configuration: configuration, environment: environment,
                                  formulas: formulas, includeBlue: includeBlue, progress: progress)
        + runFixedBufferPart(.concurrentAndImitation, seed: seed, configuration: configuration, environment: environment,
                             formulas: formulas, includeBlue: includeBlue, progress: { progress(finalUnits + $0) })
}

/// Runs every seed's experiment over the machine's cores, one job per seed and ``FixedBufferPart``
/// (the longer parts first), and returns each seed's three runs in the order of
/// ``runFixedBufferExperiment(seed:configuration:environment:formulas:includeBlue:progress:)``, with
/// the same numbers. `progress` gets the work units done so far over all seeds.
public func runFixedBufferExperiments<Environment: ContinuousEnvironment>(
    seeds: [UInt64], configuration: FixedBufferExperimentConfiguration, environment: Environment,
    formulas: any OffPolicyExercises, includeBlue: Bool = true, progress: @escaping @Sendable (Int) -> Void = { _ in }
) throws -> [[SettingRun]] {
    let longestFirst: [FixedBufferPart] = [.concurrentAndImitation, .final]
    let jobs = longestFirst.flatMap { part in seeds.indices.map { (part, $0) } }
    let tally = WorkTally(count: jobs.count)
    let done = try parallelMap(jobs.count) { job in
        let (part, index) = jobs[job]
        var reported = 0
        let runs = try runFixedBufferPart(part, seed: seeds[index], configuration: configuration, environment: environment,
                                          formulas: formulas, includeBlue: includeBlue, progress: { units in
            guard units - reported >= 256 else { return }
            reported = units
            progress(tally.set(job, units))
        })
        progress(tally.set(job, part.workUnits(configuration, includeBlue: includeBlue)))
        return runs
    }
    return seeds.indices.map { index in
        FixedBufferPart.allCases.flatMap { part in done[longestFirst.firstIndex(of: part)! * seeds.count + index] }
    }
}

/// Runs one ``FixedBufferPart`` of one seed's experiment: its settings' runs, with the random
/// streams the whole experiment gives them.
public func runFixedBufferPart<Environment: ContinuousEnvironment>(
    _ part: FixedBufferPart, seed: UInt64, configuration: FixedBufferExperimentConfiguration, environment: Environment,
    formulas: any OffPolicyExercises, includeBlue: Bool = true, progress: (Int) -> Void = { _ in }
) throws -> [SettingRun] {
    try configuration.schedule.validate()
    guard configuration.offlineUpdates >= 0, configuration.imitationTransitions > 0 else {
        throw OfflineExperimentError.invalidConfiguration(
            "offline updates must be ≥ 0 and imitation transitions > 0, got \(configuration.offlineUpdates), "
            + "\(configuration.imitationTransitions)")
    }
    // Every part splits the seed's stream the same way and takes its own pieces.
    var root = RandomSource(seed: seed)
    var evaluationRNG = root.split()
    var finalRNG = root.split(), finalBlueRNG = root.split()
    var concurrentRNG = root.split(), concurrentBlueRNG = root.split()
    var imitationRNG = root.split(), imitationBlueRNG = root.split()
    let evaluator = try PolicyEvaluator(environment: environment, episodes: configuration.evaluationEpisodes,
                                        discount: Double(configuration.agent.discount),
                                        valueHorizon: configuration.valueHorizon, formulas: formulas, rng: &evaluationRNG)
    let maxAction = environment.actionSpace.high.map(abs).max() ?? 1
    func makeAgent(_ rng: inout RandomSource) throws -> DDPG {
        try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize, maxAction: maxAction,
                 configuration: configuration.agent, formulas: formulas, rng: &rng)
    }
    let schedule = configuration.schedule
    var done = 0

    switch part {
    case .final:
        // Final buffer: a behavioural agent explores with large noise; blue learns afterwards.
        let behavioural = try makeAgent(&finalRNG)
        var unusedRNG = RandomSource(seed: 0)
        let finalRun = try trainInteracting(behavioural, environment: environment, schedule: schedule,
                                            explorationNoise: configuration.finalBufferNoise / maxAction, evaluator: evaluator,
                                            rng: &finalRNG, concurrentRNG: &unusedRNG,
                                            progress: { progress(done + 2 * $0) })
        done += schedule.environmentSteps + schedule.updates
        var finalBlue: EvaluationCurve?
        if includeBlue {
            let blue = try makeAgent(&finalBlueRNG)
            finalBlue = try trainOnFixedBuffer(blue, buffer: finalRun.buffer, updates: configuration.offlineUpdates,
                                               evaluationInterval: schedule.evaluationInterval, evaluator: evaluator,
                                               rng: &finalBlueRNG, progress: { progress(done + $0) })
        }
        return [SettingRun(setting: .final, buffer: finalRun.buffer, orange: finalRun.curve, blue: finalBlue)]

    case .concurrentAndImitation:
        // Concurrent: orange explores with standard noise; blue learns from the same buffer at the same time.
        let orange = try makeAgent(&concurrentRNG)
        let concurrentBlue = includeBlue ? try makeAgent(&concurrentBlueRNG) : nil
        let concurrentRun = try trainInteracting(orange, environment: environment, schedule: schedule,
                                                 explorationNoise: configuration.concurrentNoise / maxAction,
                                                 evaluator: evaluator,
                                                 concurrent: concurrentBlue, rng: &concurrentRNG, concurrentRNG: &concurrentBlueRNG,
                                                 progress: { progress(done + (includeBlue ? 3 : 2) * $0) })
        done += schedule.environmentSteps + schedule.updates * (includeBlue ? 2 : 1)
        let concurrent = SettingRun(setting: .concurrent, buffer: concurrentRun.buffer, orange: concurrentRun.curve,
                                    blue: concurrentRun.concurrentCurve)

        // Imitation: the trained orange acts as a noiseless expert and fills the buffer.
        let expert = orange.actor.copy()
        let imitationBuffer = try collectTransitions(policy: { expert.action(for: $0) }, environment: environment,
                                                     transitions: configuration.imitationTransitions, formulas: formulas,
                                                     rng: &imitationRNG)
        done += configuration.imitationTransitions
        progress(done)
        let expertEvaluation = try evaluator.evaluate(orange)
        var expertCurve = EvaluationCurve()
        var imitationBlue: EvaluationCurve?
        if includeBlue {
            let blue = try makeAgent(&imitationBlueRNG)
            let curve = try trainOnFixedBuffer(blue, buffer: imitationBuffer, updates: configuration.offlineUpdates,
                                               evaluationInterval: schedule.evaluationInterval, evaluator: evaluator,
                                               rng: &imitationBlueRNG, progress: { progress(done + $0) })
            for u in curve.updates { expertCurve.record(expertEvaluation, after: u) }
            imitationBlue = curve
        } else {
            expertCurve.record(expertEvaluation, after: 0)
        }
        let imitation = SettingRun(setting: .imitation, buffer: imitationBuffer, orange: expertCurve, blue: imitationBlue)
        return [concurrent, imitation]
    }
}

/// The three fixed buffers of one seed without training any blue agent: exactly the buffers
/// ``runFixedBufferExperiment(seed:configuration:environment:formulas:includeBlue:progress:)``
/// gives blue with the same seed and configuration. Each run's `orange` curve is the
/// behaviour policy's (for Imitation, the expert's single evaluation).
public func buildFixedBuffers<Environment: ContinuousEnvironment>(
    seed: UInt64, configuration: FixedBufferExperimentConfiguration, environment: Environment,
    formulas: any OffPolicyExercises, progress: (Int) -> Void = { _ in }
) throws -> [SettingRun] {
    try runFixedBufferExperiment(seed: seed, configuration: configuration, environment: environment,
                                 formulas: formulas, includeBlue: false, progress: progress)
}

extension FixedBufferExperimentConfiguration {
    /// The experiment scaled to Pendulum: DDPG with 64–64 networks, 10 000 interacting steps
    /// (6 000 when `quick`) of which the first 1 000 are random, an evaluation every 500 updates
    /// (1 000 when `quick`), the paper's noise levels 0.5 and 0.1 in torque units, 10 evaluation
    /// start states and 600-step value rollouts. The same configuration and seeds rebuild the same
    /// buffers.
    public static func pendulum(quick: Bool) -> FixedBufferExperimentConfiguration {
        FixedBufferExperimentConfiguration(
            agent: DDPGConfiguration(actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64]),
            schedule: InteractionSchedule(environmentSteps: quick ? 6_000 : 10_000, randomSteps: 1_000,
                                          evaluationInterval: quick ? 1_000 : 500),
            finalBufferNoise: 0.5, concurrentNoise: 0.1, evaluationEpisodes: 10, valueHorizon: 600)
    }
}
