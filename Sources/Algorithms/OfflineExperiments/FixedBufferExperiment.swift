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
    /// Who fills the Imitation buffer: Concurrent's orange after training (Fujimoto et al.'s
    /// choice), or an expert of its own, trained beforehand and shipped with the kit.
    public var imitationExpert: ImitationExpert

    /// A configuration; by default blue takes as many updates as orange and the expert collects
    /// as many transitions as orange experienced.
    public init(agent: DDPGConfiguration, schedule: InteractionSchedule, offlineUpdates: Int? = nil,
                finalBufferNoise: Float = 0.5, concurrentNoise: Float = 0.1, imitationTransitions: Int? = nil,
                evaluationEpisodes: Int = 10, valueHorizon: Int = 600, imitationExpert: ImitationExpert = .concurrentOrange) {
        self.agent = agent
        self.schedule = schedule
        self.offlineUpdates = offlineUpdates ?? schedule.updates
        self.finalBufferNoise = finalBufferNoise
        self.concurrentNoise = concurrentNoise
        self.imitationTransitions = imitationTransitions ?? schedule.environmentSteps
        self.evaluationEpisodes = evaluationEpisodes
        self.valueHorizon = valueHorizon
        self.imitationExpert = imitationExpert
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
    /// How well the buffer covers the pairs (s, π(s)) that the final policy of the agent that filled it, and
    /// blue's, reach in two episodes of their own (``BufferCoverage``); `nil` where the environment's
    /// observations are unbounded (the hopper) or blue was not trained.
    public var orangeCoverage: BufferCoverage? = nil
    public var blueCoverage: BufferCoverage? = nil
}

/// Who fills the Imitation buffer.
public enum ImitationExpert: String, Sendable, Codable, Equatable {
    /// Concurrent's orange after training, acting without noise (Fujimoto et al. 2019).
    case concurrentOrange
    /// The kit's trained Hopper expert (``HopperExpert``: TD3, shipped as a weights file).
    case hopperExpert
}

/// Parts of one seed's experiment that do not depend on each other, so that they can run on
/// separate cores: Final (the behavioural agent, then blue); Concurrent then Imitation when
/// Concurrent's orange is the expert; Concurrent and Imitation apart when the expert is its own.
public enum FixedBufferPart: CaseIterable, Sendable {
    case final
    case concurrentAndImitation
    case concurrent
    case imitation

    /// The settings this part runs, in order.
    public var settings: [BufferSetting] {
        switch self {
        case .final: [.final]
        case .concurrentAndImitation: [.concurrent, .imitation]
        case .concurrent: [.concurrent]
        case .imitation: [.imitation]
        }
    }

    /// The parts that run `settings` under `configuration`, in the order of ``BufferSetting/allCases``.
    /// With Concurrent's orange as the expert, Imitation needs Concurrent's part.
    public static func parts(for settings: [BufferSetting], _ configuration: FixedBufferExperimentConfiguration)
        -> [FixedBufferPart] {
        var parts: [FixedBufferPart] = settings.contains(.final) ? [.final] : []
        switch configuration.imitationExpert {
        case .concurrentOrange:
            if settings.contains(.concurrent) || settings.contains(.imitation) { parts.append(.concurrentAndImitation) }
        case .hopperExpert:
            if settings.contains(.concurrent) { parts.append(.concurrent) }
            if settings.contains(.imitation) { parts.append(.imitation) }
        }
        return parts
    }

    /// Environment steps plus gradient updates of this part (for progress bars and for
    /// scheduling the longer part first).
    public func workUnits(_ configuration: FixedBufferExperimentConfiguration, includeBlue: Bool = true) -> Int {
        let online = configuration.schedule.environmentSteps + configuration.schedule.updates
        let imitation = configuration.imitationTransitions + (includeBlue ? configuration.offlineUpdates : 0)
        let concurrent = online + (includeBlue ? configuration.schedule.updates : 0)
        switch self {
        case .final: return online + (includeBlue ? configuration.offlineUpdates : 0)
        case .concurrentAndImitation: return concurrent + imitation
        case .concurrent: return concurrent
        case .imitation: return imitation
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
/// (the longer parts first), and returns each seed's runs of `settings` in the order of
/// ``BufferSetting/allCases`` (by default all three, in the order of
/// ``runFixedBufferExperiment(seed:configuration:environment:formulas:includeBlue:progress:)``, with
/// the same numbers). `progress` gets the work units done so far over all seeds.
public func runFixedBufferExperiments<Environment: ContinuousEnvironment>(
    seeds: [UInt64], configuration: FixedBufferExperimentConfiguration, environment: Environment,
    formulas: any OffPolicyExercises, settings: [BufferSetting] = BufferSetting.allCases, includeBlue: Bool = true,
    progress: @escaping @Sendable (Int) -> Void = { _ in }
) throws -> [[SettingRun]] {
    let parts = FixedBufferPart.parts(for: settings, configuration)
    let longestFirst = parts.enumerated().sorted { a, b in
        let (ua, ub) = (a.element.workUnits(configuration, includeBlue: includeBlue), b.element.workUnits(configuration, includeBlue: includeBlue))
        return ua != ub ? ua > ub : a.offset < b.offset
    }.map(\.element)
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
        parts.flatMap { part in done[longestFirst.firstIndex(of: part)! * seeds.count + index] }
            .filter { settings.contains($0.setting) }
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
    // Coverage (its own random stream: no training number changes) where half of each range is a scale.
    let coverageScales = BufferCoverage.halfRanges(observation: environment.observationSpace, action: environment.actionSpace)
    func coverage(of actions: (Matrix) throws -> Matrix, on buffer: TransitionDataset) throws -> BufferCoverage? {
        guard let coverageScales else { return nil }
        let states = try BufferCoverage.visitedStates(of: actions, environment: environment, episodes: 2,
                                                      seed: RandomSource.derivedSeed(base: seed, offset: 71))
        return try BufferCoverage.measure(actions: actions, at: states, buffer: buffer, scales: coverageScales)
    }

    /// Imitation: `expert` acts without noise and fills the buffer; blue learns from it. The expert's
    /// curve is its one evaluation, drawn flat over blue's updates.
    func imitation(expert: DeterministicActor, evaluation: EvaluationPoint) throws -> SettingRun {
        let imitationBuffer = try collectTransitions(policy: { expert.action(for: $0) }, environment: environment,
                                                     transitions: configuration.imitationTransitions, formulas: formulas,
                                                     rng: &imitationRNG)
        done += configuration.imitationTransitions
        progress(done)
        var expertCurve = EvaluationCurve()
        var imitationBlue: EvaluationCurve?
        var blueCoverage: BufferCoverage?
        if includeBlue {
            let blue = try makeAgent(&imitationBlueRNG)
            let curve = try trainOnFixedBuffer(blue, buffer: imitationBuffer, updates: configuration.offlineUpdates,
                                               evaluationInterval: schedule.evaluationInterval, evaluator: evaluator,
                                               rng: &imitationBlueRNG, progress: { progress(done + $0) })
            for u in curve.updates { expertCurve.record(evaluation, after: u) }
            imitationBlue = curve
            blueCoverage = try coverage(of: blue.actions(for:), on: imitationBuffer)
        } else {
            expertCurve.record(evaluation, after: 0)
        }
        return SettingRun(setting: .imitation, buffer: imitationBuffer, orange: expertCurve, blue: imitationBlue,
                          orangeCoverage: try coverage(of: { expert(Tensor($0)).value }, on: imitationBuffer), blueCoverage: blueCoverage)
    }

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
        var blueCoverage: BufferCoverage?
        if includeBlue {
            let blue = try makeAgent(&finalBlueRNG)
            finalBlue = try trainOnFixedBuffer(blue, buffer: finalRun.buffer, updates: configuration.offlineUpdates,
                                               evaluationInterval: schedule.evaluationInterval, evaluator: evaluator,
                                               rng: &finalBlueRNG, progress: { progress(done + $0) })
            blueCoverage = try coverage(of: blue.actions(for:), on: finalRun.buffer)
        }
        return [SettingRun(setting: .final, buffer: finalRun.buffer, orange: finalRun.curve, blue: finalBlue,
                           orangeCoverage: try coverage(of: behavioural.actions(for:), on: finalRun.buffer),
                           blueCoverage: blueCoverage)]

    case .concurrent, .concurrentAndImitation:
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
                                    blue: concurrentRun.concurrentCurve,
                                    orangeCoverage: try coverage(of: orange.actions(for:), on: concurrentRun.buffer),
                                    blueCoverage: try concurrentBlue.flatMap { try coverage(of: $0.actions(for:), on: concurrentRun.buffer) })
        guard part == .concurrentAndImitation else { return [concurrent] }
        // Imitation: the trained orange acts as a noiseless expert.
        let expert = orange.actor.copy()
        return [concurrent, try imitation(expert: expert, evaluation: try evaluator.evaluate(orange))]

    case .imitation:
        guard configuration.imitationExpert == .hopperExpert else {
            throw OfflineExperimentError.invalidConfiguration(
                "the Imitation part alone needs an expert of its own; Concurrent's orange is made by the Concurrent part")
        }
        guard HopperExpert.observationSize == environment.observationSize && HopperExpert.actionSize == environment.actionSize else {
            throw OfflineExperimentError.invalidConfiguration(
                "the Hopper expert acts on \(HopperExpert.observationSize) observations and \(HopperExpert.actionSize) actions, "
                + "this environment has \(environment.observationSize) and \(environment.actionSize)")
        }
        let expert = try HopperExpert.load()
        return [try imitation(expert: expert, evaluation: try evaluator.evaluate(policy: { expert(Tensor($0)).value }))]
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

/// The budgets of the hopper experiment (lessons 5 and 6).
public enum HopperBudget: String, Sendable, CaseIterable {
    /// `--quick`: what the claim tests run.
    case quick
    /// The lessons' default: the smallest budgets at which the value half shows.
    case standard
    /// Fujimoto, Meger & Precup's (2019) sizes (`--scale paper`): hours per seed.
    case paper

    /// Seeds of the hopper experiment at this budget (the paper's figures average 5). Lesson 6 rebuilds
    /// lesson 5's buffers, so both lessons take the number from here.
    public var seedCount: Int { self == .paper ? 5 : 4 }

    /// A lesson run's budget from its options: `--quick`, `--scale paper`, or neither.
    public init(quick: Bool, paperScale: Bool) {
        self = quick ? .quick : paperScale ? .paper : .standard
    }
}

extension FixedBufferExperimentConfiguration {
    /// The experiment on the kit's Hopper-v4, where Fujimoto et al. ran it, at the smallest budgets at
    /// which its value half shows (`notes/hopper-study.md`): DDPG with 64–64 networks, batch 100,
    /// Adam 10⁻³; 50 000 interacting steps (20 000 when `quick`), the first 1 000 random, an evaluation
    /// every 5 000 updates (2 000); 10 evaluation start states and 1 000-step value rollouts (the
    /// episode's limit). The Imitation buffer comes from the kit's trained expert (``HopperExpert``):
    /// 50 000 transitions and as many blue updates as orange's (`quick`: 10 000 and 12 000: at 6 000 blue's
    /// estimate is still climbing, 2–20 times its true value).
    public static func hopper(quick: Bool) -> FixedBufferExperimentConfiguration {
        hopper(quick ? .quick : .standard)
    }

    /// The experiment on the kit's Hopper-v4 at `budget`: ``hopper(quick:)`` for `.quick` and
    /// `.standard`; for `.paper`, Fujimoto, Meger & Precup's (2019) sizes: their DDPG
    /// (``DDPGConfiguration/fixedBufferPaper(actorHiddenSizes:criticHiddenSizes:)``, 400–300 networks),
    /// 10⁶ interacting steps, an evaluation every 5 000, 10⁶ expert transitions, and blue with as many
    /// updates as orange.
    public static func hopper(_ budget: HopperBudget) -> FixedBufferExperimentConfiguration {
        switch budget {
        case .quick, .standard:
            let quick = budget == .quick
            return FixedBufferExperimentConfiguration(
                agent: DDPGConfiguration(actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64]),
                schedule: InteractionSchedule(environmentSteps: quick ? 20_000 : 50_000, randomSteps: 1_000,
                                              evaluationInterval: quick ? 2_000 : 5_000),
                offlineUpdates: quick ? 12_000 : nil, finalBufferNoise: 0.5, concurrentNoise: 0.1,
                imitationTransitions: quick ? 10_000 : nil, evaluationEpisodes: 10, valueHorizon: 1_000,
                imitationExpert: .hopperExpert)
        case .paper:
            return FixedBufferExperimentConfiguration(
                agent: .fixedBufferPaper(),
                schedule: InteractionSchedule(environmentSteps: 1_000_000, randomSteps: 1_000, evaluationInterval: 5_000),
                offlineUpdates: nil, finalBufferNoise: 0.5, concurrentNoise: 0.1, imitationTransitions: nil,
                evaluationEpisodes: 10, valueHorizon: 1_000, imitationExpert: .hopperExpert)
        }
    }
}
