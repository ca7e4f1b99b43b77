// pixel-study: Zhu et al.'s (2018) critic ablation on the kit's pushing task seen through a camera.
// The mixed-reward agent of lesson 7 with a CNN policy on rendered images, trained per seed with the
// asymmetric critic (on the state) and with a critic on the images; each run is evaluated from the
// task's start states every few iterations, and the environment steps at which its success rate
// first reaches the threshold are reported per seed, with wall times and steps per second.
//
//   swift run -c release pixel-study --seeds 0,1,2,3 --iterations 60 --size 16 --out pixel-study.json
//
// --baseline, --diagnose and --cloning-check run the diagnostics of Diagnostics.swift; the measurements
// and what they show are in notes/lesson9-foundations.md.
import Algorithms
import ArgumentParser
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import NeuralNetworks
import Numerics

struct PixelStudy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pixel-study",
        abstract: "The asymmetric critic against a critic on pixels (Zhu et al. 2018) on the pushing task from images.")

    @Option(help: "Seeds, comma-separated.")
    var seeds = "0,1,2,3"
    @Option(help: "Critics, comma-separated: state, pixels.")
    var critics = "state,pixels"
    @Option(help: "Training iterations per run (each environments × steps-per-environment steps).")
    var iterations = 60
    @Option(help: "Image size (size × size × 3).")
    var size = 16
    @Option(help: "Environments stepped in lockstep.")
    var environments = 8
    @Option(name: .customLong("steps-per-environment"), help: "Steps per environment per iteration.")
    var stepsPerEnvironment = 128
    @Option(help: "PPO epochs per iteration.")
    var epochs = 10
    @Option(help: "λ, the imitation reward's weight.")
    var lambda: Float = 0.1
    @Option(name: .customLong("start-probability"), help: "Chance that a training episode starts from a demonstration state.")
    var startProbability = 0.8
    @Option(help: "Discriminator view: block (block only) or pusher (block + pusher + action).")
    var view = "block"
    @Option(name: .customLong("auxiliary-weight"), help: "Weight of the auxiliary position loss (0: none).")
    var auxiliaryWeight: Float = 0
    @Option(name: .customLong("auxiliary-target"), help: "What the auxiliary head regresses: block or blockAndPusher.")
    var auxiliaryTarget = "block"
    @Option(name: .customLong("target-kl"), help: "Stop PPO's epochs once the approximate KL exceeds this (0: never).")
    var targetKL: Float = 0
    @Option(help: "PPO's minibatch size.")
    var minibatch = 64
    @Option(help: "PPO's entropy bonus coefficient.")
    var entropy: Float = 0
    @Option(name: .customLong("initial-log-std"), help: "The policy's initial log σ.")
    var initialLogStd: Float = -0.5
    @Option(name: .customLong("pretraining-steps"), help: "Supervised auxiliary-task steps before training (needs --auxiliary-weight > 0).")
    var pretrainingSteps = 0
    @Option(name: .customLong("policy-lr"), help: "Adam step size of the policy.")
    var policyLearningRate: Float = 1e-3
    @Option(name: .customLong("value-lr"), help: "Adam step size of the critic.")
    var valueLearningRate: Float = 1e-3
    @Option(help: "Demonstrations (lesson 7's demonstrator, recorded with seed 77 000 as lesson 7 does with its seed 0).")
    var demonstrations = 20
    @Option(help: "Who demonstrates: pusher (lesson 7's demonstrator, with its actions) or paddle (the same controller in another embodiment, PaddlePushing, states only).")
    var demonstrator = "pusher"
    @Option(help: "Evaluate every this many iterations.")
    var interval = 5
    @Option(help: "Episodes per evaluation (from the task's start states).")
    var episodes = 20
    @Option(help: "The success rate that counts as reaching the goal.")
    var threshold = 0.5
    @Flag(name: .customLong("stop-at-threshold"), help: "End a run at its first evaluation at or above the threshold.")
    var stopAtThreshold = false
    @Option(help: "Runs at a time.")
    var threads = 2
    @Flag(name: .customLong("held-out"), help: "After training, evaluate each final policy in the held-out style too.")
    var heldOut = false
    @Flag(help: "Also run lesson 7's agent on the state (MixedRewardAgent, same settings) for the same seeds, for comparison.")
    var baseline = false
    @Option(name: .customLong("cloning-check"), help: "Instead of the study: behavior cloning of the designed expert from this many episodes of images, then its success (0: off).")
    var cloningCheck = 0
    @Flag(help: "Instead of the study: train the first critic on the first seed and print, every interval, the mean action's size and aim on the evaluation episodes' states.")
    var diagnose = false
    @Option(help: "Instead of the study: domain randomization by behavior cloning from pixels, this many Adam steps per policy (0: off).")
    var randomizationCheck = 0
    @Option(help: "With --randomization-check: which randomization, full, colors (no camera, light, texture or noise), scene (those, with the figures' colours) hues (brightness, texture, light, camera and noise around the figures' hues: greyish table, bluish block, dark pusher), grey (full with a greyish table and floor), bluetored (grey with the block's hue from blue through magenta to red: PushingStyleSampler.greyTableBlueToRedBlock, lesson 9's) saturated (full with that block hue and tables up to saturation 0.6, the held-out table's being 0.68) or relative (PushingStyleSampler.relativeToTable: tables up to saturation 0.65, block and pusher drawn as the table's colour plus an RGB offset of either sign, at least 0.25 from it, block hue 0.6…1).")
    var sampler = "full"
    @Option(name: .customLong("training-styles"), help: "With --randomization-check: which policies to train, comma-separated: fixed (the figures' style), randomized (the sampler's).")
    var trainingStyles = "fixed,randomized"
    @Flag(name: .customLong("held-out-parts"), help: "With --randomization-check: also evaluate in the held-out style with one part (table with its texture, edge and floor; block; goal; pusher; camera, light and noise) taken from the figures' style, and in the figures' style with the held-out table (and floor) or block; then the held-out style with the figures' block and one more figures' part (goal, camera, pusher), and the figures' style with the held-out table and one more held-out part (goal, pusher).")
    var heldOutParts = false
    @Option(name: .customLong("sampled-styles"), help: "With --randomization-check: also evaluate in this many styles drawn from the sampler (seed 424242, a stream training never uses): success within the randomization's own range.")
    var sampledStyles = 0
    @Option(help: "With --randomization-check: renders per demonstration state.")
    var rendersPerState = 4
    @Option(help: "With --randomization-check: expert episodes.")
    var cloningEpisodes = 40
    @Option(help: "Instead of the study: the reach task (reward 10 × decrease of the pusher–block distance, the environment's resets) for this many iterations per run, each critic on each seed (0: off).")
    var reach = 0
    @Option(help: "The encoders' convolutions, comma-separated filters:kernel:stride (padding kernel/2), e.g. 16:3:1,16:3:1 (empty: the kit's 8:3:2,16:3:2).")
    var convolutions = ""
    @Option(help: "How the encoders read their last map: flatten, or keypoints (spatial softmax, Levine et al. 2016).")
    var readout = "flatten"
    @Option(help: "The keypoint readout's softmax temperature.")
    var temperature: Float = 1
    @Option(help: "The policy's (and the pixel critic's) hidden layers, comma-separated (empty: 32).")
    var hidden = ""
    @Flag(help: "Print every iteration's training numbers on standard error.")
    var verbose = false
    @Option(help: "Where to write the JSON of per-seed results.")
    var out = "pixel-study.json"

    func parsed() throws -> (seeds: [UInt64], critics: [PixelCriticChoice], configuration: PixelMixedRewardConfiguration) {
        let seedList = seeds.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !seedList.isEmpty, seedList.count == seeds.split(separator: ",").count else {
            throw ValidationError("--seeds takes a comma-separated list of non-negative integers, got '\(seeds)'")
        }
        let criticList = critics.split(separator: ",").compactMap { PixelCriticChoice(rawValue: String($0)) }
        guard !criticList.isEmpty, criticList.count == critics.split(separator: ",").count else {
            throw ValidationError("--critics takes state, pixels (comma-separated), got '\(critics)'")
        }
        guard iterations >= 1, size >= 8, environments >= 1, stepsPerEnvironment >= 1, epochs >= 1, interval >= 1,
              episodes >= 1, threads >= 1, demonstrations >= 1 else {
            throw ValidationError("--iterations, --environments, --steps-per-environment, --epochs, --interval, --episodes, "
                                  + "--threads and --demonstrations must be at least 1, --size at least 8")
        }
        var c = PixelMixedRewardConfiguration()
        c.imageSize = size
        c.auxiliaryWeight = auxiliaryWeight
        guard let target = AuxiliaryTarget(rawValue: auxiliaryTarget) else {
            throw ValidationError("--auxiliary-target takes block or blockAndPusher, got '\(auxiliaryTarget)'")
        }
        c.auxiliaryTarget = target
        c.auxiliaryPretraining.steps = pretrainingSteps
        c.rewardMixing.imitationWeight = lambda
        c.rewardMixing.demonstrationStartProbability = startProbability
        switch view {
        case "block": c.rewardMixing.discriminatorView = .blockOnly
        case "pusher": c.rewardMixing.discriminatorView = .blockAndPusher
        default: throw ValidationError("--view takes block or pusher, got '\(view)'")
        }
        c.rewardMixing.rollouts.environments = environments
        c.rewardMixing.rollouts.stepsPerEnvironment = stepsPerEnvironment
        c.rewardMixing.ppo.epochs = epochs
        c.rewardMixing.ppo.entropyCoefficient = entropy
        c.rewardMixing.ppo.minibatchSize = minibatch
        c.rewardMixing.ppo.targetKL = targetKL > 0 ? targetKL : nil
        c.rewardMixing.initialLogStd = initialLogStd
        c.rewardMixing.ppo.policyLearningRate = policyLearningRate
        c.rewardMixing.ppo.valueLearningRate = valueLearningRate
        if !convolutions.isEmpty {
            c.convolutions = try convolutions.split(separator: ",").map { spec in
                let parts = spec.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3, parts.allSatisfy({ $0 >= 1 }) else {
                    throw ValidationError("--convolutions takes filters:kernel:stride entries, got '\(spec)'")
                }
                return ConvolutionSpec(filters: parts[0], kernel: parts[1], stride: parts[2], padding: parts[1] / 2)
            }
        }
        switch readout {
        case "flatten": c.readout = .flatten
        case "keypoints": c.readout = .keypoints(temperature: temperature)
        default: throw ValidationError("--readout takes flatten or keypoints, got '\(readout)'")
        }
        if !hidden.isEmpty {
            let sizes = hidden.split(separator: ",").compactMap { Int($0) }
            guard sizes.count == hidden.split(separator: ",").count, sizes.allSatisfy({ $0 >= 1 }) else {
                throw ValidationError("--hidden takes comma-separated positive widths, got '\(hidden)'")
            }
            c.policyHiddenSizes = sizes
            c.pixelCriticHiddenSizes = sizes
        }
        return (seedList, criticList, c)
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (seedList, criticList, configuration) = try parsed()
        let set = exerciseSet(for: .reference).set
        let task = PushingTask()
        let demonstrationSeed = RandomSource.derivedSeed(base: 0, scale: 1_000, offset: 77_000)
        let demos: [Trajectory<BlockPushing.State>]
        switch demonstrator {
        case "pusher": demos = try task.demonstrations(count: demonstrations, seed: demonstrationSeed)
        case "paddle": demos = try task.paddleDemonstrations(count: demonstrations, seed: demonstrationSeed)
        default: throw ValidationError("--demonstrator must be pusher or paddle, not \(demonstrator)")
        }
        var experiment = PixelCriticExperiment(task: task, configuration: configuration, demonstrations: demos,
                                               iterations: iterations, evaluationInterval: interval, evaluationEpisodes: episodes,
                                               successThreshold: threshold, stopsAtThreshold: stopAtThreshold)
        experiment.evaluatesHeldOutStyle = heldOut
        let given = try set.rewardMixing.successStatistics(of: demos)
        FileHandle.standardError.write(Data(("pixel-study: \(size)×\(size) images, \(environments) × \(stepsPerEnvironment) steps × "
            + "\(iterations) iterations, \(epochs) epochs, λ = \(lambda), view \(view), demonstrator \(demonstrator), seeds \(seedList), BLAS threads "
            + "\(Matrix.blasThreads), \(threads) runs at a time; demonstrations: \(given)\n").utf8))
        if reach > 0 {
            try runReach(seeds: seedList, critics: criticList, configuration: configuration, imitation: set.adversarialImitation,
                         visuomotor: set.visuomotor)
            return
        }
        if randomizationCheck > 0 {
            var experiment = PixelCloningExperiment(task: task, evaluationSeed: 1_000_000)
            experiment.imageSize = size
            experiment.convolutions = configuration.convolutions
            experiment.readout = configuration.readout
            experiment.hiddenSizes = configuration.policyHiddenSizes
            experiment.gradientSteps = randomizationCheck
            experiment.rendersPerState = rendersPerState
            experiment.demonstrationEpisodes = cloningEpisodes
            experiment.auxiliaryWeight = configuration.auxiliaryWeight
            experiment.auxiliaryTarget = configuration.auxiliaryTarget
            var randomizer = PushingStyleSampler()
            switch sampler {
            case "full": break
            case "colors":
                randomizer.cameraOffset = 0...0; randomizer.cameraRotation = 0...0; randomizer.cameraZoom = 1...1
                randomizer.lightingStrength = 0...0; randomizer.pixelNoise = 0...0; randomizer.textureContrast = 0...0
            case "scene":
                randomizer.tableSaturation = 0...0; randomizer.tableValue = 1...1; randomizer.blockSaturation = 1...1
                randomizer.pusherValue = 0...0; randomizer.pusherSaturation = 0...0; randomizer.backgroundSaturation = 0...0
            case "hues":
                randomizer.tableSaturation = 0...0.1; randomizer.tableValue = 0.6...1
                randomizer.backgroundSaturation = 0...0.1
                randomizer.blockHue = 0.6...0.73; randomizer.blockSaturation = 0.7...1; randomizer.blockValue = 0.6...1
                randomizer.pusherSaturation = 0...0.2; randomizer.pusherValue = 0...0.25
            case "bluetored":
                randomizer = .greyTableBlueToRedBlock
            case "relative":
                randomizer = .relativeToTable
            case "saturated":
                randomizer.tableSaturation = 0...0.6; randomizer.blockHue = 0.6...1
            case "grey":
                randomizer.tableSaturation = 0...0.1; randomizer.tableValue = 0.6...1
                randomizer.backgroundSaturation = 0...0.1
            default: throw ValidationError("--sampler takes full, colors, scene, hues, grey, bluetored, saturated or relative, got '\(sampler)'")
            }
            print("sampler \(sampler): its range \(randomizer.contains(.heldOut) ? "contains" : "excludes") the held-out style")
            print(Self.heldOutRelations(of: randomizer))
            if heldOutParts { experiment.additionalEvaluationStyles = Self.heldOutParts() }
            guard sampledStyles >= 0 else { throw ValidationError("--sampled-styles must be 0 or more, got \(sampledStyles)") }
            let sampledNames = (0..<sampledStyles).map { String(format: "sampled %02d", $0 + 1) }
            for (name, style) in zip(sampledNames, randomizer.samples(sampledStyles, seed: 424_242)) {
                experiment.additionalEvaluationStyles[name] = style
            }
            let sources: [PushingStyleSource] = [.fixed(.figure), .randomized(randomizer)]
            let names = trainingStyles.split(separator: ",").map(String.init)
            let chosen = names.compactMap { ["fixed", "randomized"].firstIndex(of: $0) }
            guard !chosen.isEmpty, chosen.count == names.count else {
                throw ValidationError("--training-styles takes fixed, randomized (comma-separated), got '\(trainingStyles)'")
            }
            let cloning = experiment
            let jobs = seedList.flatMap { seed in chosen.map { (seed, $0) } }
            let runs = try parallelMap(jobs.count, threads: threads) { job in
                try cloning.run(training: sources[jobs[job].1], seed: jobs[job].0, cloning: set.behaviorCloning,
                                mixing: set.rewardMixing, visuomotor: set.visuomotor)
            }
            for (job, run) in zip(jobs, runs) {
                print(String(format: "seed %d trained %@: %d images, loss %.4f, figure %.2f, held-out %.2f, %.1f s", Int(job.0),
                             job.1 == 0 ? "fixed     " : "randomized", run.trainingImages, run.finalLoss,
                             run.success[PixelCloningRun.figureStyle] ?? .nan, run.success[PixelCloningRun.heldOut] ?? .nan, run.seconds))
                let parts = experiment.additionalEvaluationStyles.keys.sorted()
                    .map { String(format: "%@ %.2f", $0, run.success[$0] ?? .nan) }
                if !parts.isEmpty { print("    " + parts.joined(separator: ", ")) }
                let own = sampledNames.compactMap { run.success[$0] }
                if !own.isEmpty {
                    print(String(format: "    in %d styles of its own sampler: mean success %.2f, styles with any success %d",
                                 own.count, own.reduce(0, +) / Double(own.count), own.filter { $0 > 0 }.count))
                }
            }
            return
        }
        if cloningCheck > 0 {
            try runCloningCheck(task: task, configuration: configuration, mixing: set.rewardMixing)
            return
        }
        if diagnose {
            try runDiagnosis(task: task, demonstrations: demos, configuration: configuration, seed: seedList[0], critic: criticList[0],
                             imitation: set.adversarialImitation, mixing: set.rewardMixing, visuomotor: set.visuomotor)
            return
        }
        if baseline {
            try runBaseline(task: task, demonstrations: demos, configuration: configuration.rewardMixing, seeds: seedList,
                            imitation: set.adversarialImitation, mixing: set.rewardMixing)
        }
        let started = Date()
        let runs = try experiment.runAll(criticList, seeds: seedList, imitation: set.adversarialImitation,
                                         mixing: set.rewardMixing, visuomotor: set.visuomotor, parallelism: threads) { [verbose] critic, seed, report in
            guard verbose else { return }
            let p = report.point, u = report.update
            let line = String(format: "%@ seed %d, %6d steps: training success %.2f, task return %.2f, length %.1f, reward %.3f, "
                              + "σ %.2f, D(expert) %.2f D(policy) %.2f, KL %.4f, clip %.2f, value loss %.3f\n",
                              critic.rawValue, Int(seed), p.environmentSteps, p.trainingSuccessRate, p.trainingTaskReturn,
                              p.trainingEpisodeLength, p.meanTrainingReward,
                              p.extras["policy σ"] ?? .nan, p.extras[GAILMetric.expertD] ?? .nan,
                              p.extras[GAILMetric.policyD] ?? .nan, u.approximateKL, u.clipFraction, u.valueLoss)
            FileHandle.standardError.write(Data(line.utf8))
        }
        let total = Date().timeIntervalSince(started)
        print("critic               seed  steps to \(threshold)   final success  mean success  env steps  seconds  steps/s  curve")
        for run in runs {
            let reached = run.stepsToThreshold.map(String.init) ?? "not reached"
            let curve = run.successCurve.map { String(format: "%.2f", $0.successRate) }.joined(separator: " ")
            print(String(format: "%@ %4d  %@  %13.2f  %12.3f  %9d  %7.1f  %7.0f  %@", run.critic.description.padding(toLength: 20, withPad: " ", startingAt: 0),
                         Int(run.seed), reached.padding(toLength: 15, withPad: " ", startingAt: 0), run.finalEvaluation.successRate, run.meanSuccessAlongTraining, run.environmentSteps,
                         run.seconds, Double(run.environmentSteps) / run.seconds, curve))
        }
        for run in runs {
            if let heldOut = run.heldOutEvaluation {
                print(String(format: "%@ %4d  final success %.2f in the figures' style, %.2f in the held-out style",
                             run.critic.description, Int(run.seed), run.finalEvaluation.successRate, heldOut.successRate))
            }
        }
        for critic in criticList {
            let mine = runs.filter { $0.critic == critic }
            let (m, s) = meanAndStandardDeviation(of: mine.map(\.meanSuccessAlongTraining))
            let (f, fs) = meanAndStandardDeviation(of: mine.map(\.finalEvaluation.successRate))
            let reached = mine.filter { $0.stepsToThreshold != nil }.count
            print(String(format: "%@: mean success along training %.3f ± %.3f, final %.2f ± %.2f, threshold reached by %d of %d",
                         critic.description, m, s, f, fs, reached, mine.count))
        }
        if criticList.count == 2 {
            let a = runs.filter { $0.critic == criticList[0] }, b = runs.filter { $0.critic == criticList[1] }
            let comparison = SeedComparison(greater: a.map(\.meanSuccessAlongTraining), than: b.map(\.meanSuccessAlongTraining))
            print("\(criticList[0]) above \(criticList[1]) in mean success along training: \(comparison.holds ? "holds" : "does not hold") (\(comparison))")
        }
        print(String(format: "total %.1f s wall, %d runs, %d threads", total, runs.count, threads))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(runs).write(to: URL(fileURLWithPath: out), options: .atomic)
    }
}

extension PixelStudy {
    /// Styles between the figures' and the held-out one, to find which difference stops a policy
    /// (`--held-out-parts`): the held-out style with one part from the figures' (table with its texture,
    /// edge and floor; block; goal; pusher; camera, light and noise), the figures' style with the held-out
    /// table or block, the held-out style with the figures' block and one more figures' part, and the
    /// figures' style with the held-out table and one more held-out part.
    static func heldOutParts() -> [String: PushingRenderStyle] {
        let figure = PushingRenderStyle.figure, heldOut = PushingRenderStyle.heldOut
        var table = heldOut, block = heldOut, goal = heldOut, camera = heldOut, figureTable = figure, figureBlock = figure
        table.table = figure.table; table.texture = figure.texture; table.edge = figure.edge
        table.background = figure.background
        block.block = figure.block
        goal.goal = figure.goal; goal.goalFillAlpha = figure.goalFillAlpha
        camera.lightingStrength = 0; camera.cameraOffset = .zero; camera.cameraRotation = 0; camera.cameraZoom = 1
        camera.pixelNoise = 0
        figureTable.table = heldOut.table; figureTable.texture = heldOut.texture; figureTable.edge = heldOut.edge
        figureTable.background = heldOut.background
        figureBlock.block = heldOut.block
        // With the figures' block, one more part from the figures' style; with the held-out table, one more held-out part.
        var blockGoal = block, blockCamera = block, blockPusher = block, tableGoal = figureTable, tablePusher = figureTable
        blockGoal.goal = figure.goal; blockGoal.goalFillAlpha = figure.goalFillAlpha
        blockCamera.lightingStrength = 0; blockCamera.cameraOffset = .zero; blockCamera.cameraRotation = 0
        blockCamera.cameraZoom = 1; blockCamera.pixelNoise = 0
        blockPusher.pusher = figure.pusher
        tableGoal.goal = heldOut.goal; tableGoal.goalFillAlpha = heldOut.goalFillAlpha
        tablePusher.pusher = heldOut.pusher
        var pusher = heldOut
        pusher.pusher = figure.pusher
        return ["heldOut+figureTable": table, "heldOut+figureBlock": block, "heldOut+figureGoal": goal,
                "heldOut+figureCamera": camera, "heldOut+figurePusher": pusher,
                "figure+heldOutTable": figureTable, "figure+heldOutBlock": figureBlock,
                "heldOut+figureBlock,Goal": blockGoal, "heldOut+figureBlock,Camera": blockCamera,
                "heldOut+figureBlock,Pusher": blockPusher, "figure+heldOutTable,Goal": tableGoal,
                "figure+heldOutTable,Pusher": tablePusher]
    }
}

extension PixelStudy {
    /// How often `sampler` draws the held-out style's colour relations (10 000 styles, seed 12 345; its
    /// own random stream, so the study's draws do not change): a pusher brighter than its table in blue,
    /// a block within 0.35 of its table, a table more saturated than 0.6, and both relations at once.
    static func heldOutRelations(of sampler: PushingStyleSampler) -> String {
        var rng = RandomSource(seed: 12_345)
        let draws = 10_000
        var brighterBlue = 0, nearBlock = 0, saturated = 0, both = 0
        for _ in 0..<draws {
            let style = sampler.sample(rng: &rng)
            let blue = style.pusher.blue > style.table.blue
            let near = PushingStyleSampler.distance(style.block, style.table) < 0.35
            brighterBlue += blue ? 1 : 0
            nearBlock += near ? 1 : 0
            saturated += HSVColor(style.table).saturation > 0.6 ? 1 : 0
            both += blue && near ? 1 : 0
        }
        func percent(_ n: Int) -> String { String(format: "%.2f %%", 100 * Double(n) / Double(draws)) }
        return "of \(draws) drawn styles: pusher brighter than the table in blue \(percent(brighterBlue)), "
            + "block within 0.35 of the table \(percent(nearBlock)), table saturation above 0.6 \(percent(saturated)), "
            + "both relations at once \(percent(both))"
    }
}

// Bad flags give one line on standard error (not the usage block) and exit status 64.
do {
    var command = try PixelStudy.parseAsRoot()
    try command.run()
} catch {
    let code = PixelStudy.exitCode(for: error)
    if code == .success { PixelStudy.exit(withError: error) }    // --help
    let message = PixelStudy.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("pixel-study: \(message)\n".utf8))
    exit(code.rawValue)
}
