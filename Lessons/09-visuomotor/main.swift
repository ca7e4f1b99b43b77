// Lesson 9: visuomotor imitation. Lesson 7's mixed-reward agent with a policy that acts from
// camera images (Zhu et al. 2018): the renders and their domain randomization, the encoder
// (convolutions, keypoints, the auxiliary task), and the critic ablation: the asymmetric critic
// on the state against a critic on pixels.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 9, slug: "visuomotor", title: "Visuomotor imitation: a policy on pixels")

// Shared between cells, as in a notebook.
var ablation: Lesson09Results.Ablation?
var results = Lesson09Results()
lesson.results { results }

lesson.markdown(Prose.introduction)
lesson.markdown(Prose.observations)

lesson.code("What the policy sees: the figures' style, randomized styles, the held-out style") { context in
    let task = PushingTask()
    let renderer = try PushingPixelRenderer(environment: task.environment, size: imageSize)
    let sampler = PushingStyleSampler()
    let randomized = 4
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 9))
    let states = PushingStyleGrid.exampleStates(environment: task.environment, count: 2,
                                                seed: RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 10))
    var images: [[[Float]]] = [], accepted = 0
    for state in states {
        var styles = [PushingRenderStyle.figure]
        for _ in 0..<randomized {
            let style = sampler.sample(rng: &rng)
            if sampler.contains(style) { accepted += 1 }
            styles.append(style)
        }
        styles.append(.heldOut)
        images.append(styles.map { renderer.render(state, style: $0, rng: &rng) })
    }
    // Rendering speed: frames of the policy's size in randomized styles, as training draws them.
    let frames = context.choose(full: 4_000, quick: 500)
    let started = Date()
    for i in 0..<frames {
        let style = sampler.sample(rng: &rng)
        _ = renderer.render(states[i % states.count], style: style, rng: &rng)
    }
    let framesPerSecond = Double(frames) / Date().timeIntervalSince(started)
    context.recordMeasurement("render.framesPerSecond", framesPerSecond)
    context.print(String(format: "Rendering: %d frames of %d × %d × 3 in randomized styles at %.0f frames/s on one core.",
                         frames, imageSize, imageSize, framesPerSecond))
    let heldOutInRange = sampler.contains(.heldOut)
    context.print("The sampler's range \(heldOutInRange ? "contains" : "excludes") the held-out style; "
                  + "\(accepted) of \(states.count * randomized) randomized styles drawn above lie in it.")
    results.observations = .init(imageSize: imageSize, randomizedStyles: accepted, heldOutInTrainingRange: heldOutInRange)
    try context.figure("observations", caption: "The images the policy acts from, \(imageSize) × \(imageSize) pixels, "
        + "for two states (top: a start of the task; bottom: the block in the goal, the pusher behind it). Left: the "
        + "figures' style; middle: \(randomized) styles drawn by domain randomization, a new one per training episode; "
        + "right: the held-out style, never drawn in training.") {
        observationsFigure(images: images, size: imageSize,
                           columnTitles: ["figures' style", "randomized styles"] + Array(repeating: "", count: randomized - 1)
                               + ["held out"])
    }
}

lesson.markdown(Prose.encoder)
lesson.listing("im2col: every k × k × C patch of every image becomes one row (zeros on the padding)",
               file: "Sources/Numerics/Convolution/Matrix+Im2Col.swift", region: "im2col")
lesson.listing("The spatial softmax's forward pass: per channel, a softmax over the positions and its expected (u, v)",
               file: "Sources/Numerics/Autodiff/Operations/SpatialSoftmax.swift", region: "spatial-softmax")
lesson.listing("PPO's policy loss on pixels: the clipped surrogate, plus the auxiliary task's loss (exercise 9.4) on the minibatch",
               file: "Sources/Algorithms/Pixels/PixelPPO.swift", region: "policy-loss-with-auxiliary-task")
lesson.code("The encoder on your formulas: sizes (9.1), im2col (9.2), keypoints (9.3), the auxiliary head (9.4)") { context in
    let picture = try runEncoderCell(context)
    try context.figure("encoder", caption: "Three states in the figures' style, as the policy sees them, after the auxiliary "
        + "pre-training alone (no reinforcement learning yet): the 16 keypoints of the last feature map (yellow dots) and "
        + "the auxiliary head's predicted positions (crosses) against the true ones (circles) of the block (vermilion) and "
        + "the pusher (purple).") {
        encoderFigure(picture)
    }
}

lesson.markdown(Prose.embodiment)

lesson.code("Another embodiment: the paddle's demonstrations, states only") { context in
    let task = PushingTask()
    let pusher = try pusherDemonstrations(task: task, base: context.seed)
    let paddle = try paddleDemonstrations(task: task, base: context.seed)
    func successRate(_ episodes: [Trajectory<BlockPushing.State>]) -> Double {
        Double(episodes.filter(\.succeeded).count) / Double(max(episodes.count, 1))
    }
    var table = Table("The two demonstrators (the same controller, 20 episodes each from the same start states)", columns: [
        "body", "radius", "action", .init("success", format: .percent(0)), "what the imitator receives",
    ])
    try table.addRow("pusher (the imitator's own)", String(task.environment.pusherRadius), "velocity in [−1, 1]²",
                     successRate(pusher), "states and actions")
    try table.addRow("paddle", String(task.paddleEnvironment.table.pusherRadius), "(speed, heading) in [0, 1] × [−1, 1]",
                     successRate(paddle), paddle.contains(where: \.hasActions) ? "states and actions" : "states only")
    context.show(table)
    // Build the recipe's agent on the paddle's demonstrations with each discriminator view (no pre-training: only
    // whether it can be built matters here).
    var settings = agentConfiguration(quick: true)
    settings.auxiliaryPretraining.steps = 0
    let exercises = context.exercises
    // Only the agent's own refusal is an answer; anything else (an exercise not written yet) stops the cell.
    func buildError(_ view: DiscriminatorView, imitation: some GAILExercises, mixing: some RewardMixingExercises) throws -> String? {
        var configuration = settings
        configuration.rewardMixing.discriminatorView = view
        var rng = RandomSource(seed: trainingSeed(base: context.seed, index: 0))
        do {
            _ = try PixelMixedRewardAgent(task: task, demonstrations: paddle, configuration: configuration, imitation: imitation,
                                          mixing: mixing, visuomotor: exercises.visuomotor, rng: &rng)
            return nil
        } catch let error as PolicyGradientError {
            return error.description
        }
    }
    let objectOnly = try buildError(.blockOnly, imitation: exercises.adversarialImitation, mixing: exercises.rewardMixing)
    let stateAction = try buildError(.blockAndPusher, imitation: exercises.adversarialImitation, mixing: exercises.rewardMixing)
    context.print("The discriminator on the block only, given the paddle's demonstrations: "
                  + (objectOnly.map { "refused: \($0)" } ?? "built (it never needed the actions)."))
    context.print("The discriminator on block + pusher + action, given the same: "
                  + (stateAction.map { "refused: \($0)" } ?? "built."))
    results.embodiment = .init(episodes: paddle.count, pusherSuccess: successRate(pusher), paddleSuccess: successRate(paddle),
                               paddleHasActions: paddle.contains(where: \.hasActions), objectOnlyError: objectOnly,
                               stateActionError: stateAction)
    try context.figure("embodiments", caption: "Three demonstrations of the same noisy controller in each body, from the "
        + "same start states: the block's path (solid), the body's path (dotted), the block at its start (outline) and end "
        + "(filled), the body at the end (black disc, to scale). The paddle's centre pushes from farther away (0.2 from the "
        + "block's centre in contact, against the pusher's 0.15); the block's paths are what the object-only discriminator "
        + "compares.") {
        embodimentsFigure(task: task, pusher: pusher, paddle: paddle, shown: 3)
    }
}

lesson.markdown(Prose.critic)
lesson.listing("What the critic observes: the only difference between the first two agents",
               file: "Sources/Algorithms/Visuomotor/PixelMixedRewardAgent.swift", region: "critic-choice")
lesson.markdown(Prose.bimodality)

lesson.code("The ablation: the asymmetric critic, a critic on pixels, no auxiliary task, the paddle's states") { context in
    let task = PushingTask()
    let schedule = ablationSchedule(quick: context.quick)
    let configuration = agentConfiguration(quick: context.quick)
    let demonstrations = try pusherDemonstrations(task: task, base: context.seed)
    let paddle = try paddleDemonstrations(task: task, base: context.seed)
    let base = PixelCriticExperiment(task: task, configuration: configuration, demonstrations: demonstrations,
                                     iterations: schedule.iterations, evaluationInterval: schedule.evaluationInterval,
                                     evaluationEpisodes: schedule.evaluationEpisodes,
                                     successThreshold: Lesson09Thresholds.success,
                                     evaluationSeed: evaluationSeed(base: context.seed))
    let experiment = { var e = base; e.evaluatesHeldOutStyle = true; return e }()   // one evaluation more, in the held-out style
    let variants = AgentVariant.all
    let seedCount = context.seedCount(ablationSeedCount(quick: context.quick))
    let seeds = (0..<seedCount).map { trainingSeed(base: context.seed, index: $0) }
    let exercises = context.exercises
    var seconds: Double?
    // Each seed's runs, one per variant, trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed: [[PixelCriticRun]] = try context.perSeed("ablation", count: seedCount) { indices in
        let jobs = indices.flatMap { index in variants.indices.map { (seeds[index], $0) } }
        let bar = context.progress(total: jobs.count * schedule.iterations, label: "PPO iterations")
        let started = Date()
        let runs = try parallelMap(jobs.count, threads: 2) { job in
            let (seed, variant) = jobs[job]
            return try variants[variant].experiment(experiment, paddle: paddle).run(
                critic: variants[variant].critic, seed: seed, imitation: exercises.adversarialImitation,
                mixing: exercises.rewardMixing, visuomotor: exercises.visuomotor) { _ in bar.advance() }
        }
        bar.finish()
        seconds = Date().timeIntervalSince(started)
        return indices.indices.map { i in Array(runs[(i * variants.count)..<((i + 1) * variants.count)]) }
    }
    context.show(try ablationTable(perSeed, variants: variants, threshold: Lesson09Thresholds.success))
    let steps = perSeed.flatMap { $0 }.reduce(0) { $0 + $1.environmentSteps }
    if let seconds {
        context.print(String(format: "%d runs, %d environment steps in %.1f s: %.0f environment steps/s (two runs at a time).",
                             perSeed.count * variants.count, steps, seconds, Double(steps) / seconds))
    }
    let made = Lesson09Results.Ablation(
        threshold: Lesson09Thresholds.success, environmentStepsPerRun: perSeed.first?.first?.environmentSteps ?? 0,
        seeds: seeds, agents: variants.enumerated().map { column, variant in
            let runs = perSeed.map { $0[column] }
            return Lesson09Results.Agent(
                id: variant.id, steps: runs.first?.successCurve.map(\.environmentSteps) ?? [],
                successPerSeed: runs.map { $0.successCurve.map(\.successRate) },
                stepsToThreshold: runs.map { $0.stepsToThreshold.map(Double.init) ?? .nan },
                finalSuccess: runs.map(\.finalEvaluation.successRate),
                meanSuccessAlongTraining: runs.map(\.meanSuccessAlongTraining),
                heldOutFinalSuccess: runs.allSatisfy { $0.heldOutEvaluation != nil }
                    ? runs.map { $0.heldOutEvaluation!.successRate } : nil)
        })
    ablation = made
    results.ablation = made
}

lesson.figure("success", caption: "Success of the policy's mean action from the task's start states (20 episodes) along "
    + "training: the recipe with the asymmetric critic, with a critic on pixels, without the auxiliary task, and learning "
    + "from the paddle's state-only demonstrations (left to right); the dotted line is the threshold of the claims. With several seeds, thin lines are single seeds and "
    + "the thick line their mean; with three or more, the band is the mean's standard error over seeds.") { context in
    guard let ablation else { throw CellSkipped("needs the runs of the ablation") }
    return successFigure(ablation, small: context.drawsSmallFigures)
}

lesson.figure("held-out-style", caption: "Each run's final policy from the same start states, in the style it was "
    + "trained in (the figures') and in the held-out style it never saw: one line per seed, the agents side by side. None "
    + "of these agents trains with domain randomization (the cloned policies at the end of the lesson do).") { context in
    guard let ablation else { throw CellSkipped("needs the runs of the ablation") }
    return try heldOutFigure(ablation, small: context.drawsSmallFigures)
}

lesson.code("What this run shows") { context in
    guard let ablation else { throw CellSkipped("needs the runs of the ablation") }
    context.markdown(try reading(ablation, quick: context.quick))
}

lesson.markdown(Prose.randomization)
lesson.listing("Behavior cloning from pixels: the cloning loss on a minibatch of rendered images",
               file: "Sources/Algorithms/Visuomotor/PixelCloningExperiment.swift", region: "pixel-cloning")

var randomization: Lesson09Results.Randomization?
lesson.code("Domain randomization: a policy cloned in the figures' style against one cloned on randomized renders") { context in
    let test = try runRandomization(context)
    context.print("The randomization's range \(test.figureInRange ? "contains" : "excludes") the figures' style and "
                  + "\(test.heldOutInRange ? "contains" : "excludes") the held-out style.")
    context.show(try randomizationTable(test))
    context.markdown(randomizationReading(test))
    randomization = test
    results.randomization = test
}

lesson.figure("randomization", caption: "Success rates of the two cloned policies (20 episodes from the same start states "
    + "per style): in the figures' style, in the mean over 8 styles drawn anew from the randomization, and in the held-out "
    + "style. Bars: the mean over seeds; lines: single seeds.") { context in
    guard let randomization else { throw CellSkipped("needs the cloned policies") }
    return randomizationFigure(randomization, small: context.drawsSmallFigures)
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
