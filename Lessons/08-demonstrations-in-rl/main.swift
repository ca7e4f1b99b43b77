import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import Numerics

// Prototype driver (temporary).
let args = CommandLine.arguments
func arg(_ name: String, _ d: Double) -> Double {
    if let i = args.firstIndex(of: "--" + name), i + 1 < args.count, let v = Double(args[i + 1]) { return v }
    return d
}
let layout = PushingTask.Layout(goalDistance: arg("dist", 0.8), pusherDistance: arg("pdist", 0.35),
                                pusherBearing: arg("pbear", -Double.pi / 4), jitter: arg("jitter", 0.05),
                                maxEpisodeSteps: Int(arg("T", 100)))
let task = try PushingTask(layout: layout)
let set = exerciseSet(for: .reference).set
let formulas = DemonstrationFormulas(set)
let t0 = Date()
let demos = try DemonstrationCollection(task: task, expert: .demonstrator, count: Int(arg("demos", 10)), seed: 5)
print("demos: \(demos.trajectories.count) of \(demos.attempts), mean length \(demos.meanLength), longest \(demos.longest)")
let optimal = try Rollout.run(task, expert: PushingExpert.optimal, episodes: 20, seed: 9)
print("optimal:", EpisodeStatistics(optimal))
let demoStats = try Rollout.run(task, expert: PushingExpert.demonstrator, episodes: 50, seed: 9)
print("demonstrator:", EpisodeStatistics(demoStats))

var scheduleDraft = TrainingSchedule()
scheduleDraft.environmentSteps = Int(arg("steps", 10000))
scheduleDraft.evaluationInterval = Int(arg("eval", 1000))
scheduleDraft.randomSteps = Int(arg("random", 1000))
scheduleDraft.explorationNoise = Float(arg("noise", 0.2))
scheduleDraft.ddpg.tau = Float(arg("tau", 0.01))
scheduleDraft.ddpg.discount = Float(arg("gamma", 0.98))
scheduleDraft.ddpg.actorLearningRate = Float(arg("alr", 1e-3))
scheduleDraft.updatesPerStep = Int(arg("ups", 1))
scheduleDraft.returnSteps = Int(arg("nstep", 5))
if args.contains("--td3") { scheduleDraft.ddpg.td3 = TD3Options() }
scheduleDraft.ddpg.batchSize = Int(arg("batch", 128))
let schedule = scheduleDraft
let variants: [(String, DemonstrationUse)] = [
    ("scratch", DemonstrationUse()),
    ("replay-keep", DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: arg("frac", 0.25))),
    ("replay-remove", DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: arg("frac", 0.25), removal: RemovalRule())),
    ("pretrain", DemonstrationUse(pretraining: Pretraining(behaviorCloningSteps: Int(arg("bc", 1000)), policyEvaluationSteps: Int(arg("pe", 2000)), policyEvaluationTau: Float(arg("petau", 0.1)), criticWarmupSteps: Int(arg("warm", 0))))),
    ("pretrain-actor-only", DemonstrationUse(pretraining: Pretraining(behaviorCloningSteps: Int(arg("bc", 1000)), policyEvaluationSteps: 0))),
    ("pretrain+bc", DemonstrationUse(behaviorCloningWeight: Float(arg("lambda", 1)), usesQFilter: !args.contains("--nofilter"), pretraining: Pretraining(behaviorCloningSteps: Int(arg("bc", 1000)), policyEvaluationSteps: Int(arg("pe", 2000)), policyEvaluationTau: Float(arg("petau", 0.1)), criticWarmupSteps: Int(arg("warm", 0))))),
    ("curriculum", DemonstrationUse(curriculum: CurriculumSettings())),
]
let only = args.firstIndex(of: "--only").map { args[$0 + 1].split(separator: ",").map(String.init) }
let seeds = Int(arg("seeds", 2))
for (name, use) in variants where only == nil || only!.contains(name) {
    let start = Date()
    let runs = try runInParallel(seeds) { i in
        try trainWithDemonstrations(task: task, demonstrations: demos, use: use, schedule: schedule, formulas: formulas, seed: UInt64(100 + i))
    }
    let secs = Date().timeIntervalSince(start)
    print("\(name) [\(String(format: "%.1f", secs)) s]")
    for r in runs {
        print("   ", r.curve.successRates.map { String(format: "%.2f", $0) }.joined(separator: " "),
              "eps \(r.trainingEpisodes) succ \(r.trainingSuccesses) removed \(r.demonstrationsRemovedAtStep.map(String.init) ?? "-")",
              r.successAfterCloning.map { "bc \($0)" } ?? "", r.curriculumHistory.isEmpty ? "" : "curr \(r.curriculumHistory.map { "\($0.environmentStep):\($0.offset)" }.joined(separator: " "))")
    }
}
print("total", Date().timeIntervalSince(t0))

if args.contains("--diag") {
    var rng = RandomSource(seed: 1)
    let af = DemonstrationActorFormulas(base: set.offPolicyLearning, lesson: set.demonstrationsInRL, weight: 0)
    let agent = try DDPG(observationSize: 8, actionSize: 2, maxAction: 1, configuration: schedule.ddpg, formulas: af, rng: &rng)
    var replay = try DemonstrationReplay(capacity: 1000, observationSize: 8, actionSize: 2, demonstrationFraction: 1)
    try replay.addDemonstrations(demos.trajectories)
    let l1 = try DemonstrationPretraining.cloneActor(agent, demonstrations: demos.trajectories, steps: Int(arg("bc", 1000)), formulas: set.behaviorCloning, rng: &rng)
    print("bc loss", l1.first!, l1.last!)
    let l2 = try DemonstrationPretraining.evaluateCritic(agent, on: replay, steps: Int(arg("pe", 2000)), tau: Float(arg("petau", 0.1)), formulas: set.demonstrationsInRL, rng: &rng)
    print("pe loss", l2.first!, l2[l2.count / 2], l2.last!)
    let d = demos.trajectories[0]
    let T = d.count
    let S = Matrix(d.observations.prefix(T).map { $0 })
    let A = Matrix(d.actions)
    let q = agent.qValues(states: S, actions: A)
    let qpi = agent.qValues(states: S, actions: agent.actions(for: S))
    for t in stride(from: 0, to: T, by: 8) {
        print(t, String(format: "Q(s,aD)=%.3f Q(s,pi)=%.3f  gamma^k=%.3f", q[t, 0], qpi[t, 0], pow(Double(schedule.ddpg.discount), Double(T - t - 1))))
    }
    // Gradient of Q wrt action at pi(s): finite differences
    var worst = 0.0
    for t in stride(from: 0, to: T, by: 8) {
        let s = Matrix(rowVector: d.observations[t])
        let a = agent.actions(for: s)
        var best = Float(-1e9); var bestA: [Float] = []
        for i in -4...4 { for j in -4...4 {
            let aa = Matrix(rowVector: [Float(i) / 4, Float(j) / 4])
            let v = agent.qValues(states: s, actions: aa)[0, 0]
            if v > best { best = v; bestA = aa.row(0) }
        } }
        worst = max(worst, Double(best - agent.qValues(states: s, actions: a)[0, 0]))
        print(t, "pi", a.row(0), "argmax Q on grid", bestA, best)
    }
}

if args.contains("--diag2") {
    let use = DemonstrationUse(pretraining: Pretraining(behaviorCloningSteps: 1000, policyEvaluationSteps: 2000, policyEvaluationTau: 0.1, criticWarmupSteps: Int(arg("warm", 1000))))
    _ = try trainWithDemonstrations(task: task, demonstrations: demos, use: use, schedule: schedule, formulas: formulas, seed: 100, inspect: { agent in
        var env = task
        var rng = RandomSource(seed: 3)
        var o = env.reset(rng: &rng)
        for t in 0..<150 {
            let a = agent.act(o)
            let s = Matrix(rowVector: o)
            var best = Float(-1e9); var bestA: [Float] = []
            for i in -4...4 { for j in -4...4 {
                let aa = Matrix(rowVector: [Float(i) / 4, Float(j) / 4])
                let v = agent.qValues(states: s, actions: aa)[0, 0]
                if v > best { best = v; bestA = aa.row(0) }
            } }
            if t % 5 == 0 { print(t, "pusher", o[0], o[1], "block", o[2], o[3], "a", a, "Q", agent.qValues(states: s, actions: Matrix(rowVector: a))[0,0], "argmax", bestA, best) }
            let st = try env.step(a)
            o = st.observation
            if st.isDone { print("done", t, st.info.succeeded); break }
        }
    })
}
if args.contains("--sizes") {
    for dist in [0.4, 0.5, 0.6, 0.7, 0.8] {
        for pd in [0.3, 0.4] {
            let t = try PushingTask(layout: PushingTask.Layout(goalDistance: dist, pusherDistance: pd, maxEpisodeSteps: 100))
            let d = try Rollout.run(t, expert: PushingExpert.demonstrator, episodes: 50, seed: 9)
            let o = try Rollout.run(t, expert: PushingExpert.optimal, episodes: 20, seed: 9)
            let r = try Rollout.run(t, episodes: 200, seed: 9) { _, rng in [Float(rng.uniform(-1.0, 1.0)), Float(rng.uniform(-1.0, 1.0))] }
            // correlated random walk
            let c = try Rollout.run(t, episodes: 200, seed: 9) { o, rng in
                [Float(rng.normal(mean: 0.3, std: 0.6)), Float(rng.normal(mean: 0.3, std: 0.6))] }
            print(dist, pd, "demo", EpisodeStatistics(d).successRate, EpisodeStatistics(d).meanLength, "opt", EpisodeStatistics(o).meanLength, "random", EpisodeStatistics(r).successRate, "biased", EpisodeStatistics(c).successRate)
        }
    }
}
