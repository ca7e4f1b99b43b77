// `hopper-study --train-expert PATH`: trains the interacting agent alone (TD3 with `--ddpg td3`),
// keeps the actor of its best evaluation, and saves it as a weights file: the expert whose
// noiseless transitions fill the Imitation buffer (Fujimoto, Meger & Precup 2019, §3).
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// What training the expert measured.
struct ExpertReport: Codable, Sendable {
    var seed: UInt64
    var configuration: StudyConfiguration
    /// Environment steps between two selection evaluations.
    var selectionInterval: Int
    /// The step whose actor was kept (the best selection return).
    var bestStep: Int
    /// Its mean return on the selection start states.
    var bestSelectionReturn: Double
    /// Selection returns at every selection evaluation.
    var selectionReturns: [Double]
    /// The kept actor's mean and standard deviation of the return on held-out start states.
    var heldOutReturn: Double
    var heldOutStandardDeviation: Double
    /// Its true discounted value from those states.
    var heldOutTrueValue: Double
    var heldOutEpisodes: Int
    var wallSeconds: Double
    var cpuSeconds: Double
}

/// Trains one agent on Hopper with exploration σ = `--final-noise`, evaluates its deterministic
/// policy every `selectionInterval` steps on 10 selection start states, keeps a copy of the best
/// actor, saves it to `url` and measures it on `heldOutEpisodes` other start states.
func trainHopperExpert(seed: UInt64, configuration: StudyConfiguration, selectionInterval: Int, heldOutEpisodes: Int,
                 to url: URL, formulas: any OffPolicyExercises, log: @escaping (String) -> Void) throws -> ExpertReport {
    var root = RandomSource(seed: seed)
    var selectionRNG = root.split(), heldOutRNG = root.split(), agentRNG = root.split()
    var unused = RandomSource(seed: 0)
    let environment = Hopper()
    let maxAction = environment.actionSpace.high.map(abs).max() ?? 1
    let horizon = configuration.valueHorizon, discount = Double(configuration.discount)
    let selection = try PolicyEvaluator(environment: environment, episodes: 10, discount: discount, valueHorizon: horizon,
                                        formulas: formulas, rng: &selectionRNG)
    let heldOut = try PolicyEvaluator(environment: environment, episodes: heldOutEpisodes, discount: discount,
                                      valueHorizon: horizon, formulas: formulas, rng: &heldOutRNG)
    let agent = try DDPG(observationSize: environment.observationSize, actionSize: environment.actionSize,
                         maxAction: maxAction, configuration: configuration.agent, formulas: formulas, rng: &agentRNG)
    var best = agent.actor.copy(), bestReturn = -Double.infinity, bestStep = 0
    var returns: [Double] = []
    var failure: (any Error)?
    let start = Date(), cpuStart = processorSeconds()
    // trainInteracting's own curve is evaluated only at the start and the end; the selection runs here.
    var schedule = configuration.schedule
    schedule.evaluationInterval = max(1, schedule.updates)
    _ = try trainInteracting(agent, environment: environment, schedule: schedule,
                             explorationNoise: configuration.finalNoise / maxAction, evaluator: selection,
                             rng: &agentRNG, concurrentRNG: &unused, progress: { step in
        guard step > configuration.randomSteps, step % selectionInterval == 0 || step == configuration.environmentSteps,
              failure == nil else { return }
        do {
            let point = try selection.evaluate(policy: { agent.actions(for: $0) })
            returns.append(point.averageReturn)
            if point.averageReturn > bestReturn {
                bestReturn = point.averageReturn
                bestStep = step
                best = agent.actor.copy()
            }
            log("  expert seed \(seed): step \(step), return \(String(format: "%.0f", point.averageReturn)), best "
                + "\(String(format: "%.0f", bestReturn)) at \(bestStep), " + String(format: "%.0f s", Date().timeIntervalSince(start)))
        } catch {
            failure = error
        }
    })
    if let failure { throw failure }
    try best.saveWeights(to: url)
    let point = try heldOut.evaluate(policy: { best(Tensor($0)).value })
    return ExpertReport(seed: seed, configuration: configuration, selectionInterval: selectionInterval, bestStep: bestStep,
                        bestSelectionReturn: bestReturn, selectionReturns: returns, heldOutReturn: point.averageReturn,
                        heldOutStandardDeviation: point.returnStandardDeviation, heldOutTrueValue: point.trueValue,
                        heldOutEpisodes: heldOutEpisodes, wallSeconds: Date().timeIntervalSince(start),
                        cpuSeconds: processorSeconds() - cpuStart)
}
