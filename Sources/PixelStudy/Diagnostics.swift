// The diagnostics of pixel-study beside the study itself: lesson 7's agent on the state with the same
// settings (--baseline), the pixel agent's mean action against the scene along training (--diagnose),
// and behavior cloning of the designed expert from images (--cloning-check): is the task learnable
// from these images at all, and what does the policy on pixels learn instead?
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// One run of the reach task: the aim, mean reward and environment steps after each iteration.
struct ReachOutcome: Sendable {
    var critic: PixelCriticChoice
    var seed: UInt64
    var aims: [Float]
    var rewards: [Float]
    var steps: [Int]
    var seconds: Double
}

extension PixelStudy {
    /// The critic ablation on a task the policy on pixels does learn at this budget: bring the pusher
    /// to the block, rewarded densely by the decrease of their distance (computed from the states),
    /// episodes from the environment's resets. Per run: the aim (mean cosine of μ(image) with
    /// block − pusher over the iteration's states) along training and the environment steps at which
    /// it first reaches 0.5; runs in parallel, `threads` at a time.
    func runReach<I: GAILExercises>(seeds: [UInt64], critics: [PixelCriticChoice], configuration: PixelMixedRewardConfiguration,
                                    imitation: I, visuomotor: some VisuomotorExercises) throws {
        let jobs = critics.flatMap { critic in seeds.map { (critic, $0) } }
        let iterations = reach, size = size, environments = environments, stepsPerEnvironment = stepsPerEnvironment
        let ppo = configuration.rewardMixing.ppo, c = configuration
        let outcomes = try parallelMap(jobs.count, threads: threads) { index -> ReachOutcome in
            let (critic, seed) = jobs[index]
            let started = Date()
            var rng = RandomSource(seed: seed)
            var cameras: [PixelPushingEnvironment] = []
            for _ in 0..<environments { cameras.append(try PixelPushingEnvironment(task: PushingTask(), size: size, rng: &rng)) }
            var collector = try PixelCollector(environments: cameras)
            let policy = ConvolutionalGaussianPolicy(imageShape: cameras[0].imageShape, actionSize: 2, convolutions: c.convolutions,
                                                     hiddenSizes: c.policyHiddenSizes, auxiliaryOutputs: 0, readout: c.readout, rng: &rng)
            var criticRNG = rng.split()
            let value: any PixelRolloutCritic = critic == .state
                ? ValueFunction(observationSize: cameras[0].state.count, hiddenSizes: c.rewardMixing.policyHiddenSizes,
                                activation: c.rewardMixing.hiddenActivation, rng: &criticRNG)
                : ConvolutionalValueFunction(imageShape: cameras[0].imageShape, convolutions: c.convolutions,
                                             hiddenSizes: c.pixelCriticHiddenSizes, readout: c.readout, rng: &criticRNG)
            let learner = PixelPPO(policy: policy, critic: value, configuration: ppo, formulas: imitation, visuomotor: visuomotor)
            var outcome = ReachOutcome(critic: critic, seed: seed, aims: [], rewards: [], steps: [], seconds: 0)
            for _ in 0..<iterations {
                let rollout = try collector.collect(policy: policy, stepsPerEnvironment: stepsPerEnvironment, rng: &rng)
                let s = rollout.states.observations, next = rollout.states.nextObservations
                func distance(_ m: Matrix, _ row: Int) -> Float {
                    let dx = m[row, 0] - m[row, 2], dy = m[row, 1] - m[row, 3]
                    return (dx * dx + dy * dy).squareRoot()
                }
                let rewards = (0..<rollout.count).map { 10 * (distance(s, $0) - distance(next, $0)) }
                let means = policy.meanActions(rollout.images)
                var aim: Float = 0
                for i in 0..<rollout.count {
                    let dx = s[i, 2] - s[i, 0], dy = s[i, 3] - s[i, 1], ax = means[i, 0], ay = means[i, 1]
                    aim += (dx * ax + dy * ay) / max((dx * dx + dy * dy).squareRoot() * (ax * ax + ay * ay).squareRoot(), 1e-8)
                }
                outcome.aims.append(aim / Float(rollout.count))
                outcome.rewards.append(rewards.reduce(0, +) / Float(rewards.count))
                outcome.steps.append((outcome.steps.last ?? 0) + rollout.count)
                _ = try learner.update(rollout: rollout, rewards: rewards, rng: &rng)
            }
            outcome.seconds = Date().timeIntervalSince(started)
            return outcome
        }
        print("reach task, \(size)×\(size), \(environments) × \(stepsPerEnvironment) steps × \(iterations) iterations, \(ppo.epochs) epochs")
        print("critic               seed  steps to aim ≥ 0.3 (5-iteration mean)  aim (last 10)  reward (last 10)  seconds  steps/s")
        func window(_ values: [Float], _ end: Int, _ width: Int) -> Float {
            let slice = values[max(0, end - width)..<end]
            return slice.reduce(0, +) / Float(max(slice.count, 1))
        }
        for o in outcomes {
            let reached = (5...max(o.aims.count, 5)).first { $0 <= o.aims.count && window(o.aims, $0, 5) >= 0.3 }
                .map { String(o.steps[$0 - 1]) } ?? "not reached"
            print(String(format: "%@ %4d  %@  %13.3f  %16.4f  %7.1f  %7.0f", o.critic.description.padding(toLength: 20, withPad: " ", startingAt: 0),
                         Int(o.seed), reached.padding(toLength: 37, withPad: " ", startingAt: 0), window(o.aims, o.aims.count, 10),
                         window(o.rewards, o.rewards.count, 10), o.seconds, Double(o.steps.last ?? 0) / o.seconds))
        }
        if critics.count == 2 {
            let a = outcomes.filter { $0.critic == critics[0] }, b = outcomes.filter { $0.critic == critics[1] }
            for (name, value) in [("aim (last 10)", { (o: ReachOutcome) in Double(window(o.aims, o.aims.count, 10)) }),
                                  ("reward (last 10)", { (o: ReachOutcome) in Double(window(o.rewards, o.rewards.count, 10)) }),
                                  ("reward (whole run)", { (o: ReachOutcome) in Double(window(o.rewards, o.rewards.count, o.rewards.count)) })] {
                let comparison = SeedComparison(greater: a.map(value), than: b.map(value))
                let (ma, sa) = meanAndStandardDeviation(of: a.map(value)), (mb, sb) = meanAndStandardDeviation(of: b.map(value))
                print(String(format: "%@: %@ %.4f ± %.4f, %@ %.4f ± %.4f (sd over seeds); %@ above: %@", name, critics[0].rawValue, ma, sa,
                             critics[1].rawValue, mb, sb, critics[0].rawValue, comparison.holds ? "holds" : "does not hold"))
            }
        }
    }

    /// Trains one agent and prints, every `interval` iterations, how its mean action relates to the
    /// scene on the evaluation episodes' states: |μ|, the cosine of μ with block − pusher (the approach)
    /// and with goal − block (the push), and σ.
    func runDiagnosis<I: GAILExercises, M: RewardMixingExercises>(task: PushingTask, demonstrations: [Trajectory<BlockPushing.State>],
                                                                   configuration: PixelMixedRewardConfiguration, seed: UInt64,
                                                                   critic: PixelCriticChoice, imitation: I, mixing: M,
                                                                   visuomotor: some VisuomotorExercises) throws {
        var c = configuration
        c.critic = critic
        var rng = RandomSource(seed: seed)
        let agent = try PixelMixedRewardAgent(task: task, demonstrations: demonstrations, configuration: c, imitation: imitation,
                                              mixing: mixing, visuomotor: visuomotor, rng: &rng)
        let renderer = try PushingPixelRenderer(environment: task.environment, size: size)
        let shape = renderer.observationShape
        func cosine(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
            let d = (a * a).sum().squareRoot() * (b * b).sum().squareRoot()
            return d > 1e-9 ? (a * b).sum() / d : 0
        }
        print(String(format: "auxiliary pretraining loss %.4f", agent.auxiliaryPretrainingLoss))
        for iteration in 1...iterations {
            let report = try agent.iterate(rng: &rng)
            guard iteration % interval == 0 else { continue }
            let episodes = try PixelPolicyEvaluation.trajectories(of: agent.policy, task: task, episodes: self.episodes, seed: 1_000_000)
            let success = try mixing.successStatistics(of: episodes).successRate
            // The demonstrations' states: where the policy should push the block towards the goal.
            let states = demonstrations.flatMap { $0.states.prefix($0.count) }
            var images: [Float] = []
            for state in states {
                var image = renderer.render(state, style: .figure)
                shape.standardize(&image)
                images += image
            }
            let means = agent.policy.meanActions(Matrix(rows: states.count, cols: shape.count, values: images))
            var size = 0.0, approach = 0.0, push = 0.0, demonstrator = 0.0
            let actions = demonstrations.flatMap(\.actions)
            for (i, state) in states.enumerated() {
                let mu = SIMD2<Double>(Double(means[i, 0]), Double(means[i, 1]))
                size += (mu * mu).sum().squareRoot()
                approach += cosine(mu, state.block - state.pusher)
                push += cosine(mu, state.goal - state.block)
                demonstrator += cosine(mu, SIMD2<Double>(Double(actions[i][0]), Double(actions[i][1])))
            }
            let n = Double(states.count)
            FileHandle.standardOutput.write(Data((String(format: "%@ %6d steps: success %.2f, training success %.2f; on demonstration states |μ| %.2f, "
                         + "cos(μ, block − pusher) %.2f, cos(μ, goal − block) %.2f, cos(μ, demonstrator's action) %.2f, σ %.2f",
                         critic.rawValue, agent.environmentSteps, success, report.point.trainingSuccessRate, size / n, approach / n,
                         push / n, demonstrator / n, agent.policy.standardDeviations.reduce(0, +) / 2) + "\n").utf8))
        }
    }

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
                                                 hiddenSizes: configuration.policyHiddenSizes, readout: configuration.readout, rng: &rng)
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
                    if verbose {
                        let states = demonstrations.flatMap { $0.states.prefix($0.count) }
                        let observations = demonstrations.flatMap { $0.observations.prefix($0.count) }
                        let means = agent.policy.meanActions(Matrix(rows: states.count, cols: observations[0].count,
                                                                    values: observations.flatMap { $0 }))
                        var size = 0.0, approach = 0.0, push = 0.0
                        for (i, state) in states.enumerated() {
                            let mu = SIMD2<Double>(Double(means[i, 0]), Double(means[i, 1]))
                            func cosine(_ b: SIMD2<Double>) -> Double {
                                let d = (mu * mu).sum().squareRoot() * (b * b).sum().squareRoot()
                                return d > 1e-9 ? (mu * b).sum() / d : 0
                            }
                            size += (mu * mu).sum().squareRoot()
                            approach += cosine(state.block - state.pusher)
                            push += cosine(state.goal - state.block)
                        }
                        let n = Double(states.count)
                        print(String(format: "state policy %6d steps: success %.2f; on demonstration states |μ| %.2f, "
                                     + "cos(μ, block − pusher) %.2f, cos(μ, goal − block) %.2f, σ %.2f", agent.environmentSteps,
                                     curve.last!, size / n, approach / n, push / n, agent.policy.standardDeviations.reduce(0, +) / 2))
                    }
                }
            }
            print(String(format: "state policy (lesson 7) seed %d: success curve %@ (%.1f s)", Int(seed),
                         curve.map { String(format: "%.2f", $0) }.joined(separator: " "), Date().timeIntervalSince(started)))
        }
    }
}
