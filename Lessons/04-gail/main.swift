// Lesson 4: generative adversarial imitation learning. The policy is a generator conditioned on
// the state, a discriminator tells the expert's state-action pairs from the policy's, and a
// policy-gradient learner (REINFORCE or PPO) maximises the discriminator's reward. The experiment
// compares GAIL with behavior cloning on the lane-keeping car from 1 to 25 short demonstrations.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 4, slug: "gail", title: "Generative adversarial imitation learning (GAIL)")

lesson.markdown(Prose.introduction)
lesson.markdown(Prose.discriminator)
lesson.markdown(Prose.reward)
lesson.markdown(Prose.policyGradient)
lesson.markdown(Prose.algorithm)
lesson.listing("One GAIL iteration: collect with π_θ, reward every transition, update the policy",
               file: "Sources/Algorithms/PolicyGradient/OnPolicyTrainer.swift", region: "on-policy-iteration")
lesson.listing("The reward of a batch: discriminator steps on L_D (exercise 4.1), then r_GAIL (4.2)",
               file: "Sources/Algorithms/GAIL/DiscriminatorReward.swift", region: "discriminator-and-reward")
lesson.listing("PPO's update: GAE (exercise 4.5) and the clipped surrogate (4.4)",
               file: "Sources/Algorithms/PolicyGradient/PPO.swift", region: "ppo-update")
lesson.listing("The advantages PPO's update starts from: GAE (exercise 4.5) on the critic's V(s) and V(s'), and the returns A + V",
               file: "Sources/Algorithms/PolicyGradient/PolicyGradientLearner.swift", region: "advantage-estimate")

// Shared between cells, as in a notebook.
var results = Lesson04Results()
lesson.results { results }
var settings = ExperimentSettings.full
var task = CarTask(seed: 0)
var expertReturn = 0.0
var expertCornerCutting = 0.0
var bcRuns: [BCRun] = []
var gailRuns: [GAILRun] = []
var penaltyRuns: [GAILRun] = []
var reinforceRuns: [GAILRun] = []

/// The lesson's formulas: the reference answers, or the student's with `--implementation exercises`.
func exercises(_ context: LessonContext) -> ExerciseSet {
    exerciseSet(for: context.implementation).set
}

lesson.code("The expert and its demonstrations") { context in
    settings = context.choose(full: .full, quick: .quick)
    settings.seeds = context.seedCount(settings.seeds)
    settings.sideSeeds = context.seedCount(settings.sideSeeds)
    task = CarTask(seed: context.seed)
    let expertEpisodes = try task.expertEpisodes(settings.evaluationEpisodes)
    let expert = EpisodeStatistics(expertEpisodes)
    expertReturn = expert.meanReturn
    expertCornerCutting = cornerCutting(expertEpisodes, track: task.car.track)
    context.print("The expert on the evaluation episodes:", expert)

    // How much of the track the demonstrations show: the fraction of 1 m stretches they pass.
    var table = Table("What N demonstrations of \(settings.demonstrationLength) steps show (seed 0)",
                      columns: ["N", "expert pairs", .init("track covered", format: .percent(0))])
    let all = try task.demonstrations(seedIndex: 0, count: settings.demonstrationCounts.max()!, length: settings.demonstrationLength)
    let stretches = Int(task.car.track.length)
    for count in settings.demonstrationCounts {
        var seen = Set<Int>()
        for demo in all.prefix(count) {
            for state in demo.states { seen.insert(Int(state.arcLength) % stretches) }
        }
        try table.addRow(count, all.prefix(count).map(\.count).reduce(0, +), Double(seen.count) / Double(stretches))
    }
    context.show(table)
    results.setup = .init(expertReturn: expert.meanReturn, expertReturnStandardDeviation: expert.returnStandardDeviation,
                          demonstrationCounts: settings.demonstrationCounts, demonstrationLength: settings.demonstrationLength,
                          evaluationEpisodes: settings.evaluationEpisodes, seeds: settings.seeds,
                          gailIterations: settings.gailIterations)
}

lesson.code("Behavior cloning from N demonstrations") { context in
    let set = exercises(context)
    let (runTask, runSettings) = (task, settings)
    bcRuns = []
    // Each seed's runs (one per N), trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("behavior-cloning", count: settings.seeds) { indices in
        try runPerSeed(counts: runSettings.demonstrationCounts, indices: indices) { count, seedIndex -> BCRun in
            let demos = try runTask.demonstrations(seedIndex: seedIndex, count: count, length: runSettings.demonstrationLength)
            return try runBehaviorCloning(task: runTask, settings: runSettings, demonstrations: demos, seedIndex: seedIndex,
                                          formulas: set.behaviorCloning)
        }
    }
    bcRuns = settings.demonstrationCounts.indices.flatMap { c in perSeed.map { $0[c] } }
    var table = Table("Behavior cloning (lesson 1's trainer and your lesson-1 code): return, mean ± std over \(settings.seeds) seeds",
                      columns: ["N", .init("return", format: .fixed(1)), .init("episode length", format: .fixed(0))])
    for count in settings.demonstrationCounts {
        let runs = bcRuns.filter { $0.demonstrations == count }
        let stats = meanAndStandardDeviation(of: runs.map(\.finalReturn), kind: .sample)
        try table.addRow(count, Table.Cell.estimate(mean: stats.mean, spread: stats.std), meanAndStandardDeviation(of: runs.map(\.finalLength), kind: .sample).mean)
    }
    context.show(table)
    results.behaviorCloning = returnSweep(bcRuns.map { ($0.demonstrations, $0.finalReturn) }, environmentSteps: 0)
}

lesson.code("GAIL from the same demonstrations") { context in
    let set = exercises(context)
    let (runTask, runSettings) = (task, settings)
    var seconds: Double?, jobCount = 0
    gailRuns = []
    // Each seed's runs (one per N), trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("gail", count: settings.seeds) { indices in
        jobCount = runSettings.demonstrationCounts.count * indices.count
        let bar = context.progress(total: jobCount, label: "GAIL runs")
        let start = Date()
        let runs = try runPerSeed(counts: runSettings.demonstrationCounts, indices: indices) { count, seedIndex -> GAILRun in
            let demos = try runTask.demonstrations(seedIndex: seedIndex, count: count, length: runSettings.demonstrationLength)
            let gail = try runGAIL(task: runTask, settings: runSettings, demonstrations: demos, seedIndex: seedIndex,
                                   formulas: set.adversarialImitation, learner: .ppo(runSettings.ppo))
            bar.advance(status: "N = \(count), seed \(seedIndex): return \(Int(gail.finalReturn))")
            return gail
        }
        bar.finish()
        seconds = Date().timeIntervalSince(start)
        return runs
    }
    gailRuns = settings.demonstrationCounts.indices.flatMap { c in perSeed.map { $0[c] } }

    var table = Table("Return of the final policies (mean ± std over \(settings.seeds) seeds; expert \(String(format: "%.1f", expertReturn)))",
                      columns: ["N", .init("BC", format: .fixed(1)), .init("GAIL", format: .fixed(1)),
                                "BC env. steps", "GAIL env. steps"])
    for count in settings.demonstrationCounts {
        let bc = bcRuns.filter { $0.demonstrations == count }.map(\.finalReturn)
        let gail = meanAndStandardDeviation(of: gailRuns.filter { $0.demonstrations == count }.map(\.finalReturn), kind: .sample)
        let bcCell = bc.isEmpty ? Table.Cell.text("(not run)")
            : Table.Cell.estimate(mean: meanAndStandardDeviation(of: bc, kind: .sample).mean, spread: meanAndStandardDeviation(of: bc, kind: .sample).std)
        try table.addRow(count, bcCell, Table.Cell.estimate(mean: gail.mean, spread: gail.std), 0, gailRuns[0].environmentSteps)
    }
    context.show(table)
    if let seconds {
        context.print(String(format: "%d GAIL runs in %.1f s on %d threads.", jobCount, seconds,
                             min(jobCount, ProcessInfo.processInfo.activeProcessorCount)))
    }
    results.gail = returnSweep(gailRuns.map { ($0.demonstrations, $0.finalReturn) }, environmentSteps: gailRuns[0].environmentSteps)
    results.cornerCutting = .init(expert: expertCornerCutting,
                                  gail: meanAndStandardDeviation(of: gailRuns.map(\.cornerCutting), kind: .sample).mean)
}

/// The final returns of `runs` (N, return) over the sweep, in the order of `settings.demonstrationCounts`.
@MainActor func returnSweep(_ runs: [(count: Int, value: Double)], environmentSteps: Int) -> Lesson04Results.ReturnSweep {
    let stats = statistics(runs)
    return .init(returnMean: stats.map(\.mean), returnStandardDeviation: stats.map(\.std),
                 returnPerSeed: settings.demonstrationCounts.map { n in runs.filter { $0.count == n }.map(\.value) },
                 environmentSteps: environmentSteps)
}

/// Mean and std of the values for each N of the experiment, in the order of `settings.demonstrationCounts`.
@MainActor func statistics(_ values: [(count: Int, value: Double)]) -> [(mean: Double, std: Double)] {
    settings.demonstrationCounts.map { n in meanAndStandardDeviation(of: values.filter { $0.count == n }.map(\.value), kind: .sample) }
}

/// Skips the calling cell unless the GAIL runs (and, if `needsBC`, the BC runs) exist.
@MainActor func requireRuns(bc needsBC: Bool = false) throws {
    if gailRuns.isEmpty { throw CellSkipped("needs the GAIL runs of the cell \"GAIL from the same demonstrations\"") }
    if needsBC && bcRuns.isEmpty { throw CellSkipped("needs the runs of the cell \"Behavior cloning from N demonstrations\"") }
}

lesson.figure("return-vs-demonstrations", caption: "Final return against the number of 50-step demonstrations N: "
    + "behavior cloning (red) needs many demonstrations to stay on the road, GAIL (blue) reaches the expert's "
    + "return (dashed) from one, at the price of tens of thousands of environment steps.") { _ in
    try requireRuns(bc: true)
    return returnVersusDemonstrationsFigure(
        counts: settings.demonstrationCounts,
        bc: statistics(bcRuns.map { ($0.demonstrations, $0.finalReturn) }),
        gail: statistics(gailRuns.map { ($0.demonstrations, $0.finalReturn) }),
        expert: expertReturn, seeds: settings.seeds, gailSteps: gailRuns.first?.environmentSteps ?? 0)
}

lesson.code("The GAIL learning curve") { context in
    try requireRuns()
    let fewest = settings.demonstrationCounts.min()!, most = settings.demonstrationCounts.max()!
    var table = Table("GAIL's evaluation return during training (mean over seeds)",
                      columns: ["N", .init("first evaluation", format: .fixed(1)), "env. steps at first evaluation",
                                "env. steps to 90% of the expert"])
    var stepsToNinety: [Double] = [], firstEvaluations: [Double] = []
    for count in settings.demonstrationCounts {
        let curve = curveStatistics(gailRuns.filter { $0.demonstrations == count }, evaluatedOnly: true) { $0.evaluationReturn }
        let reached = zip(curve.x, curve.mean).first { $0.1 >= 0.9 * expertReturn }?.0
        stepsToNinety.append(reached ?? -1)
        firstEvaluations.append(curve.mean.first ?? .nan)
        try table.addRow(count, curve.mean.first ?? .nan, Int(curve.x.first ?? 0), reached.map { "\(Int($0))" } ?? "not reached")
    }
    context.show(table)
    let curve = { (count: Int) -> Lesson04Results.Curve in
        let c = curveStatistics(gailRuns.filter { $0.demonstrations == count }, evaluatedOnly: true) { $0.evaluationReturn }
        return .init(demonstrations: count, environmentSteps: c.x, mean: c.mean, standardDeviation: c.std)
    }
    results.learningCurve = .init(stepsToNinetyPercent: stepsToNinety, firstEvaluationReturn: firstEvaluations,
                                  firstEvaluationSteps: settings.curveInterval * OnPolicyConfiguration().stepsPerIteration,
                                  fewest: curve(fewest), most: curve(most))
}

lesson.figure("gail-learning-curve", caption: "GAIL's evaluation return against environment steps (mean ± std "
    + "over seeds) with the fewest and the most demonstrations; behavior cloning's returns sit at 0 steps, as it "
    + "never interacts with the environment.") { _ in
    try requireRuns()
    let counts = [settings.demonstrationCounts.min()!, settings.demonstrationCounts.max()!]
    let curves = counts.map { n -> (count: Int, x: [Double], mean: [Double], std: [Double]) in
        let c = curveStatistics(gailRuns.filter { $0.demonstrations == n }, evaluatedOnly: true) { $0.evaluationReturn }
        return (n, c.x, c.mean, c.std)
    }
    let bc = bcRuns.isEmpty ? [] : counts.map { n in (n, meanAndStandardDeviation(of: bcRuns.filter { $0.demonstrations == n }.map(\.finalReturn), kind: .sample).mean) }
    return learningCurveFigure(curves: curves, bcAtZero: bc, expert: expertReturn, seeds: settings.seeds)
}

lesson.figure("discriminator-output", caption: "The discriminator's mean output on expert pairs (black) and on "
    + "the policy's fresh pairs (blue), before each iteration's update, with the fewest (solid) and the most "
    + "(dashed) demonstrations. The two separate and stay apart even once the policy drives like the expert: the "
    + "policy's sampled actions carry exploration noise the noise-free expert never shows, and it drives whole "
    + "laps while few demonstrations show part of the track, so the gap is widest for the fewest.") { _ in
    try requireRuns()
    let series = [settings.demonstrationCounts.min()!, settings.demonstrationCounts.max()!].map { count in
        let runs = gailRuns.filter { $0.demonstrations == count }
        let expert = curveStatistics(runs) { $0.extras[GAILMetric.expertD] ?? .nan }
        let policy = curveStatistics(runs) { $0.extras[GAILMetric.policyD] ?? .nan }
        return (count, expert, policy)
    }
    func curve(_ s: (count: Int, expert: (x: [Double], mean: [Double], std: [Double]),
                     policy: (x: [Double], mean: [Double], std: [Double]))) -> Lesson04Results.DiscriminatorCurve {
        .init(demonstrations: s.count, environmentSteps: s.expert.x, expert: s.expert.mean, policy: s.policy.mean)
    }
    results.discriminator = .init(fewest: curve(series[0]), most: curve(series[1]))
    return discriminatorFigure(series: series, seeds: settings.seeds)
}

lesson.code("Where the two policies drive") { context in
    try requireRuns(bc: true)
    let fewest = settings.demonstrationCounts.min()!
    let demos = try task.demonstrations(seedIndex: 0, count: fewest, length: settings.demonstrationLength)
    let bc = bcRuns.first { $0.demonstrations == fewest && $0.seedIndex == 0 }!
    let gail = gailRuns.first { $0.demonstrations == fewest && $0.seedIndex == 0 }!
    let car = task.car
    func fate(_ name: String, _ path: Path) -> String {
        let steps = max(path.x.count - 1, 0)
        return steps < car.maxEpisodeSteps
            ? "\(name) leaves the lane after \(steps) steps (about \(Int(Double(steps) * car.speed * car.dt)) m)"
            : "\(name) drives all \(steps) steps"
    }
    let caption = "The first evaluation episode of seed 0's policies trained on N = \(fewest) demonstration(s) "
        + "(black; the demonstrations cover part of the track only). From the same start, \(fate("behavior cloning", bc.path)); "
        + "\(fate("GAIL", gail.path))."
    try context.figure("paths", caption: caption) {
        pathsFigure(track: car.track, demonstrations: demos.map { Path($0, track: car.track) },
                    bc: bc.path, gail: gail.path, count: fewest)
    }
}

lesson.code("The sign of the reward: log D on the car") { context in
    // A shard (--seeds) has no GAIL runs to compare with but trains its seeds of this experiment.
    if context.seedRange == nil { try requireRuns() }
    penaltyRuns = []
    let set = exercises(context)
    let (runTask, runSettings) = (task, settings)
    let count = settings.sideDemonstrations
    penaltyRuns = try sideExperimentRuns("reward-sign", label: "GAIL with r = log D", context: context, task: runTask,
                                         settings: runSettings) { demonstrations, seedIndex in
        try runGAIL(task: runTask, settings: runSettings, demonstrations: demonstrations, seedIndex: seedIndex,
                    formulas: set.adversarialImitation, rewardForm: .logD, learner: .ppo(runSettings.ppo))
    }
    try requireRuns()
    let bonusRuns = gailRuns.filter { $0.demonstrations == count && $0.seedIndex < settings.sideSeeds }
    var table = Table("GAIL on the car with each reward (N = \(count), mean over \(settings.sideSeeds) seed(s))",
                      columns: ["reward", .init("final return", format: .fixed(1)), .init("final episode length", format: .fixed(1)),
                                .init("training episode length, last iteration", format: .fixed(1))])
    for (name, runs) in [("−log(1 − D), survival bonus", bonusRuns), ("log D, per-step penalty", penaltyRuns)] {
        try table.addRow(name, meanAndStandardDeviation(of: runs.map(\.finalReturn), kind: .sample).mean, meanAndStandardDeviation(of: runs.map(\.finalLength), kind: .sample).mean,
                         meanAndStandardDeviation(of: runs.compactMap { $0.curve.points.last?.trainingEpisodeLength }, kind: .sample).mean)
    }
    context.show(table)
    func finalPolicy(_ runs: [GAILRun]) -> Lesson04Results.FinalPolicy {
        .init(finalLength: meanAndStandardDeviation(of: runs.map(\.finalLength), kind: .sample).mean,
              finalReturn: meanAndStandardDeviation(of: runs.map(\.finalReturn), kind: .sample).mean)
    }
    results.rewardSign = .init(penalty: finalPolicy(penaltyRuns), bonus: finalPolicy(bonusRuns))
}

lesson.figure("reward-sign", caption: "Training episode length with the two imitation rewards on the car. With "
    + "the survival bonus −log(1 − D) the episodes grow to the time limit; with the per-step penalty log D the "
    + "agent learns that leaving the road early is the cheapest way to stop paying.") { _ in
    try requireRuns()
    if penaltyRuns.isEmpty { throw CellSkipped("needs the runs of the cell \"The sign of the reward\"") }
    let count = settings.sideDemonstrations
    let bonusRuns = gailRuns.filter { $0.demonstrations == count && $0.seedIndex < settings.sideSeeds }
    return rewardSignFigure(penalty: curveStatistics(penaltyRuns) { $0.trainingEpisodeLength },
                            bonus: curveStatistics(bonusRuns) { $0.trainingEpisodeLength },
                            count: count, seeds: settings.sideSeeds)
}

lesson.code("REINFORCE or PPO as GAIL's learner") { context in
    // A shard (--seeds) has no GAIL runs to compare with but trains its seeds of this experiment.
    if context.seedRange == nil { try requireRuns() }
    reinforceRuns = []
    let set = exercises(context)
    let (runTask, runSettings) = (task, settings)
    let count = settings.sideDemonstrations
    let configuration = REINFORCEConfiguration()
    reinforceRuns = try sideExperimentRuns("reinforce", label: "GAIL with REINFORCE", context: context, task: runTask,
                                           settings: runSettings) { demonstrations, seedIndex in
        try runGAIL(task: runTask, settings: runSettings, demonstrations: demonstrations, seedIndex: seedIndex,
                    formulas: set.adversarialImitation, learner: .reinforce(configuration),
                    iterations: runSettings.reinforceIterations, tag: 3)
    }
    try requireRuns()
    let ppoRuns = gailRuns.filter { $0.demonstrations == count && $0.seedIndex < settings.sideSeeds }
    var table = Table("GAIL with each learner (N = \(count), mean over \(settings.sideSeeds) seed(s))",
                      columns: ["learner", "env. steps", "policy gradient steps", .init("final return", format: .fixed(1))])
    try table.addRow("PPO", ppoRuns[0].environmentSteps, ppoRuns[0].gradientSteps, meanAndStandardDeviation(of: ppoRuns.map(\.finalReturn), kind: .sample).mean)
    try table.addRow("REINFORCE", reinforceRuns[0].environmentSteps, reinforceRuns[0].gradientSteps,
                     meanAndStandardDeviation(of: reinforceRuns.map(\.finalReturn), kind: .sample).mean)
    context.show(table)
    results.learner = .init(ppoFinalReturn: meanAndStandardDeviation(of: ppoRuns.map(\.finalReturn), kind: .sample).mean,
                            reinforceFinalReturn: meanAndStandardDeviation(of: reinforceRuns.map(\.finalReturn), kind: .sample).mean,
                            reinforceEnvironmentSteps: reinforceRuns[0].environmentSteps)
}

lesson.figure("reinforce-vs-ppo", caption: "GAIL's evaluation return with PPO and with REINFORCE (one policy "
    + "step per batch of 2048 environment steps). Both learn from the same discriminator reward; PPO's many "
    + "clipped minibatch steps per batch make far better use of each environment step.") { _ in
    try requireRuns()
    if reinforceRuns.isEmpty { throw CellSkipped("needs the runs of the cell \"REINFORCE or PPO\"") }
    let count = settings.sideDemonstrations
    let ppoRuns = gailRuns.filter { $0.demonstrations == count && $0.seedIndex < settings.sideSeeds }
    return learnerFigure(ppo: curveStatistics(ppoRuns, evaluatedOnly: true) { $0.evaluationReturn },
                         reinforce: curveStatistics(reinforceRuns, evaluatedOnly: true) { $0.evaluationReturn },
                         expert: expertReturn, count: count, seeds: settings.sideSeeds)
}

lesson.code("What it costs: throughput") { context in
    try requireRuns()
    // The parts of one GAIL iteration, timed on a fresh run with one demonstration.
    let set = exercises(context)
    let demos = try task.demonstrations(seedIndex: 0, count: 1, length: settings.demonstrationLength)
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 99))
    let car = task.car
    func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }
    func parts<Formulas: GAILExercises>(_ formulas: Formulas) throws -> [(String, Double, Int)] {
        let gail = try GAIL(environment: car, demonstrations: try ExpertPairs(demos), formulas: formulas, rng: &rng)
        try gail.iterate(rng: &rng)   // warm up
        let steps = gail.trainer.configuration.stepsPerIteration
        var batch: RolloutBatch?
        let collect = try timed { batch = try gail.trainer.collector.collect(policy: gail.policy,
                                                                               stepsPerEnvironment: steps / 8, rng: &rng) }
        var rewards: [Float] = []
        let reward = try timed { rewards = try gail.trainer.rewardFunction(batch!) }
        var update: PolicyUpdateStatistics?
        let learn = try timed { update = try gail.trainer.learner.update(batch: batch!, rewards: rewards, rng: &rng) }
        var evaluated = 0
        let evaluate = try timed {
            evaluated = Int(try PolicyEvaluation.statistics(of: gail.policy, in: car, episodes: 5, seed: 1).meanLength * 5)
        }
        return [("collect \(steps) env. steps (8 environments, batched policy)", collect, steps),
                ("discriminator: \(gail.configuration.discriminatorStepsPerIteration) steps + rewards", reward,
                 gail.configuration.discriminatorStepsPerIteration),
                ("PPO update: \(update!.policyGradientSteps) policy + value steps", learn, update!.policyGradientSteps),
                ("evaluation: 5 episodes, one state at a time (\(evaluated) steps)", evaluate, evaluated)]
    }
    var table = Table("One GAIL iteration, part by part (one thread)",
                      columns: ["part", .init("seconds", format: .fixed(3)), .init("per second", format: .fixed(0))])
    for (name, seconds, count) in try parts(set.adversarialImitation) {
        try table.addRow(name, seconds, Double(count) / max(seconds, 1e-9))
    }
    context.show(table)

    let runs = gailRuns
    let steps = runs.map(\.environmentSteps).reduce(0, +)
    let gradientSteps = runs.map(\.gradientSteps).reduce(0, +)
    let seconds = runs.map(\.seconds).reduce(0, +)
    let bcSeconds = bcRuns.map(\.seconds).reduce(0, +)
    let bcSteps = bcRuns.map(\.gradientSteps).reduce(0, +)
    var whole = Table("Whole runs of the experiment (per thread, evaluations included)",
                      columns: ["method", .init("seconds per run", format: .fixed(2)), .init("env. steps / s", format: .fixed(0)),
                                .init("policy gradient steps / s", format: .fixed(0))])
    try whole.addRow("behavior cloning", bcSeconds / Double(max(bcRuns.count, 1)), 0, Double(bcSteps) / max(bcSeconds, 1e-9))
    try whole.addRow("GAIL (PPO)", seconds / Double(max(runs.count, 1)), Double(steps) / max(seconds, 1e-9),
                     Double(gradientSteps) / max(seconds, 1e-9))
    context.show(whole)
    context.print("Wall-clock numbers: they depend on the machine and on what else runs on it.")
}

lesson.code("What the numbers say") { context in
    guard let setup = results.setup, let bc = results.behaviorCloning, let gail = results.gail,
          let cutting = results.cornerCutting, let curve = results.learningCurve else {
        throw CellSkipped("needs the runs of the cells \"Behavior cloning from N demonstrations\", \"GAIL from the same "
                          + "demonstrations\" and \"The GAIL learning curve\"")
    }
    let counts = setup.demonstrationCounts, expertReturn = setup.expertReturn
    let fewest = counts.min()!, fewestIndex = counts.firstIndex(of: fewest)!
    let tolerance = 0.01 * abs(expertReturn)
    let worstExcess = zip(bc.returnMean, gail.returnMean).map { max($0 - expertReturn, $1 - expertReturn) }.max() ?? 0
    results.overExpert = .init(tolerance: tolerance, largestExcess: worstExcess)
    let ninety = curve.stepsToNinetyPercent[fewestIndex]
    func f(_ x: Double) -> String { String(format: "%.1f", x) }
    let excessText: String
    if worstExcess <= 0 {
        excessText = "No mean return, for any N, is above the expert's \(f(expertReturn))."
    } else if cutting.gail > cutting.expert {
        excessText = """
        Over every N, the largest mean return above the expert's \(f(expertReturn)) is \(f(worstExcess)) \
        (tolerance: 1% of the expert's return, \(f(tolerance))). Such a small excess needs no better driving: \
        the reward pays progress along the centre line, ṡ = v cos ψ / (1 − κd), so a car that keeps slightly to \
        the inside of the bends (κd > 0) scores a little more per step, and GAIL's mean κd along the evaluation \
        episodes is \(String(format: "%.4f", cutting.gail)) against the expert's \(String(format: "%.4f", cutting.expert)).
        """
    } else {
        excessText = """
        Over every N, the largest mean return above the expert's \(f(expertReturn)) is \(f(worstExcess)) \
        (tolerance: 1% of the expert's return, \(f(tolerance))): equal within the spread of the runs.
        """
    }
    context.markdown("""
    **GAIL beats BC when demonstrations are few.** With N = \(fewest) demonstration(s), GAIL's mean return \
    is \(f(gail.returnMean[fewestIndex])) against behavior cloning's \(f(bc.returnMean[fewestIndex])) (expert \(f(expertReturn))). \
    With \(counts.max()!) demonstrations they are \(f(gail.returnMean.last!)) and \(f(bc.returnMean.last!)): given enough \
    coverage of the track, cloning the actions is enough.

    **GAIL pays in environment steps.** Behavior cloning took no environment step; each GAIL run took \
    \(gail.environmentSteps.formatted()), and with N = \(fewest) its mean evaluation return first reached \
    90% of the expert's after \(ninety >= 0 ? Int(ninety).formatted() + " steps" : "more than all of them").

    **Neither exceeds the expert.** \(excessText)
    """)
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
