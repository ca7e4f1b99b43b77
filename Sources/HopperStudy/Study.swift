// One seed of the Hopper study: orange interacts, blue learns from orange's data without ever
// acting, and both are evaluated on the same start states.
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
    /// The critic's mean Q(s₀, π(s₀)) over the start states.
    var finalEstimate: Double
    /// The mean discounted Monte-Carlo return from the same start states.
    var finalTrueValue: Double

    init(curve: EvaluationCurve, finalPoints: Int) {
        self.curve = curve
        let k = max(1, min(finalPoints, curve.returns.count))
        self.finalPoints = k
        func tail(_ values: [Double]) -> Double { values.isEmpty ? .nan : mean(of: Array(values.suffix(k))) }
        finalReturn = tail(curve.returns)
        finalEstimate = tail(curve.estimatedValues)
        finalTrueValue = tail(curve.trueValues)
    }

    /// Estimate minus true value.
    var overestimation: Double { finalEstimate - finalTrueValue }
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
func runStudy(seed: UInt64, configuration: StudyConfiguration, formulas: any OffPolicyExercises,
              log: @escaping (String) -> Void) throws -> [SettingOutcome] {
    var root = RandomSource(seed: seed)
    var evaluationRNG = root.split()
    var finalRNG = root.split(), finalBlueRNG = root.split()
    var concurrentRNG = root.split(), concurrentBlueRNG = root.split()
    let environment = Hopper()
    let evaluator = try PolicyEvaluator(environment: environment, episodes: configuration.evaluationEpisodes,
                                        discount: Double(configuration.discount),
                                        valueHorizon: configuration.valueHorizon, formulas: formulas, rng: &evaluationRNG)
    let maxAction = environment.actionSpace.high.map(abs).max() ?? 1
    func makeAgent(_ rng: inout RandomSource) throws -> DDPG {
        try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize, maxAction: maxAction,
                 configuration: configuration.agent, formulas: formulas, rng: &rng)
    }
    let schedule = configuration.schedule
    let interval = schedule.evaluationInterval
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
    for setting in configuration.settings {
        let cpuStart = processorSeconds()
        let start = Date()
        let orangeSeconds: Double, blueSeconds: Double
        let run: InteractiveRun, blueCurve: EvaluationCurve
        switch setting {
        case .final:
            let orange = try makeAgent(&finalRNG)
            var unused = RandomSource(seed: 0)
            run = try trainInteracting(orange, environment: environment, schedule: schedule,
                                       explorationNoise: configuration.finalNoise / maxAction, evaluator: evaluator,
                                       rng: &finalRNG, concurrentRNG: &unused,
                                       progress: stepLogger("final, orange", start: start))
            orangeSeconds = Date().timeIntervalSince(start)
            let blue = try makeAgent(&finalBlueRNG)
            let blueStart = Date()
            let every = max(1, schedule.updates / max(1, configuration.evaluationPoints))
            blueCurve = try trainOnFixedBuffer(blue, buffer: run.buffer, updates: schedule.updates,
                                               evaluationInterval: interval, evaluator: evaluator, rng: &finalBlueRNG,
                                               progress: { update in
                                                   if update % every == 0 {
                                                       log("  seed \(seed) final, blue: update \(update)/\(schedule.updates), "
                                                           + String(format: "%.0f s", Date().timeIntervalSince(blueStart)))
                                                   }
                                               })
            blueSeconds = Date().timeIntervalSince(blueStart)
        case .concurrent:
            let orange = try makeAgent(&concurrentRNG)
            let blue = try makeAgent(&concurrentBlueRNG)
            run = try trainInteracting(orange, environment: environment, schedule: schedule,
                                       explorationNoise: configuration.concurrentNoise / maxAction, evaluator: evaluator,
                                       concurrent: blue, rng: &concurrentRNG, concurrentRNG: &concurrentBlueRNG,
                                       progress: stepLogger("concurrent", start: start))
            orangeSeconds = Date().timeIntervalSince(start)
            blueSeconds = 0
            blueCurve = run.concurrentCurve ?? EvaluationCurve()
        }
        var episodes = 0, rewardSum = 0.0
        for i in 0..<run.buffer.count {
            let transition = run.buffer[i]
            if transition.terminated || transition.truncated { episodes += 1 }
            rewardSum += Double(transition.reward)
        }
        let finalPoints = 3
        outcomes.append(SettingOutcome(
            seed: seed, setting: setting, orange: AgentOutcome(curve: run.curve, finalPoints: finalPoints),
            blue: AgentOutcome(curve: blueCurve, finalPoints: finalPoints), bufferSize: run.buffer.count,
            bufferEpisodes: episodes, bufferMeanReward: rewardSum / Double(max(1, run.buffer.count)),
            updates: schedule.updates, orangeSeconds: orangeSeconds, blueSeconds: blueSeconds,
            cpuSeconds: processorSeconds() - cpuStart))
    }
    return outcomes
}
