import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics
import Solutions
import Testing

/// Lesson 9's agent: the critic on images, PixelPPO with either critic (through PPO's own update),
/// and lesson 7's mixed-reward agent with a policy on pixels. Tiny sizes: each test takes well
/// under a few seconds.
@Suite("Pixels: the pixel critic and the mixed-reward agent on images")
struct PixelAgentTests {
    static let task = PushingTask()
    static let shape = ImageShape(height: 16, width: 16, channels: 3)
    static let convolutions = [ConvolutionSpec(filters: 4, kernel: 3, stride: 2, padding: 1),
                               ConvolutionSpec(filters: 8, kernel: 3, stride: 2, padding: 1)]

    static func demonstrations() throws -> [Trajectory<BlockPushing.State>] {
        try task.demonstrations(count: 4, seed: 700)
    }

    /// 2 cameras × 16 steps of 16 × 16 images, one PPO epoch, 2 small discriminator steps.
    static func tiny(critic: PixelCriticChoice = .state, view: DiscriminatorView = .blockOnly,
                     starts: Double = 0.8) -> PixelMixedRewardConfiguration {
        var configuration = PixelMixedRewardConfiguration()
        configuration.critic = critic
        configuration.convolutions = convolutions
        configuration.policyHiddenSizes = [16]
        configuration.pixelCriticHiddenSizes = [16]
        configuration.rewardMixing.discriminatorView = view
        configuration.rewardMixing.demonstrationStartProbability = starts
        configuration.rewardMixing.rollouts.environments = 2
        configuration.rewardMixing.rollouts.stepsPerEnvironment = 16
        configuration.rewardMixing.ppo.epochs = 1
        configuration.rewardMixing.ppo.minibatchSize = 16
        configuration.rewardMixing.discriminatorStepsPerIteration = 2
        configuration.rewardMixing.discriminatorMinibatchSize = 16
        return configuration
    }

    static func agent(_ configuration: PixelMixedRewardConfiguration, seed: UInt64 = 3) throws
        -> (PixelMixedRewardAgent<Solutions.AdversarialImitation, Solutions.RewardMixing>, RandomSource) {
        var rng = RandomSource(seed: seed)
        let agent = try PixelMixedRewardAgent(task: task, demonstrations: try demonstrations(), configuration: configuration,
                                              imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                              visuomotor: Solutions.Visuomotor(), rng: &rng)
        return (agent, rng)
    }

    /// Every parameter's bits, in order.
    static func bits(_ parameters: [Parameter]) -> [UInt32] {
        parameters.flatMap { $0.value.scalars.map(\.bitPattern) }
    }

    @Test("the pixel critic maps a batch of images to one value each, in chunks or at once")
    func criticShapes() throws {
        var rng = RandomSource(seed: 1)
        let critic = ConvolutionalValueFunction(imageShape: Self.shape, convolutions: Self.convolutions, hiddenSizes: [16],
                                                chunkSize: 4, rng: &rng)
        let images = Matrix.randomNormal(10, Self.shape.count, rng: &rng)
        let predictions = critic.predictions(images)
        #expect(predictions.rows == 10 && predictions.cols == 1)
        let values = critic.values(images)   // three chunks: 4, 4, 2
        #expect(values.count == 10)
        // GEMM's blocking depends on the batch, so chunks may differ from one pass in the last bit.
        #expect(zip(values, predictions.value.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) },
                "chunked values \(values) differ from one forward pass \(predictions.value.scalars)")
        #expect(critic.parameters.count == 2 * Self.convolutions.count + 4)
    }

    @Test("the pixel critic's gradient matches finite differences along a random direction, and a step lowers its loss")
    func criticGradient() throws {
        var rng = RandomSource(seed: 2)
        let critic = ConvolutionalValueFunction(imageShape: Self.shape, convolutions: Self.convolutions, hiddenSizes: [16], rng: &rng)
        let images = Matrix.randomNormal(8, Self.shape.count, rng: &rng)
        let targets = Tensor(Matrix.randomNormal(8, 1, rng: &rng))
        func loss() -> Tensor { mseLoss(critic.predictions(images), targets) }
        let gradients = loss().gradients(for: critic.parameters)
        #expect(zip(gradients, critic.parameters).allSatisfy { $0.rows == $1.value.rows && $0.cols == $1.value.cols })
        #expect(gradients.contains { $0.scalars.contains { $0 != 0 } }, "all gradients are zero")
        // Central differences of the loss along a random direction d, against ∇L · d.
        let direction = critic.parameters.map { Matrix.randomNormal($0.value.rows, $0.value.cols, rng: &rng) }
        let originals = critic.parameters.map(\.value)
        func shifted(_ epsilon: Float) -> Double {
            for (k, parameter) in critic.parameters.enumerated() { parameter.value = originals[k] + direction[k] * epsilon }
            defer { for (k, parameter) in critic.parameters.enumerated() { parameter.value = originals[k] } }
            return Double(loss().scalar)
        }
        let epsilon: Float = 1e-3
        let numeric = (shifted(epsilon) - shifted(-epsilon)) / Double(2 * epsilon)
        let analytic = zip(gradients, direction).reduce(0.0) { total, pair in
            total + zip(pair.0.scalars, pair.1.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        #expect(abs(numeric - analytic) <= 0.02 * max(1, abs(analytic)), "finite differences \(numeric), autodiff \(analytic)")
        // Plain gradient steps lower the squared error.
        let before = loss().scalar
        for _ in 0..<5 {
            let g = loss().gradients(for: critic.parameters)
            for (parameter, gradient) in zip(critic.parameters, g) { parameter.value = parameter.value - gradient * 0.01 }
        }
        #expect(loss().scalar < before, "loss \(before) → \(loss().scalar)")
    }

    @Test("the collector records the image after every step, and it is the next row's image within an episode")
    func nextImages() throws {
        var rng = RandomSource(seed: 4)
        var cameras: [PixelPushingEnvironment] = []
        for _ in 0..<2 { cameras.append(try PixelPushingEnvironment(task: Self.task, size: 16, rng: &rng)) }
        var collector = try PixelCollector(environments: cameras)
        let policy = ConvolutionalGaussianPolicy(imageShape: Self.shape, actionSize: 2, convolutions: Self.convolutions,
                                                 hiddenSizes: [16], rng: &rng)
        let rollout = try collector.collect(policy: policy, stepsPerEnvironment: 8, rng: &rng)
        #expect(rollout.nextImages.rows == 16 && rollout.nextImages.cols == Self.shape.count)
        let targets = AuxiliaryTarget.blockAndPusher.positions(rollout, rows: [0, 5])
        #expect(targets.rows == 2 && targets.cols == 4)
        #expect(targets.row(1) == rollout.blockPositions.row(5) + rollout.pusherPositions.row(5))
        #expect(Array(rollout.states.observations.row(5)[0..<2]) == rollout.pusherPositions.row(5))
        for row in 0..<rollout.count - 1 where !rollout.states.episodeEnds[row] {
            #expect(rollout.nextImages.row(row) == rollout.images.row(row + 1), "row \(row)")
        }
    }

    @Test("PixelPPO trains either critic; with the state critic the policy's update equals PPO's shared one")
    func pixelPPOWithEitherCritic() throws {
        for choice in PixelCriticChoice.allCases {
            var rng = RandomSource(seed: 5)
            var cameras: [PixelPushingEnvironment] = []
            for _ in 0..<2 { cameras.append(try PixelPushingEnvironment(task: Self.task, size: 16, rng: &rng)) }
            var collector = try PixelCollector(environments: cameras)
            let policy = ConvolutionalGaussianPolicy(imageShape: Self.shape, actionSize: 2, convolutions: Self.convolutions,
                                                     hiddenSizes: [16], rng: &rng)
            let critic: any PixelRolloutCritic = choice == .state
                ? ValueFunction(observationSize: cameras[0].state.count, hiddenSizes: [16], rng: &rng)
                : ConvolutionalValueFunction(imageShape: Self.shape, convolutions: Self.convolutions, hiddenSizes: [16], rng: &rng)
            var configuration = PPOConfiguration()
            configuration.epochs = 2
            configuration.minibatchSize = 16
            let ppo = PixelPPO(policy: policy, critic: critic, configuration: configuration,
                               formulas: Solutions.AdversarialImitation(), visuomotor: Solutions.Visuomotor())
            let rollout = try collector.collect(policy: policy, stepsPerEnvironment: 16, rng: &rng)
            let criticBefore = Self.bits(critic.parameters), policyBefore = Self.bits(policy.parameters)
            let rewards = rollout.states.taskRewards.enumerated().map { Float($0.offset % 3) * 0.1 + $0.element }
            let statistics = try ppo.update(rollout: rollout, rewards: rewards, rng: &rng)
            #expect(statistics.policyGradientSteps == 4 && statistics.valueGradientSteps == 4)
            #expect(statistics.valueLoss.isFinite && statistics.approximateKL.isFinite)
            #expect(Self.bits(critic.parameters) != criticBefore, "\(choice): the critic did not move")
            #expect(Self.bits(policy.parameters) != policyBefore, "\(choice): the policy did not move")
        }
    }

    @Test("the discriminator sees only the block: changing the pusher or the action leaves its input unchanged")
    func blockOnlyView() throws {
        let (agent, _) = try Self.agent(Self.tiny(view: .blockOnly))
        let (unmasked, _) = try Self.agent(Self.tiny(view: .blockAndPusher))
        var rng = RandomSource(seed: 6)
        let observations = Matrix.randomNormal(5, Self.task.environment.observationSize, rng: &rng)
        let actions = Matrix.randomNormal(5, 2, rng: &rng)
        var moved = observations
        for row in 0..<5 { for column in BlockPushing.pusherFeatures { moved[row, column] += 0.3 } }
        let otherActions = actions * -1
        let seen = try agent.discriminatorInputs(observations: observations, actions: actions)
        #expect(seen.cols == BlockPushing.blockFeatures.count)
        #expect(try agent.discriminatorInputs(observations: moved, actions: otherActions).scalars == seen.scalars)
        #expect(try agent.imitationRewards(observations: moved, actions: otherActions)
                == agent.imitationRewards(observations: observations, actions: actions))
        // The ablation's view does see the pusher and the action.
        #expect(try unmasked.discriminatorInputs(observations: moved, actions: actions).scalars
                != unmasked.discriminatorInputs(observations: observations, actions: actions).scalars)
        #expect(try unmasked.discriminatorInputs(observations: observations, actions: otherActions).scalars
                != unmasked.discriminatorInputs(observations: observations, actions: actions).scalars)
    }

    @Test("the agent's shapes: images for the policy, states for the critic and the discriminator; starts from demonstrations")
    func agentShapes() throws {
        let (agent, rng) = try Self.agent(Self.tiny(starts: 1))
        var rng2 = rng
        #expect(agent.policy.imageShape == Self.shape)
        #expect(agent.critic is ValueFunction)
        #expect(agent.discriminator.inputScaling.dimension == BlockPushing.blockFeatures.count)
        let report = try agent.iterate(rng: &rng2)
        #expect(agent.environmentSteps == 32 && report.point.environmentSteps == 32)
        #expect(agent.demonstrationStartFraction == 1, "every episode should start from a demonstration state")
        #expect(report.point.extras[GAILMetric.policyD] != nil)
        let (pixels, _) = try Self.agent(Self.tiny(critic: .pixels))
        #expect((pixels.critic as? ConvolutionalValueFunction)?.imageShape == Self.shape)
        #expect(pixels.policy.auxiliaryHead == nil)
        var auxiliary = Self.tiny()
        auxiliary.auxiliaryWeight = 1
        auxiliary.auxiliaryTarget = .blockAndPusher
        var (withHead, rng3) = try Self.agent(auxiliary)
        #expect(withHead.policy.auxiliaryHead?.outputSize == 4)
        try withHead.iterate(rng: &rng3)
    }

    /// The curve as sorted-key JSON (NaN ≠ NaN, and dictionaries keep no order).
    static func json(_ points: [LearningCurvePoint]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(points)
    }

    @Test("a seed fixes every number: two agents with one seed end with the same bits; the critic leaves the first rollout alone")
    func reproducible() throws {
        func train(_ critic: PixelCriticChoice) throws -> (policy: [UInt32], critic: [UInt32], curve: [LearningCurvePoint]) {
            var (agent, rng) = try Self.agent(Self.tiny(critic: critic), seed: 11)
            try agent.train(iterations: 2, rng: &rng)
            return (Self.bits(agent.policy.parameters), Self.bits(agent.critic.parameters), agent.curve.points)
        }
        let first = try train(.pixels), second = try train(.pixels)
        #expect(first.policy == second.policy)
        #expect(first.critic == second.critic)
        #expect(try Self.json(first.curve) == Self.json(second.curve))
        // Same seed, other critic: the same initial policy and cameras, so the same first batch.
        var (stateAgent, rngA) = try Self.agent(Self.tiny(critic: .state), seed: 11)
        var (pixelAgent, rngB) = try Self.agent(Self.tiny(critic: .pixels), seed: 11)
        #expect(Self.bits(stateAgent.policy.parameters) == Self.bits(pixelAgent.policy.parameters))
        let a = try stateAgent.iterate(rng: &rngA), b = try pixelAgent.iterate(rng: &rngB)
        #expect(a.point.meanTrainingReward == b.point.meanTrainingReward)
    }

    @Test("auxiliary pretraining lowers the position loss; without a matching head it is one clear error")
    func pretraining() throws {
        var rng = RandomSource(seed: 8)
        let policy = ConvolutionalGaussianPolicy(imageShape: Self.shape, actionSize: 2, convolutions: Self.convolutions,
                                                 hiddenSizes: [16], auxiliaryOutputs: 4, rng: &rng)
        var pretraining = AuxiliaryPretraining()
        pretraining.images = 128
        pretraining.steps = 1
        var first = RandomSource(seed: 9), second = RandomSource(seed: 9)
        let states = try Self.demonstrations().flatMap { $0.states }
        let before = try pretraining.run(policy: policy, target: .blockAndPusher, task: Self.task, demonstrationStates: states,
                                         styles: .fixed(.figure), visuomotor: Solutions.Visuomotor(), rng: &first)
        pretraining.steps = 150
        let after = try pretraining.run(policy: policy, target: .blockAndPusher, task: Self.task, demonstrationStates: states,
                                        styles: .fixed(.figure), visuomotor: Solutions.Visuomotor(), rng: &second)
        #expect(after < 0.5 * before, "auxiliary loss \(before) → \(after)")
        let error = try #require(throws: PolicyGradientError.self) {
            try pretraining.run(policy: policy, target: .block, task: Self.task, demonstrationStates: states,
                                styles: .fixed(.figure), visuomotor: Solutions.Visuomotor(), rng: &first)
        }
        #expect("\(error)".contains("2 outputs"), "\(error)")
    }

    /// Lesson 9's reference with an auxiliary loss that refuses: what the library calls it from shows.
    struct RefusingAuxiliaryLoss: VisuomotorExercises {
        struct Called: Error {}
        let base = Solutions.Visuomotor()
        func convolutionOutputSize(inputSize: Int, kernel: Int, stride: Int, padding: Int) throws -> Int {
            try base.convolutionOutputSize(inputSize: inputSize, kernel: kernel, stride: stride, padding: padding)
        }
        func im2col(images: Matrix, shape: ImageShape, kernel: Int, stride: Int, padding: Int) throws -> Matrix {
            try base.im2col(images: images, shape: shape, kernel: kernel, stride: stride, padding: padding)
        }
        func spatialSoftmaxKeypoints(featureMaps: Matrix, shape: ImageShape, temperature: Float) throws -> Matrix {
            try base.spatialSoftmaxKeypoints(featureMaps: featureMaps, shape: shape, temperature: temperature)
        }
        func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) throws -> Tensor { throw Called() }
    }

    @Test("the pretraining and PPO's policy loss call the plugged-in auxiliary loss (exercise 9.4), and only with a weight")
    func auxiliaryLossIsPluggedIn() throws {
        var configuration = Self.tiny()
        configuration.auxiliaryWeight = 1
        configuration.auxiliaryPretraining.steps = 2
        configuration.auxiliaryPretraining.images = 8
        var rng = RandomSource(seed: 3)
        #expect(throws: RefusingAuxiliaryLoss.Called.self) {
            _ = try PixelMixedRewardAgent(task: Self.task, demonstrations: try Self.demonstrations(), configuration: configuration,
                                          imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                          visuomotor: RefusingAuxiliaryLoss(), rng: &rng)
        }
        configuration.auxiliaryPretraining.steps = 0
        let agent = try PixelMixedRewardAgent(task: Self.task, demonstrations: try Self.demonstrations(), configuration: configuration,
                                              imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                              visuomotor: RefusingAuxiliaryLoss(), rng: &rng)
        #expect(throws: RefusingAuxiliaryLoss.Called.self) { try agent.iterate(rng: &rng) }
        configuration.auxiliaryWeight = 0
        let without = try PixelMixedRewardAgent(task: Self.task, demonstrations: try Self.demonstrations(), configuration: configuration,
                                                imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                                visuomotor: RefusingAuxiliaryLoss(), rng: &rng)
        try without.iterate(rng: &rng)
    }

    @Test("evaluation from pixels starts where Rollout.run starts, and a bad setting is one clear error")
    func evaluationAndErrors() throws {
        let (agent, _) = try Self.agent(Self.tiny())
        let episodes = try PixelPolicyEvaluation.trajectories(of: agent.policy, task: Self.task, episodes: 3, seed: 1_000_000)
        let reference = try Rollout.run(Self.task.environment, episodes: 3, seed: 1_000_000) { _, _ in [0, 0] }
        #expect(episodes.map { $0.states.first } == reference.map { $0.states.first })
        #expect(episodes.allSatisfy { $0.count >= 1 && $0.count <= Self.task.maxEpisodeSteps })
        var bad = Self.tiny()
        bad.rewardMixing.imitationWeight = 2
        let error = try #require(throws: PolicyGradientError.self) { _ = try Self.agent(bad) }
        #expect("\(error)".contains("λ = 2.0"), "\(error)")
        #expect(!"\(error)".contains("\n"))
    }

    @Test("another embodiment's state-only demonstrations: the object-only view learns from them, a view with actions refuses them")
    func stateOnlyDemonstrations() throws {
        let paddle = try Self.task.paddleDemonstrations(count: 4, seed: 700)
        let pusher = try Self.demonstrations()
        #expect(paddle.allSatisfy { !$0.hasActions && $0.actions.count == $0.count && $0.states.count == $0.count + 1 })
        #expect(zip(paddle, pusher).allSatisfy { $0.states[0] == $1.states[0] }, "the same start states as the pusher's")
        var rng = RandomSource(seed: 3)
        let agent = try PixelMixedRewardAgent(task: Self.task, demonstrations: paddle, configuration: Self.tiny(),
                                              imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                              visuomotor: Solutions.Visuomotor(), rng: &rng)
        try agent.train(iterations: 2, rng: &rng)
        #expect(agent.curve.points.count == 2 && agent.demonstrationStartFraction > 0)
        var other = RandomSource(seed: 3)
        let error = try #require(throws: PolicyGradientError.self) {
            _ = try PixelMixedRewardAgent(task: Self.task, demonstrations: paddle, configuration: Self.tiny(view: .blockAndPusher),
                                          imitation: Solutions.AdversarialImitation(), mixing: Solutions.RewardMixing(),
                                          visuomotor: Solutions.Visuomotor(), rng: &other)
        }
        #expect("\(error)".contains("states only") && "\(error)".contains("block + pusher"), "\(error)")
        #expect(!"\(error)".contains("\n"))
    }
}
