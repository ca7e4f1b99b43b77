// One seed of the Hopper study: orange interacts (or, Imitation, is the expert), blue learns from
// orange's data without ever acting, BCQ and behavior cloning learn from the same final buffer
// when asked, and all are evaluated on the same start states.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// One agent's outcome: its curve and its final numbers (means of the last evaluation points).
struct AgentOutcome: Codable, Sendable {
    /// Return, estimate Q(s₀, π(s₀)) and true discounted value at every evaluation.
    var curve: EvaluationCurve
    /// How many evaluation points the final numbers average (the last ones).
    var finalPoints: Int
    /// The mean episode return of the deterministic policy.
    var finalReturn: Double
    /// The critic's mean Q(s₀, π(s₀)) over the start states (`nil` without a critic: the expert, BC).
    var finalEstimate: Double?
    /// The mean discounted Monte-Carlo return from the same start states.
    var finalTrueValue: Double

    init(curve: EvaluationCurve, finalPoints: Int) {
        self.curve = curve
        let k = max(1, min(finalPoints, curve.returns.count))
        self.finalPoints = k
        func tail(_ values: [Double]) -> Double { values.isEmpty ? .nan : mean(of: Array(values.suffix(k))) }
        finalReturn = tail(curve.returns)
        finalEstimate = curve.estimatedValues.isEmpty ? nil : tail(curve.estimatedValues)
        finalTrueValue = tail(curve.trueValues)
    }

    /// Estimate minus true value (`nil` without a critic).
    var overestimation: Double? { finalEstimate.map { $0 - finalTrueValue } }
}

/// One setting of one seed.
struct SettingOutcome: Codable, Sendable {
    var seed: UInt64
    var setting: StudySetting
    /// The interacting agent.
    var orange: AgentOutcome
    /// The agent that never acts.
    var blue: AgentOutcome
    /// Transitions in orange's buffer at the end.
    var bufferSize: Int
    /// Episodes orange's buffer holds (counted by terminals and timeouts).
    var bufferEpisodes: Int
    /// Mean reward per transition in the buffer.
    var bufferMeanReward: Double
    /// Gradient updates each agent took.
    var updates: Int
    /// Wall time of the interacting phase (for Concurrent, blue's updates included).
    var orangeSeconds: Double
    /// Wall time of blue's offline phase (0 for Concurrent).
    var blueSeconds: Double
    /// Processor time of the whole setting (user + system, this process).
    var cpuSeconds: Double
    /// BCQ trained offline on the same final buffer (`--offline bcq`).
    var bcq: AgentOutcome? = nil
    /// Behavior cloning on the same buffer, evaluated once at the end (`--offline bc`).
    var bc: AgentOutcome? = nil
    /// Wall time of BCQ's training and evaluations.
    var bcqSeconds: Double? = nil
    /// Wall time of behavior cloning's training and evaluation.
    var bcSeconds: Double? = nil
}

/// The processor time this process has used so far (user + system), in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs the configured settings for one seed. The random streams are split per setting and
/// agent before anything runs, so a setting's numbers do not depend on which others run.
///
/// - Parameter log: receives one line per evaluation (progress for a long run).
func runStudy(seed: UInt64, configuration: StudyConfiguration, exercises: ExerciseSet,
              log: @escaping (String) -> Void) throws -> [SettingOutcome] {
    let formulas = exercises.offPolicyLearning
    var root = RandomSource(seed: seed)
    var evaluationRNG = root.split()
    var finalRNG = root.split(), finalBlueRNG = root.split()
    var concurrentRNG = root.split(), concurrentBlueRNG = root.split()
    // Split after the first ones, so that adding them left the Final and Concurrent numbers as they were.
    var imitationRNG = root.split(), imitationBlueRNG = root.split()
    let finalOfflineRNG = root.split(), concurrentOfflineRNG = root.split(), imitationOfflineRNG = root.split()
    let environment = Hopper()
    let evaluator = try PolicyEvaluator(environment: environment, episodes: configuration.evaluationEpisodes,
                                        discount: Double(configuration.discount),
                                        valueHorizon: configuration.valueHorizon, formulas: formulas, rng: &evaluationRNG)
    let maxAction = environment.actionSpace.high.map(abs).max() ?? 1
    /// Orange, or with `blue` the agent that never acts (`--blue-ddpg`).
    func makeAgent(_ rng: inout RandomSource, blue: Bool = false) throws -> DDPG {
        try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize, maxAction: maxAction,
                 configuration: blue ? configuration.blueAgent : configuration.agent, formulas: formulas, rng: &rng)
    }
    let schedule = configuration.schedule
    func stepLogger(_ who: String, start: Date) -> (Int) -> Void {
        let every = max(1, schedule.environmentSteps / max(1, configuration.evaluationPoints))
        return { step in
            if step % every == 0 {
                log("  seed \(seed) \(who): step \(step)/\(schedule.environmentSteps), "
                    + String(format: "%.0f s", Date().timeIntervalSince(start)))
            }
        }
    }
    var outcomes: [SettingOutcome] = []
    /// Blue (and every learner of `--offline`) trains on a buffer that no longer grows.
    func trainOffline(_ learner: some BatchLearner, on buffer: TransitionDataset, _ who: String, updates: Int? = nil,
                      rng: inout RandomSource) throws -> EvaluationCurve {
        let updates = updates ?? schedule.updates
        let every = max(1, updates / max(1, configuration.evaluationPoints)), blueStart = Date()
        return try trainOnFixedBuffer(learner, buffer: buffer, updates: updates, evaluationInterval: every,
                                      evaluator: evaluator, rng: &rng, progress: { update in
            if update % every == 0 {
                log("  seed \(seed) \(who): update \(update)/\(updates), "
                    + String(format: "%.0f s", Date().timeIntervalSince(blueStart)))
            }
        })
    }
    for setting in configuration.settings {
        let cpuStart = processorSeconds()
        let start = Date()
        let orangeSeconds: Double, blueSeconds: Double
        let buffer: TransitionDataset, orangeCurve: EvaluationCurve, blueCurve: EvaluationCurve
        var offlineRNG: RandomSource
        switch setting {
        case .final:
            let orange = try makeAgent(&finalRNG)
            var unused = RandomSource(seed: 0)
            let run = try trainInteracting(orange, environment: environment, schedule: schedule,
                                           explorationNoise: configuration.finalNoise / maxAction, evaluator: evaluator,
                                           rng: &finalRNG, concurrentRNG: &unused,
                                           progress: stepLogger("final, orange", start: start))
            buffer = run.buffer
            orangeCurve = run.curve
            orangeSeconds = Date().timeIntervalSince(start)
            let blueStart = Date()
            blueCurve = try trainOffline(try makeAgent(&finalBlueRNG, blue: true), on: buffer, "final, blue",
                                         rng: &finalBlueRNG)
            blueSeconds = Date().timeIntervalSince(blueStart)
            offlineRNG = finalOfflineRNG
        case .concurrent:
            let orange = try makeAgent(&concurrentRNG)
            let blue = try makeAgent(&concurrentBlueRNG, blue: true)
            let run = try trainInteracting(orange, environment: environment, schedule: schedule,
                                           explorationNoise: configuration.concurrentNoise / maxAction, evaluator: evaluator,
                                           concurrent: blue, rng: &concurrentRNG, concurrentRNG: &concurrentBlueRNG,
                                           progress: stepLogger("concurrent", start: start))
            buffer = run.buffer
            orangeCurve = run.curve
            orangeSeconds = Date().timeIntervalSince(start)
            blueSeconds = 0
            blueCurve = run.concurrentCurve ?? EvaluationCurve()
            offlineRNG = concurrentOfflineRNG
        case .imitation:
            let expert = try HopperExpert.load(from: configuration.expertPath.map { URL(fileURLWithPath: $0) })
            buffer = try collectTransitions(policy: { expert.action(for: $0) }, environment: environment,
                                            transitions: configuration.imitationTransitionCount, formulas: formulas,
                                            rng: &imitationRNG)
            var curve = EvaluationCurve()
            curve.record(try evaluator.evaluate(policy: { expert(Tensor($0)).value }), after: 0)
            orangeCurve = curve
            orangeSeconds = Date().timeIntervalSince(start)
            let blueStart = Date()
            blueCurve = try trainOffline(try makeAgent(&imitationBlueRNG, blue: true), on: buffer, "imitation, blue",
                                         rng: &imitationBlueRNG)
            blueSeconds = Date().timeIntervalSince(blueStart)
            offlineRNG = imitationOfflineRNG
        }
        var episodes = 0, rewardSum = 0.0
        for i in 0..<buffer.count {
            let transition = buffer[i]
            if transition.terminated || transition.truncated { episodes += 1 }
            rewardSum += Double(transition.reward)
        }
        let finalPoints = 3
        var outcome = SettingOutcome(
            seed: seed, setting: setting, orange: AgentOutcome(curve: orangeCurve, finalPoints: finalPoints),
            blue: AgentOutcome(curve: blueCurve, finalPoints: finalPoints), bufferSize: buffer.count,
            bufferEpisodes: episodes, bufferMeanReward: rewardSum / Double(max(1, buffer.count)),
            updates: schedule.updates, orangeSeconds: orangeSeconds, blueSeconds: blueSeconds, cpuSeconds: 0)
        let label = "\(setting.rawValue)"
        for learner in configuration.offlineLearners {
            let learnerStart = Date()
            switch learner {
            case .bcq:
                let bcq = try BCQ(observationSize: environment.observationSize, actionLow: environment.actionSpace.low,
                                  actionHigh: environment.actionSpace.high, configuration: configuration.bcq,
                                  formulas: exercises.batchConstrained, rng: &offlineRNG)
                let curve = try trainOffline(bcq, on: buffer, label + ", BCQ", updates: configuration.bcqUpdates,
                                             rng: &offlineRNG)
                outcome.bcq = AgentOutcome(curve: curve, finalPoints: finalPoints)
                outcome.bcqSeconds = Date().timeIntervalSince(learnerStart)
            case .bc:
                outcome.bc = AgentOutcome(curve: try behaviorCloningCurve(on: buffer, environment: environment,
                                                                          configuration: configuration.behaviorCloning,
                                                                          evaluator: evaluator, updates: schedule.updates,
                                                                          formulas: exercises.behaviorCloning,
                                                                          rng: &offlineRNG),
                                          finalPoints: 1)
                outcome.bcSeconds = Date().timeIntervalSince(learnerStart)
            }
            log("  seed \(seed) \(label), \(learner.rawValue): " + String(format: "%.0f s", Date().timeIntervalSince(learnerStart)))
        }
        outcome.cpuSeconds = processorSeconds() - cpuStart
        outcomes.append(outcome)
    }
    return outcomes
}
