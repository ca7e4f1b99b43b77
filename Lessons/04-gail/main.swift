import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions

let args = CommandLine.arguments
let demosCount = Int(args.count > 1 ? args[1] : "1")!
let iterations = Int(args.count > 2 ? args[2] : "20")!
let seed = UInt64(args.count > 3 ? args[3] : "0")!
let demoLength = Int(args.count > 4 ? args[4] : "300")!
let noise = Double(args.count > 5 ? args[5] : "0.1")!
let form = (args.count > 6 && args[6] == "logD") ? GAILRewardForm.logD : .negativeLogOneMinusD

let car = LaneKeepingCar()
let expert = LaneKeepingExpert(for: car, knobs: ExpertKnobs(noise: noise))
let demos = try Rollout.run(car, expert: expert, episodes: demosCount, seed: 10_000 + seed * 100, maxSteps: demoLength)
let expertStats = EpisodeStatistics(try Rollout.run(car, expert: expert, episodes: 20, seed: 1_000_000))
print("expert:", expertStats)

// BC
let pairs = try ExpertPairs(demos)
let dataset = try ImitationDataset(observations: pairs.observations, actions: pairs.actions)
var rng = RandomSource(seed: seed)
var t0 = Date()
let bc = try BehaviorCloning(configuration: .init(gradientSteps: 2000), formulas: Solutions.all.behaviorCloning)
    .train(on: dataset, actionLow: [-1], actionHigh: [1], rng: &rng)
let bcStats = EpisodeStatistics(try Rollout.run(car, episodes: 20, seed: 1_000_000) { o, _ in bc.policy.action(for: o) })
print("BC (\(demosCount) demos × \(demoLength)):", bcStats, String(format: "%.1fs", Date().timeIntervalSince(t0)))

// GAIL
t0 = Date()
var config = GAILConfiguration()
config.rewardForm = form
config.rollouts.evaluationInterval = 2
if let v = ProcessInfo.processInfo.environment["LOGSTD"] { config.initialLogStd = Float(v)! }
if let v = ProcessInfo.processInfo.environment["DSTEPS"] { config.discriminatorStepsPerIteration = Int(v)! }
if ProcessInfo.processInfo.environment["LEARNER"] == "reinforce" { var c = REINFORCEConfiguration(); if let v = ProcessInfo.processInfo.environment["RLR"] { c.policyLearningRate = Float(v)! }; config.learner = .reinforce(c) }
if let v = ProcessInfo.processInfo.environment["DLR"] { config.discriminatorLearningRate = Float(v)! }
let gail = try GAIL(environment: car, demonstrations: pairs, configuration: config,
                    formulas: Solutions.AdversarialImitation(), rng: &rng)
try gail.train(iterations: iterations, rng: &rng) { r in
    let p = r.point
    print(String(format: "it steps %6d  train %7.1f len %5.1f  eval %7.1f  D(E) %.2f D(π) %.2f  r %.3f  kl %.4f clip %.2f vloss %.2f std %.2f  %.1fs",
                 p.environmentSteps, p.trainingReturn, p.trainingEpisodeLength, p.evaluationReturn,
                 p.extras[GAILMetric.expertD] ?? .nan, p.extras[GAILMetric.policyD] ?? .nan,
                 p.extras[GAILMetric.imitationReward] ?? .nan, r.update.approximateKL, r.update.clipFraction,
                 r.update.valueLoss, gail.policy.standardDeviations[0], Date().timeIntervalSince(t0)))
}
let evals = gail.curve.evaluatedPoints.map(\.evaluationReturn)
let final = try PolicyEvaluation.statistics(of: gail.policy, in: car, episodes: 20, seed: 1_000_000)
print(String(format: "SUMMARY N %d seed %d  BC %.1f  GAIL final %.1f  last3 %.1f  steps %d  time %.1fs", demosCount, seed, bcStats.meanReturn,
             final.meanReturn, evals.suffix(3).reduce(0, +) / Double(min(3, evals.count)), gail.environmentSteps, Date().timeIntervalSince(t0)))
