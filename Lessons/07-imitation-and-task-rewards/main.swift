import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions

// Scratch driver (temporary).
let env = ProcessInfo.processInfo.environment
func knob<T: LosslessStringConvertible>(_ name: String, _ value: T) -> T { env[name].flatMap(T.init) ?? value }
let m = Solutions.RewardMixing()

var task = PushingTask()
task.dt = knob("DT", 0.2)
task.maxEpisodeSteps = knob("MAXSTEPS", 60)
task.goalRadius = knob("GOALR", 0.2)
let demos = try task.demonstrations(count: knob("DEMOS", 20), seed: 77_000)
print("demos:", try m.successStatistics(of: demos))
print("expert eval:", try m.successStatistics(of: try Rollout.run(task.environment, expert: task.demonstrator, episodes: 100, seed: 1_000_000)))
print("optimal eval:", try m.successStatistics(of: try Rollout.run(task.environment, expert: task.optimalExpert, episodes: 100, seed: 1_000_000)))

var c = MixedRewardConfiguration()
c.taskRewardScale = knob("TASKSCALE", 50)
c.rollouts.environments = knob("ENVS", 8)
c.rollouts.stepsPerEnvironment = knob("TSTEPS", 128)
c.ppo.epochs = knob("EPOCHS", 4)
c.ppo.minibatchSize = knob("MB", 128)
c.ppo.policyLearningRate = knob("PLR", 1e-3)
c.ppo.valueLearningRate = knob("VLR", 1e-3)
c.ppo.discount = knob("GAMMA", 0.98)
c.ppo.entropyCoefficient = knob("ENT", 0)
let h: Int = knob("HID", 32)
c.policyHiddenSizes = [h, h]
c.discriminatorHiddenSizes = [knob("DHID", 32), knob("DHID", 32)]
c.discriminatorStepsPerIteration = knob("DSTEPS", 8)
c.discriminatorMinibatchSize = knob("DMB", 256)
c.discriminatorLearningRate = knob("DLR", 1e-3)
c.initialLogStd = knob("LOGSTD", -0.5)
if env["SCALING"] == "bounds" { c.inputScaling = .environmentBounds }
if env["ACT"] == "tanh" { c.hiddenActivation = .tanh }

var view = DiscriminatorView.blockOnly
if env["VIEW"] == "full" { view = .blockAndPusher }
if let idx = env["VIEWIDX"] { view = DiscriminatorView(name: "custom", observationIndices: idx.split(separator: ",").map { Int($0)! }, includesActions: env["VIEWACT"] == "1") }
let lambdas = (env["LAMBDAS"] ?? "0,0.5,1").split(separator: ",").map { Float($0)! }
let resetP: Double = knob("RESETP", 0.8)
var variants = lambdas.map { RewardMixingVariant(name: "λ=\($0)", imitationWeight: $0, discriminatorView: view, demonstrationStartProbability: resetP) }
if env["ABL"] == "1" {
    let l: Float = knob("ABLL", 0.5)
    variants.append(RewardMixingVariant(name: "noreset λ=\(l)", imitationWeight: l, discriminatorView: view, demonstrationStartProbability: 0))
    let other: DiscriminatorView = view == .blockAndPusher ? .blockOnly : .blockAndPusher
    variants.append(RewardMixingVariant(name: "\(other.name) λ=\(l)", imitationWeight: l, discriminatorView: other, demonstrationStartProbability: resetP))
}
let seeds = (0..<UInt64(knob("SEEDS", 3))).map { $0 }
if env["DIAG"] == "1" {
    var cc = variants[0].configuration(from: c)
    cc.rollouts.evaluationInterval = 0
    var rng = RandomSource(seed: knob("SEED", 0))
    let agent = try MixedRewardAgent(environment: task.environment, demonstrations: demos, configuration: cc,
                                     imitation: Solutions.AdversarialImitation(), mixing: m, rng: &rng)
    let pairs = try ExpertPairs(demos)
    let moving = (0..<pairs.count).filter { i in abs(pairs.observations[i, 4]) + abs(pairs.observations[i, 5]) > 0.02 }
    let resting = (0..<pairs.count).filter { i in abs(pairs.observations[i, 4]) + abs(pairs.observations[i, 5]) <= 0.02 }
    func meanR(_ idx: [Int]) throws -> Double {
        let r = try agent.imitationRewards(observations: pairs.observations.rows(idx), actions: pairs.actions.rows(idx))
        return r.reduce(0.0) { $0 + Double($1) } / Double(max(r.count, 1))
    }
    for it in 1...knob("ITERS", 60) {
        let r = try agent.iterate(rng: &rng)
        if it % 5 == 0 {
            let p = r.point
            let eval = try m.successStatistics(of: try PolicyEvaluation.trajectories(of: agent.policy, in: task.environment, episodes: 30, seed: 1_000_000))
            print(String(format: "it %3d succ(train) %.2f len %5.1f | eval %.2f | D(E) %.2f D(π) %.2f dloss %.3f | rG expert moving %.3f resting %.3f policy %.3f | std %.2f",
                         it, p.trainingSuccessRate, p.trainingEpisodeLength, eval.successRate, p.extras[GAILMetric.expertD] ?? .nan,
                         p.extras[GAILMetric.policyD] ?? .nan, p.extras[GAILMetric.discriminatorLoss] ?? .nan,
                         try meanR(moving), try meanR(resting), p.extras[GAILMetric.imitationReward] ?? .nan, agent.policy.standardDeviations[0]))
        }
    }
    exit(0)
}
let experiment = RewardMixingExperiment(task: task, baseConfiguration: c, demonstrations: demos, iterations: knob("ITERS", 60),
                                        evaluationInterval: knob("EVALINT", 10), evaluationEpisodes: knob("EVALEPS", 20),
                                        finalEvaluationEpisodes: knob("FINALEPS", 50))
let t0 = Date()
let runs = try experiment.runAll(variants, seeds: seeds, imitation: Solutions.AdversarialImitation(), mixing: m, parallelism: knob("PAR", 2))
let dt = Date().timeIntervalSince(t0)
for v in variants {
    let rs = runs.filter { $0.variant == v }
    let finals = rs.map(\.finalEvaluation.successRate)
    let speeds = rs.map(\.finalEvaluation.meanStepsToSuccess)
    let auc = rs.map(\.meanSuccessAlongTraining)
    func f(_ xs: [Double]) -> String { xs.map { String(format: "%.2f", $0) }.joined(separator: " ") }
    let npts = rs[0].successCurve.count
    let meanCurve = (0..<npts).map { i in rs.map { $0.successCurve[i].successRate }.reduce(0, +) / Double(rs.count) }
    print("   curve:", meanCurve.map { String(format: "%.2f", $0) }.joined(separator: " "))
    print(String(format: "%-16@ final %.2f [%@]  auc %.2f [%@]  steps→succ [%@]", v.name as NSString,
                 finals.reduce(0, +) / Double(finals.count), f(finals), auc.reduce(0, +) / Double(auc.count), f(auc), f(speeds)))
}
let steps = runs.map(\.environmentSteps).reduce(0, +)
print(String(format: "TOTAL %.1fs  %d runs  %d steps  %.0f steps/s", dt, runs.count, steps, Double(steps) / dt))
