// Lesson 8: demonstrations inside reinforcement learning. The lecture's four ways of giving a
// model-free RL agent demonstrations — in its replay buffer, as pre-training, as an imitation
// reward (lesson 7), and as a backward curriculum of start states — compared with RL from
// scratch on a sparse-reward pushing task that RL alone does not solve within the budget.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 8, slug: "demonstrations-in-rl", title: "Demonstrations inside reinforcement learning")

// Shared between cells, as in a notebook.
var task: SparsePushingTask?
var demonstrations: DemonstrationCollection?
var comparison: [VariantResult] = []
var ablation: [VariantResult] = []
var results = Lesson08Results()
lesson.results { results }

lesson.markdown(Prose.introduction)
lesson.markdown(Prose.taskAndLearner)

lesson.code("The task, the demonstrations and random exploration") { context in
    let pushing = try SparsePushingTask()
    let demos = try DemonstrationCollection(task: pushing, expert: .demonstrator, count: 10,
                                            seed: demonstrationSeed(base: context.seed))
    task = pushing
    demonstrations = demos
    let evaluationSeed = RandomSource.derivedSeed(base: context.seed, offset: 1)
    let demonstrator = EpisodeStatistics(try Rollout.run(pushing, episodes: 100, seed: evaluationSeed,
                                                         policy: SparsePushingTask.policy(of: .demonstrator)))
    let optimal = EpisodeStatistics(try Rollout.run(pushing, episodes: 100, seed: evaluationSeed,
                                                    policy: SparsePushingTask.policy(of: .optimal)))
    let random = try Rollout.run(pushing, episodes: 200, seed: evaluationSeed) { _, rng in
        pushing.actionSpace.sample(rng: &rng)
    }
    let randomStatistics = EpisodeStatistics(random)
    var table = Table("Who solves the task (episodes of at most 80 steps)",
                      columns: ["policy", "episodes", .init("success", format: .percent(0)),
                                .init("mean length (steps)", format: .fixed(1))])
    try table.addRow("scripted optimum", optimal.episodes, optimal.successRate, optimal.meanLength)
    try table.addRow("demonstrator (noisy, slow)", demonstrator.episodes, demonstrator.successRate, demonstrator.meanLength)
    try table.addRow("uniformly random actions", randomStatistics.episodes, randomStatistics.successRate,
                     randomStatistics.meanLength)
    context.show(table)
    context.print("Demonstrations kept: \(demos.trajectories.count) successful episodes of \(demos.attempts) tried,",
                  "\(demos.transitionCount) steps, \(String(format: "%.1f", demos.meanLength)) steps on average,",
                  "the longest \(demos.longest).")
    results.task = .init(demonstratorSuccessRate: demonstrator.successRate, demonstratorMeanLength: demonstrator.meanLength,
                         optimalMeanLength: optimal.meanLength, randomSuccessRate: randomStatistics.successRate,
                         demonstrations: demos.trajectories.count, demonstrationsMeanLength: demos.meanLength,
                         longestDemonstration: demos.longest)
    try context.figure("task", caption: "Left: the table, the goal (green disc), the squares where the block and the "
        + "pusher start, and five of the demonstrations (block paths solid, pusher paths dotted; outline: the block's start, filled "
        + "disc: its end, black dot: the pusher's end). Right: uniformly "
        + "random actions (vermilion) from the same starts barely move the block.") {
        taskFigure(task: pushing, demonstrations: demos, randomEpisodes: random, small: context.drawsSmallFigures)
    }
}

lesson.markdown(Prose.replayBuffer)
lesson.listing("A minibatch with a fixed share of demonstrations (exercise 8.1), its demonstration rows flagged",
               file: "Sources/Algorithms/DemonstrationsInRL/DemonstrationReplay.swift", region: "mixed-minibatch")
lesson.markdown(Prose.pretraining)
lesson.listing("Pre-training: clone the demonstrations into the actor (lesson 1's loss), then evaluate the critic on them",
               file: "Sources/Algorithms/DemonstrationsInRL/DemonstrationTrainer.swift", region: "pretraining")
lesson.listing("The actor's loss: DDPG's, plus the Q-filtered cloning term on the demonstration rows (exercise 8.3)",
               file: "Sources/Algorithms/DemonstrationsInRL/DemonstrationActorLoss.swift",
               region: "actor-loss-with-demonstrations")
lesson.markdown(Prose.rewardMixing)
lesson.markdown(Prose.curriculum)
lesson.listing("One step of the curriculum after every episode (exercise 8.2)",
               file: "Sources/Algorithms/DemonstrationsInRL/BackwardCurriculum.swift", region: "curriculum-step")
lesson.listing("The training loop every variant runs: act, store, update on mixed minibatches; after an episode the "
               + "curriculum (8.2) and the removal rule (8.4)",
               file: "Sources/Algorithms/DemonstrationsInRL/DemonstrationTrainer.swift", region: "training-loop")

lesson.code("The race: every way against RL from scratch") { context in
    guard let task, let demonstrations else { throw CellSkipped("needs the task and the demonstrations of the first cell") }
    let schedule = comparisonSchedule(quick: context.quick)
    let seedCount = context.seedCount(comparisonSeedCount(quick: context.quick))
    let seeds = (0..<seedCount).map { comparisonSeed(base: context.seed, index: $0) }
    var seconds: Double?
    // Each seed's runs, trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("race", count: seedCount) { indices in
        let trained = try trainSeeds(indices.map { seeds[$0] }, variants: comparisonVariants, schedule: schedule,
                                     task: task, demonstrations: demonstrations, context: context)
        seconds = trained.seconds
        return trained.perSeed
    }
    let runs = try variantResults(comparisonVariants, perSeed: perSeed)
    comparison = runs
    let steps = comparisonVariants.count * seeds.count * schedule.environmentSteps
    let updates = runs.flatMap(\.runs).reduce(0) { $0 + $1.gradientUpdates }

    var table = Table("Environment steps until the mean success rate reaches \(Int(successThreshold * 100)) %",
                      columns: ["variant", "steps (mean curve)", "steps per seed",
                                .init("final success", format: .percent(0)), .init("± std", format: .percent(0))])
    for result in runs {
        let perSeed = result.firstStepsPerSeed(reaching: successThreshold).map(stepText).joined(separator: ", ")
        try table.addRow(result.variant.label, stepText(result.statistics.firstStep(reaching: successThreshold)), perSeed,
                         result.finalSuccess.mean, result.finalSuccess.std)
    }
    context.show(table)
    // Wall time and throughput are printed (and the cell's time is in timing.json), not kept in the
    // results, so that results.json stays the same for the same seed.
    if let seconds {
        context.print(String(format: "%d runs, %d environment steps and %d DDPG updates in %.1f s: %.0f environment steps/s, "
                             + "%.0f updates/s (all cores).", runs.count * seeds.count, steps, updates, seconds,
                             Double(steps) / seconds, Double(updates) / seconds))
    }
    func seedRuns(of variant: DemonstrationVariant) -> [DemonstrationRun] {
        runs.first { $0.variant.id == variant.id }?.runs ?? []
    }
    let curriculum = seedRuns(of: .curriculum)
    let completedAt: [Double] = curriculum.map { run in
        let completion = run.curriculumHistory.first { $0.offset >= run.longestDemonstration }
        return completion.map { Double($0.environmentStep) } ?? .nan
    }
    let removedAt: [Double] = seedRuns(of: .replayRemoved).map { $0.demonstrationsRemovedAtStep.map(Double.init) ?? .nan }
    let pretrainedDemonstrations = try DemonstrationVariant.pretrained.use.selection.apply(to: demonstrations.trajectories)
    // Typed one by one: inside the initializer below these closures took seconds to type-check.
    let pretrainingSteps: Int = pretrainedDemonstrations.map(\.count).reduce(0, +)
    let successAfterCloning: [Double] = seedRuns(of: .pretrained).map { (run: DemonstrationRun) -> Double in run.successAfterCloning ?? .nan }
    let finalOffsets: [Int] = curriculum.map { (run: DemonstrationRun) -> Int in run.curriculumHistory.last?.offset ?? 0 }
    results.comparison = .init(
        threshold: successThreshold, evaluationInterval: schedule.evaluationInterval,
        environmentStepsPerRun: schedule.environmentSteps, seeds: seeds.map(String.init), environmentSteps: steps,
        gradientUpdates: updates, variants: runs.map { $0.summary(earlyWindow: ClaimMargin.earlyWindow) },
        pretrainingDemonstrations: pretrainedDemonstrations.count,
        pretrainingDemonstrationSteps: pretrainingSteps, successAfterCloning: successAfterCloning,
        demonstrationsRemovedAtStep: removedAt,
        curriculum: .init(completedAtStep: completedAt, finalOffset: finalOffsets,
                          longestDemonstration: curriculum.first?.longestDemonstration ?? 0))
}

lesson.figure("success", caption: "Success rate of the deterministic policy on the full task (20 fixed start states) "
    + "against training environment steps; lines are means over seeds, bands ± one standard deviation. The dotted "
    + "line is the success rate the claims compare at. Way 2 (green) starts at step 0 (diamond) from the actor cloned "
    + "from two demonstrations alone; whatever it gains after step 0 is fine-tuning's doing.") { context in
    guard !comparison.isEmpty else { throw CellSkipped("needs the runs of the race") }
    return comparisonFigure(comparison, seeds: comparison[0].runs.count)
}

lesson.figure("curriculum", caption: "Left: where the curriculum's episodes start, in steps before the end of the "
    + "demonstrations, over training (one staircase per seed); at the dashed line every episode starts from the task's "
    + "own start distribution. Right: one demonstration (the block's path solid, the pusher's dotted, the goal "
    + "green) with the states k steps before its end (pusher dot, block circle; darker = earlier).") { context in
    guard let task, let demonstrations,
          let curriculum = comparison.first(where: { $0.variant.id == DemonstrationVariant.curriculum.id }) else {
        throw CellSkipped("needs the runs of the race")
    }
    let longest = demonstrations.trajectories.max { $0.count < $1.count }!
    return curriculumFigure(curriculum, demonstration: longest, task: task,
                            steps: comparisonSchedule(quick: context.quick).environmentSteps, small: context.drawsSmallFigures)
}

lesson.code("Reading the race") { context in
    try readRace(context)
}

lesson.markdown(Prose.criticConsistency)

lesson.code("Fine-tuning a cloned actor: the critic and the cloning term") { context in
    guard let task, let demonstrations else { throw CellSkipped("needs the task and the demonstrations of the first cell") }
    let variants = ablationVariants
    let schedule = ablationSchedule(quick: context.quick)
    let seeds = (0..<context.seedCount(ablationSeedCount)).map { ablationSeed(base: context.seed, index: $0) }
    let perSeed = try context.perSeed("ablation", count: seeds.count) { indices in
        try trainSeeds(indices.map { seeds[$0] }, variants: variants, schedule: schedule, task: task,
                       demonstrations: demonstrations, context: context).perSeed
    }
    let runs = try variantResults(variants, perSeed: perSeed)
    ablation = runs
    let window = ClaimMargin.earlyWindow
    var table = Table("Success of the cloned actor as fine-tuning starts (mean over \(seeds.count) seeds)",
                      columns: ["start of fine-tuning", .init("before", format: .percent(0)),
                                .init("after \(schedule.evaluationInterval) steps", format: .percent(0)),
                                .init("lowest, first \(window) steps", format: .percent(0)),
                                .init("final", format: .percent(0))])
    for result in runs {
        let s = result.statistics
        let early = zip(s.environmentSteps, s.mean).filter { $0.0 > 0 && $0.0 <= window }.map(\.1)
        try table.addRow(result.variant.label, s.mean[0], s.mean[1], early.min() ?? .nan, s.finalMean(lastPoints: 2))
    }
    context.show(table)
    results.ablation = .init(earlyWindow: window, variants: runs.map { $0.summary(earlyWindow: window) })
}

lesson.figure("consistency", caption: "Fine-tuning from the same actor, cloned from all ten demonstrations (step 0), "
    + "with an untrained "
    + "critic, with a critic evaluated on the demonstrations, and with that critic plus the cloning term in the "
    + "actor's loss (λ = 1); mean ± std over seeds.") { _ in
    guard !ablation.isEmpty else { throw CellSkipped("needs the runs of the ablation") }
    return ablationFigure(ablation, seeds: ablation[0].runs.count)
}

lesson.code("What the ablation says") { context in
    try readAblation(context)
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
