// pixel-study: Zhu et al.'s (2018) critic ablation on the kit's pushing task seen through a camera.
// The mixed-reward agent of lesson 7 with a CNN policy on rendered images, trained per seed with the
// asymmetric critic (on the state) and with a critic on the images; each run is evaluated from the
// task's start states every few iterations, and the environment steps at which its success rate
// first reaches the threshold are reported per seed, with wall times and steps per second.
//
//   swift run -c release pixel-study --seeds 0,1,2,3 --iterations 60 --size 16 --out pixel-study.json
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
    @Option(name: .customLong("policy-lr"), help: "Adam step size of the policy.")
    var policyLearningRate: Float = 1e-3
    @Option(name: .customLong("value-lr"), help: "Adam step size of the critic.")
    var valueLearningRate: Float = 1e-3
    @Option(help: "Demonstrations (lesson 7's demonstrator, recorded with seed 77 000 as lesson 7 does with its seed 0).")
    var demonstrations = 20
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
    @Flag(help: "Also run lesson 7's agent on the state (MixedRewardAgent, same settings) for the same seeds, for comparison.")
    var baseline = false
    @Option(name: .customLong("cloning-check"), help: "Instead of the study: behavior cloning of the designed expert from this many episodes of images, then its success (0: off).")
    var cloningCheck = 0
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
        c.rewardMixing.ppo.policyLearningRate = policyLearningRate
        c.rewardMixing.ppo.valueLearningRate = valueLearningRate
        return (seedList, criticList, c)
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (seedList, criticList, configuration) = try parsed()
        let set = exerciseSet(for: .reference).set
        let task = PushingTask()
        let demos = try task.demonstrations(count: demonstrations, seed: RandomSource.derivedSeed(base: 0, scale: 1_000, offset: 77_000))
        let experiment = PixelCriticExperiment(task: task, configuration: configuration, demonstrations: demos,
                                               iterations: iterations, evaluationInterval: interval, evaluationEpisodes: episodes,
                                               successThreshold: threshold, stopsAtThreshold: stopAtThreshold)
        let given = try set.rewardMixing.successStatistics(of: demos)
        FileHandle.standardError.write(Data(("pixel-study: \(size)×\(size) images, \(environments) × \(stepsPerEnvironment) steps × "
            + "\(iterations) iterations, \(epochs) epochs, λ = \(lambda), view \(view), seeds \(seedList), BLAS threads "
            + "\(Matrix.blasThreads), \(threads) runs at a time; demonstrations: \(given)\n").utf8))
        if cloningCheck > 0 {
            try runCloningCheck(task: task, configuration: configuration, mixing: set.rewardMixing)
            return
        }
        if baseline {
            try runBaseline(task: task, demonstrations: demos, configuration: configuration.rewardMixing, seeds: seedList,
                            imitation: set.adversarialImitation, mixing: set.rewardMixing)
        }
        let started = Date()
        let runs = try experiment.runAll(criticList, seeds: seedList, imitation: set.adversarialImitation,
                                         mixing: set.rewardMixing, parallelism: threads) { [verbose] critic, seed, report in
            guard verbose else { return }
            let p = report.point, u = report.update
            let line = String(format: "%@ seed %d, %6d steps: training success %.2f, task return %.2f, length %.1f, reward %.3f, "
                              + "D(expert) %.2f D(policy) %.2f, KL %.4f, clip %.2f, value loss %.3f\n",
                              critic.rawValue, Int(seed), p.environmentSteps, p.trainingSuccessRate, p.trainingTaskReturn,
                              p.trainingEpisodeLength, p.meanTrainingReward, p.extras[GAILMetric.expertD] ?? .nan,
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
    /// Can the policy's CNN represent the task at this image size? Behavior cloning of the designed
    /// expert's actions from rendered images, then the cloned mean policy's success from the task's
    /// start states.
    func runCloningCheck<M: RewardMixingExercises>(task: PushingTask, configuration: PixelMixedRewardConfiguration, mixing: M) throws {
        let started = Date()
        let demos = try Rollout.run(task.environment, expert: task.optimalExpert, episodes: cloningCheck, seed: 5)
        let renderer = try PushingPixelRenderer(environment: task.environment, size: size)
        let shape = renderer.observationShape
        var images: [Float] = [], actions: [Float] = []
        for demo in demos {
            for (t, state) in demo.states.prefix(demo.count).enumerated() {
                var image = renderer.render(state, style: .figure)
                shape.standardize(&image)
                images += image
                actions += demo.actions[t].map { min(max($0, -1), 1) }
            }
        }
        let n = actions.count / 2
        let x = Matrix(rows: n, cols: shape.count, values: images), y = Matrix(rows: n, cols: 2, values: actions)
        var rng = RandomSource(seed: 9)
        let policy = ConvolutionalGaussianPolicy(imageShape: shape, actionSize: 2, convolutions: configuration.convolutions,
                                                 hiddenSizes: configuration.policyHiddenSizes, rng: &rng)
        let optimizer = Adam(parameters: policy.parameters, learningRate: 1e-3)
        for step in 1...3000 {
            let rows = (0..<64).map { _ in rng.index(below: n) }
            let loss = mseLoss(policy.encoder(Tensor(x.rows(rows))), Tensor(y.rows(rows)))
            optimizer.step(loss.gradients(for: policy.parameters))
            if step % 500 == 0 {
                let episodes = try PixelPolicyEvaluation.trajectories(of: policy, task: task, episodes: episodes, seed: 1_000_000)
                print(String(format: "cloning check %d×%d, %d pairs, step %d: loss %.4f, %@", size, size, n, step, loss.scalar,
                             "\(try mixing.successStatistics(of: episodes))"))
            }
        }
        print(String(format: "%.1f s", Date().timeIntervalSince(started)))
    }

    /// Lesson 7's agent on the state with the same settings, seed by seed: its success from the task's
    /// start states every `interval` iterations (and its training numbers with `--verbose`).
    func runBaseline<I: GAILExercises, M: RewardMixingExercises>(task: PushingTask, demonstrations: [Trajectory<BlockPushing.State>],
                                                                  configuration: MixedRewardConfiguration, seeds: [UInt64],
                                                                  imitation: I, mixing: M) throws {
        for seed in seeds {
            let started = Date()
            var rng = RandomSource(seed: seed)
            var c = configuration
            c.rollouts.evaluationInterval = 0
            let agent = try MixedRewardAgent(environment: task.environment, demonstrations: demonstrations, configuration: c,
                                             imitation: imitation, mixing: mixing, rng: &rng)
            var curve: [Double] = []
            for iteration in 1...iterations {
                let report = try agent.iterate(rng: &rng)
                if verbose {
                    let p = report.point
                    FileHandle.standardError.write(Data(String(format: "state policy seed %d, %6d steps: training success %.2f, "
                        + "length %.1f, KL %.4f, clip %.2f\n", Int(seed), p.environmentSteps, p.trainingSuccessRate,
                        p.trainingEpisodeLength, report.update.approximateKL, report.update.clipFraction).utf8))
                }
                if iteration % interval == 0 || iteration == iterations {
                    let episodes = try PolicyEvaluation.trajectories(of: agent.policy, in: task.environment, episodes: self.episodes,
                                                                     seed: 1_000_000)
                    curve.append(try mixing.successStatistics(of: episodes).successRate)
                }
            }
            print(String(format: "state policy (lesson 7) seed %d: success curve %@ (%.1f s)", Int(seed),
                         curve.map { String(format: "%.2f", $0) }.joined(separator: " "), Date().timeIntervalSince(started)))
        }
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
