// Lesson 7: combining imitation and task rewards (Zhu et al. 2018). PPO on
// r = λ·r_GAIL + (1 − λ)·r_task on a sparse-reward block-pushing task with a noisy, slow
// demonstrator: a sweep over λ, and ablations of the recipe (demonstration starts, the
// discriminator's mask, the task reward's scale).
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 7, slug: "imitation-and-task-rewards", title: "Combining imitation and task rewards")

lesson.markdown(Prose.introduction)
lesson.markdown(Prose.mixedReward)
lesson.markdown(Prose.survivalBonus)
lesson.markdown(Prose.recipe)
lesson.markdown(Prose.algorithm)
lesson.listing("One iteration: collect with the policy, reward every transition, update the policy",
               file: "Sources/Algorithms/PolicyGradient/OnPolicyTrainer.swift", region: "on-policy-iteration")
lesson.listing("The reward of a batch: discriminator steps (exercise 4.1), r_GAIL (4.2) on the masked view (7.2), the λ mix (7.1)",
               file: "Sources/Algorithms/GAIL/DiscriminatorReward.swift", region: "discriminator-and-reward")
lesson.listing("Where an episode starts: a demonstration state with probability p (exercise 7.3)",
               file: "Sources/Algorithms/RewardMixing/DemonstrationStart.swift", region: "demonstration-start")
lesson.listing("PPO's update: GAE (exercise 4.5) and the clipped surrogate (4.4)",
               file: "Sources/Algorithms/PolicyGradient/PPO.swift", region: "ppo-update")
lesson.listing("The advantages PPO's update starts from: GAE (exercise 4.5) on the critic's V(s) and V(s'), and the returns A + V",
               file: "Sources/Algorithms/PolicyGradient/PolicyGradientLearner.swift", region: "advantage-estimate")

// Shared between cells, as in a notebook.
var settings = ExperimentSettings.full
var task = PushingTask()
var demonstrations: [Trajectory<BlockPushing.State>] = []
var evaluationSeed: UInt64 = 1_000_000
var demonstrator = SuccessStatistics(episodes: 0, successes: 0, meanStepsToSuccess: .nan)
var designedExpert = SuccessStatistics(episodes: 0, successes: 0, meanStepsToSuccess: .nan)
var summaries: [VariantSummary] = []
var results = Lesson07Results()
lesson.results { results }

/// The summary of `variant` (after the experiment cell).
@MainActor
func summary(_ variant: RewardMixingVariant) throws -> VariantSummary {
    guard let found = summaries.first(where: { $0.variant == variant }) else {
        throw CellSkipped("needs the runs of the experiment cell")
    }
    return found
}

lesson.code("The task and its demonstrator") { context in
    settings = context.choose(full: .full, quick: .quick)
    task = PushingTask()
    evaluationSeed = RandomSource.derivedSeed(base: context.seed, scale: 10_007, offset: 1_000_000)
    let mixing = context.exercises.rewardMixing
    demonstrations = try task.demonstrations(count: settings.demonstrations, seed: RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 77_000))
    let given = try mixing.successStatistics(of: demonstrations)
    let env = task.environment
    demonstrator = try mixing.successStatistics(of: try Rollout.run(env, expert: task.demonstrator,
                                                                     episodes: settings.finalEvaluationEpisodes, seed: evaluationSeed))
    designedExpert = try mixing.successStatistics(of: try Rollout.run(env, expert: task.optimalExpert,
                                                                       episodes: settings.finalEvaluationEpisodes, seed: evaluationSeed))

    var scale = Table("What was scaled down from Zhu et al. (2018)", columns: ["", "Zhu et al. (2018)", "this lesson"])
    try scale.addRow("task", "lifting, stacking, pouring… with a robot arm", "push a disc into a goal on a 2 × 2 table")
    try scale.addRow("policy input", "camera images (and arm proprioception)", "8 numbers: pusher, block, velocity, goal")
    try scale.addRow("demonstrations", "a few per task, human teleoperation", "\(settings.demonstrations) by a noisy scripted demonstrator")
    try scale.addRow("learner", "PPO with many parallel workers", "PPO, 8 environments × 128 steps")
    try scale.addRow("training", "millions of steps, hours", "\(settings.iterations * 1024) steps per run, seconds")
    try scale.addRow("control step, time limit", "fixed-length episodes", "\(task.dt) s, \(task.maxEpisodeSteps) steps")
    try scale.addRow("networks", "CNN + LSTM policy", "32-32 ReLU MLPs")
    context.show(scale)

    var table = Table("The demonstrator against the controller it is a noisy copy of (\(settings.finalEvaluationEpisodes) "
                      + "episodes from the task's start states)",
                      columns: ["", .init("success", format: .percent(0)), .init("steps to success", format: .fixed(1))])
    try table.addRow("the \(settings.demonstrations) demonstrations given", given.successRate, given.meanStepsToSuccess)
    try table.addRow("demonstrator (noise 0.5, half speed, 30% worse controller)", demonstrator.successRate,
                     demonstrator.meanStepsToSuccess)
    try table.addRow("the same controller without noise, full speed", designedExpert.successRate, designedExpert.meanStepsToSuccess)
    context.show(table)
    context.markdown("""
        The task is `BlockPushing` with a \(task.dt) s control step, a \(task.maxEpisodeSteps)-step time limit and a goal \
        of radius \(task.goalRadius) (the environment's defaults: 0.1 s, 150 steps, 0.12). The sparse task reward is 1 on \
        the step the block enters the goal, which ends the episode. The demonstrator reaches the goal in \
        \(percent(demonstrator.successRate)) of the episodes, taking \
        \(fixed(demonstrator.meanStepsToSuccess)) steps when it does; the controller it is built from, without noise and at \
        full speed, needs \(fixed(designedExpert.meanStepsToSuccess)). There is plenty of room above the teacher.
        """)
    results.task = .init(dt: task.dt, maxEpisodeSteps: task.maxEpisodeSteps, goalRadius: task.goalRadius,
                         demonstrations: settings.demonstrations, demonstrationsSuccessRate: given.successRate,
                         demonstrator: demonstrator.recorded, designedExpert: designedExpert.recorded,
                         evaluationEpisodes: settings.finalEvaluationEpisodes)
}

lesson.code("Training: a sweep over λ and the ablations") { context in
    let set = context.exercises
    let variants = settings.sweep + settings.ablations
    let seeds = (0..<context.seedCount(settings.seeds)).map { trainingSeed(base: context.seed, index: $0) }
    let experiment = RewardMixingExperiment(task: task, baseConfiguration: MixedRewardConfiguration(),
                                            demonstrations: demonstrations, iterations: settings.iterations,
                                            evaluationInterval: settings.evaluationInterval,
                                            evaluationEpisodes: settings.evaluationEpisodes,
                                            finalEvaluationEpisodes: settings.finalEvaluationEpisodes,
                                            evaluationSeed: evaluationSeed)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    var seconds: Double?
    // Each seed's runs (one per variant), trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("training", count: seeds.count) { indices in
        context.print("\(variants.count) variants × \(indices.count) seeds = \(variants.count * indices.count) runs of "
                      + "\(experiment.stepsPerRun) environment steps, \(threads) at a time.")
        let bar = context.progress(total: variants.count * indices.count * settings.iterations, label: "PPO iterations")
        let start = Date()
        let runs = try experiment.runAll(variants, seeds: indices.map { seeds[$0] }, imitation: set.adversarialImitation,
                                         mixing: set.rewardMixing, parallelism: threads) { bar.advance() }
        bar.finish()
        seconds = Date().timeIntervalSince(start)
        return indices.indices.map { k in variants.indices.map { v in runs[v * indices.count + k] } }
    }
    let runs = perSeed.flatMap { $0 }
    summaries = variants.indices.map { v in VariantSummary(variant: variants[v], runs: perSeed.map { $0[v] }) }

    var table = Table("Final policies from the task's start states (mean ± std over \(seeds.count) seeds; demonstrator "
                      + "\(percent(demonstrator.successRate)) in \(fixed(demonstrator.meanStepsToSuccess)) steps)",
                      columns: ["variant", .init("success", format: .fixed(2)), .init("success along training", format: .fixed(2)),
                                .init("steps to success", format: .fixed(1)), .init("demo starts", format: .percent(0))])
    for summary in summaries {
        let final = meanAndStandardDeviation(of: summary.finalSuccess), along = meanAndStandardDeviation(of: summary.successAlongTraining)
        let steps = meanAndStandardDeviation(of: summary.stepsToSuccess)
        let starts = summary.runs.map(\.demonstrationStartFraction).reduce(0, +) / Double(max(summary.runs.count, 1))
        try table.addRow(summary.variant.name, Table.Cell.estimate(mean: final.mean, spread: final.std),
                         Table.Cell.estimate(mean: along.mean, spread: along.std),
                         steps.mean.isNaN ? Table.Cell.text("–") : Table.Cell.estimate(mean: steps.mean, spread: steps.std),
                         starts)
    }
    context.show(table)
    let steps = runs.map(\.environmentSteps).reduce(0, +)
    if let seconds {
        context.print(String(format: "%d runs, %d environment steps in %.1f s: %.0f steps/s on %d threads "
                             + "(collection, discriminator and PPO updates included).",
                             runs.count, steps, seconds, Double(steps) / seconds, threads))
    }

    // Wall time and throughput are printed above and kept in timing.json, not here, so that
    // results.json is the same on every run with the same seed.
    results.training = .init(seeds: seeds.count, iterations: settings.iterations, environmentSteps: steps,
                             sweep: try settings.sweep.map { try summary($0).recorded }, ablationLambda: Double("\(settings.ablationLambda)") ?? Double(settings.ablationLambda),
                             noDemoStarts: try summary(settings.withoutStarts).recorded,
                             blockAndPusher: try summary(settings.unmasked).recorded,
                             blockAndPusherNoDemoStarts: settings.includesExtraAblations
                                 ? try summary(settings.unmaskedWithoutStarts).recorded : nil,
                             unscaledTaskReward: settings.includesExtraAblations ? try summary(settings.unscaled).recorded : nil)
}

lesson.markdown(Prose.cloningBaseline)

lesson.code("The third imitator: behavior cloning of the same demonstrator") { context in
    let seeds = (0..<context.seedCount(settings.seeds)).map { trainingSeed(base: context.seed, index: $0) }
    let demonstrationSeed = RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 77_000)
    let many = try task.demonstrations(count: CloningBaseline.manyDemonstrations, seed: demonstrationSeed)
    let sets = [demonstrations, many]
    // Each seed's two clones (few and many demonstrations), trained here or read from the shards.
    let perSeed = try context.perSeed("cloning", count: seeds.count) { indices in
        try CloningBaseline.evaluateClones(task: task, demonstrationSets: sets, seeds: indices.map { seeds[$0] },
                                           gradientSteps: CloningBaseline.gradientSteps,
                                           episodes: CloningBaseline.evaluationEpisodes, evaluationSeed: evaluationSeed,
                                           exercises: context.exercises)
    }
    let clones = sets.indices.map { d in
        CloningBaseline.Result(demonstrations: sets[d].count, evaluations: perSeed.map { $0[d] })
    }
    let cloneTeacher = try context.exercises.rewardMixing.successStatistics(
        of: try Rollout.run(task.environment, expert: task.demonstrator, episodes: CloningBaseline.evaluationEpisodes,
                            seed: evaluationSeed))
    let imitation = try summary(settings.sweep.last!), recipe = try summary(settings.recipe)
    var table = Table("Can imitation outperform its teacher? The final policies from the task's start states "
                      + "(mean ± standard error over \(seeds.count) seeds)",
                      columns: ["", "episodes", .init("success", format: .fixed(2)), .init("steps to success", format: .fixed(1))])
    func row(_ name: String, _ episodes: Int, _ success: [Double], _ steps: [Double]) throws {
        let s = steps.filter { !$0.isNaN }
        try table.addRow(name, episodes,
                         Table.Cell.estimate(mean: SeedComparison.mean(success), spread: SeedComparison.standardError(success)),
                         s.isEmpty ? Table.Cell.text("–")
                             : Table.Cell.estimate(mean: SeedComparison.mean(s), spread: SeedComparison.standardError(s)))
    }
    let agentEpisodes = settings.finalEvaluationEpisodes, cloneEpisodes = CloningBaseline.evaluationEpisodes
    try table.addRow("the demonstrator (noisy, half speed)", cloneEpisodes, cloneTeacher.successRate, cloneTeacher.meanStepsToSuccess)
    for clone in clones {
        try row("BC, \(clone.demonstrations) demonstrations", cloneEpisodes, clone.success, clone.stepsToSuccess)
    }
    try table.addRow("the demonstrator (noisy, half speed)", agentEpisodes, demonstrator.successRate, demonstrator.meanStepsToSuccess)
    try row("GAIL (λ = 1), \(demonstrations.count) demonstrations", agentEpisodes, imitation.finalSuccess, imitation.stepsToSuccess)
    try row("mixed (λ = \(ExperimentSettings.format(settings.ablationLambda))), \(demonstrations.count) demonstrations",
            agentEpisodes, recipe.finalSuccess, recipe.stepsToSuccess)
    context.show(table)
    results.cloning = .init(evaluationEpisodes: cloneEpisodes, demonstrator: cloneTeacher.recorded,
                            few: clones[0].recorded, many: clones[1].recorded)
}

lesson.figure("lambda-sensitivity", caption: "Left: success rate of the final policies against λ (mean ± std over seeds), "
    + "with the demonstrator's (dashed). Right: steps to success of the policies that succeed; the designed controller "
    + "(dotted) is the best the task allows. Every λ starts most episodes from demonstration states, so λ = 0 is the "
    + "'no GAIL reward, demo starts only' ablation; λ near 1 never finishes. Which differences clear the spread over seeds "
    + "is decided in the cell 'What the experiment shows'.") { _ in
    try lambdaSensitivityFigure(sweep: settings.sweep.map(summary), expert: demonstrator, designed: designedExpert)
}

lesson.figure("ablations", caption: "The recipe at λ = \(ExperimentSettings.format(ExperimentSettings.full.ablationLambda)) "
    + "and what happens without each ingredient (mean ± standard error over seeds): no task reward (λ = 1), no GAIL reward "
    + "(λ = 0, demo starts only), no demonstration starts, a discriminator that also sees the pusher "
    + "and the action, and (full run only) that discriminator without demonstration starts and the unscaled task reward c = 1.") { _ in
    let bars = try [settings.recipe, settings.sweep.last!, settings.sweep.first!].map(summary) + settings.ablations.map(summary)
    return ablationFigure(bars: bars, labels: ablationLabels(bars.map(\.variant)), expert: demonstrator)
}

lesson.figure("learning-curves", caption: "Success from the task's start states during training, against environment steps "
    + "(mean ± std over seeds). Without demonstration starts the sparse reward is found late, if at all; λ = 0 (no GAIL "
    + "reward, demo starts only) and the recipe both start from demonstration states; pure imitation never finishes.") { _ in
    let shown = try [settings.recipe, settings.sweep.first!, settings.sweep.last!, settings.withoutStarts, settings.unmasked]
        .map(summary)
    return learningCurvesFigure(curves: shown, labels: ablationLabels(shown.map(\.variant)), expert: demonstrator)
}

lesson.figure("paths", caption: "The task (goal in green) from the same six start states: the demonstrator (left) pushes "
    + "slowly and often loses the block; the mixed agent (right, λ = "
    + "\(ExperimentSettings.format(ExperimentSettings.full.ablationLambda)), first seed) pushes straight in. Solid: the "
    + "block's path; dotted: the pusher's; filled disc: where the block ended.") { context in
    let agent = try summary(settings.recipe)
    guard let first = agent.runs.first else { throw CellSkipped("no run to draw") }
    let paths = first.finalPaths
    let expertEpisodes = try Rollout.run(task.environment, expert: task.demonstrator, episodes: paths.count, seed: evaluationSeed)
    return pathsFigure(environment: task.environment, expert: expertEpisodes.map(\.states), agent: paths,
                       expertTitle: "Demonstrator (\(percent(demonstrator.successRate)) success)",
                       agentTitle: "Mixed agent, λ = \(ExperimentSettings.format(settings.ablationLambda)) "
                           + "(\(percent(first.finalEvaluation.successRate)) success)")
}

lesson.code("What the experiment shows") { context in
    try conclusions(context)
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
