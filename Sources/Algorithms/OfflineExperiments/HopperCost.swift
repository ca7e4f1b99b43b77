import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// What the pieces of the hopper experiment cost on this machine, timed on short runs: how a lesson
/// at `--scale paper` says how long it will take before it starts.
///
/// The model behind ``lessonFiveSeconds(_:settings:)`` and ``bcqSeconds(updates:evaluationInterval:_:)``
/// counts environment steps, gradient updates and evaluations; an evaluation rolls its start states
/// out for the full value horizon (an upper bound: a hopper that falls stops early).
public struct HopperCost: Sendable {
    /// Seconds of one hopper step (4 MuJoCo steps of 2 ms), acting cost excluded.
    public var environmentStep: Double
    /// Seconds of one DDPG update (critic, actor, targets) at the configuration's widths and batch.
    public var ddpgUpdate: Double
    /// Seconds of the DDPG actor on one batch of evaluation states.
    public var ddpgActing: Double
    /// Seconds of one BCQ update, if BCQ was measured.
    public var bcqUpdate: Double?
    /// Seconds of BCQ choosing actions for one batch of evaluation states, if BCQ was measured.
    public var bcqActing: Double?

    /// Times each piece for about half a second to two seconds (`repeats` scales the counts).
    ///
    /// - Parameters:
    ///   - configuration: the experiment's agent, batch and evaluation sizes.
    ///   - bcq: BCQ's configuration to time too, or `nil`.
    /// - Throws: the formulas' errors (an unwritten exercise's ``NotImplemented``).
    public static func measure(configuration: FixedBufferExperimentConfiguration, bcq: BCQConfiguration?,
                               offPolicy: any OffPolicyExercises, batchConstrained: (any BCQExercises)?,
                               seed: UInt64, repeats: Int = 1) throws -> HopperCost {
        var rng = RandomSource(seed: seed)
        var environment = Hopper()
        let agent = try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize,
                             maxAction: 1, configuration: configuration.agent, formulas: offPolicy, rng: &rng)
        // Random transitions to sample mini-batches from, and the time of a step.
        let transitions = 2_000 * repeats
        var buffer = ReplayBuffer(capacity: transitions, observationSize: environment.observationSize,
                                  actionSize: environment.actionSize)
        var observation = environment.reset(rng: &rng)
        let actions = (0..<transitions).map { _ in environment.actionSpace.sample(rng: &rng) }
        let stepping = Date()
        for action in actions {
            let step = try environment.step(action)
            try buffer.add(observation: observation, action: action, reward: step.reward, nextObservation: step.observation,
                           terminated: step.terminated, truncated: step.truncated)
            observation = step.isDone ? environment.reset(rng: &rng) : step.observation
        }
        let environmentStep = Date().timeIntervalSince(stepping) / Double(transitions)
        let states = Matrix(rows: configuration.evaluationEpisodes, cols: environment.observationSize,
                            values: (0..<configuration.evaluationEpisodes).flatMap { _ in environment.reset(rng: &rng) })
        func seconds(_ count: Int, _ body: () throws -> Void) rethrows -> Double {
            try body()    // a first call outside the timing (allocations, caches)
            let start = Date()
            for _ in 0..<count { try body() }
            return Date().timeIntervalSince(start) / Double(count)
        }
        let ddpgUpdate = try seconds(60 * repeats) {
            try agent.update(OffPolicyBatch(buffer.sample(batchSize: agent.batchSize, rng: &rng)), rng: &rng)
        }
        let ddpgActing = seconds(200 * repeats) { _ = agent.actions(for: states) }
        var cost = HopperCost(environmentStep: environmentStep, ddpgUpdate: ddpgUpdate, ddpgActing: ddpgActing)
        if let bcq, let batchConstrained {
            let learner = try BCQ(observationSize: environment.observationSize, actionLow: environment.actionSpace.low,
                                  actionHigh: environment.actionSpace.high, configuration: bcq, formulas: batchConstrained,
                                  rng: &rng)
            cost.bcqUpdate = try seconds(10 * repeats) {
                try learner.train(on: OffPolicyBatch(buffer.sample(batchSize: bcq.batchSize, rng: &rng)), rng: &rng)
            }
            cost.bcqActing = try seconds(20 * repeats) { _ = try learner.selectActions(for: states) }
        }
        return cost
    }

    /// Seconds of one evaluation of a policy whose batch of evaluation states costs `acting`.
    func evaluationSeconds(_ configuration: FixedBufferExperimentConfiguration, acting: Double) -> Double {
        Double(configuration.valueHorizon) * (Double(configuration.evaluationEpisodes) * environmentStep + acting)
    }

    /// Evaluations of a curve over `updates` updates, one every `interval` and one at the start.
    func evaluations(updates: Int, interval: Int) -> Int { updates / max(interval, 1) + 1 }

    /// Processor seconds of one seed of lesson 5's hopper parts for `settings`: interacting steps,
    /// orange's and blue's updates, the expert's transitions and every curve's evaluations.
    public func lessonFiveSeconds(_ configuration: FixedBufferExperimentConfiguration, settings: [BufferSetting]) -> Double {
        let schedule = configuration.schedule
        let evaluation = evaluationSeconds(configuration, acting: ddpgActing)
        let orangeCurve = Double(evaluations(updates: schedule.updates, interval: schedule.evaluationInterval)) * evaluation
        let blueCurve = Double(evaluations(updates: configuration.offlineUpdates, interval: schedule.evaluationInterval))
            * evaluation
        let acting = Double(schedule.environmentSteps) * (environmentStep + ddpgActing / Double(configuration.evaluationEpisodes))
        var total = 0.0
        for setting in settings {
            switch setting {
            case .final:
                total += acting + Double(schedule.updates + configuration.offlineUpdates) * ddpgUpdate + orangeCurve + blueCurve
            case .concurrent:
                total += acting + Double(2 * schedule.updates) * ddpgUpdate + 2 * orangeCurve
            case .imitation:
                total += Double(configuration.imitationTransitions) * environmentStep
                    + Double(configuration.offlineUpdates) * ddpgUpdate + blueCurve
            }
        }
        return total
    }

    /// Processor seconds of BCQ's `updates` on one buffer with an evaluation every `evaluationInterval`
    /// (NaN when BCQ was not measured).
    public func bcqSeconds(updates: Int, evaluationInterval: Int, _ configuration: FixedBufferExperimentConfiguration) -> Double {
        guard let bcqUpdate, let bcqActing else { return .nan }
        return Double(updates) * bcqUpdate
            + Double(evaluations(updates: updates, interval: evaluationInterval)) * evaluationSeconds(configuration, acting: bcqActing)
    }

    /// What a paper-scale run will cost, in one paragraph: processor time per seed and the wall time
    /// of `seeds` seeds spread over `cores` cores, with how to shard it.
    public static func estimate(perSeed: Double, seeds: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> String {
        let wall = perSeed * Double(seeds) / Double(max(1, min(cores, seeds)))
        return "Paper scale: about \(duration(perSeed)) of processor time per seed, measured on this machine's pieces "
            + "(evaluations counted at full length, an upper bound), so about \(duration(wall)) for \(seeds) seed"
            + "\(seeds == 1 ? "" : "s") on \(cores) core\(cores == 1 ? "" : "s"). Stop it with Ctrl-C; to spread it over machines, "
            + "run shards (--seeds 0..0, --seeds 1..1, …) and then --merge (README: shards and their merge)."
    }

    /// "3.2 h", "41 min" or "25 s".
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "unknown" }
        if seconds >= 5_400 { return String(format: "%.1f h", seconds / 3_600) }
        if seconds >= 90 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.0f s", seconds)
    }
}
