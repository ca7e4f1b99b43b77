import Datasets
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// Domain randomization at the kit's scale (Zhu et al. 2018, section IV-E; Tobin et al. 2017): a
/// policy on pixels cloned from the pushing expert, once from renders in the figures' style only
/// and once from renders in randomized styles, then evaluated in the figures' style and in a
/// held-out style that no training image was drawn in.
///
/// The policy is the visuomotor agent's (``ConvolutionalGaussianPolicy``, its mean action), trained
/// by behavior cloning (lesson 1's loss and minibatches, the plugged-in
/// ``BehaviorCloningExercises``) so that the comparison isolates what the images were drawn in;
/// reinforcement learning's seed-to-seed swings would hide it at this budget.
///
/// ```swift
/// let experiment = PixelCloningExperiment(task: PushingTask(), evaluationSeed: 1_000_000)
/// let run = try experiment.run(training: .randomized(PushingStyleSampler()), seed: 0,
///                              cloning: Solutions.BehaviorCloning(), mixing: Solutions.RewardMixing(),
///                              visuomotor: Solutions.Visuomotor())
/// run.success[PixelCloningRun.heldOut]
/// ```
public struct PixelCloningExperiment: Sendable {
    /// The task; the expert is its designed one (``PushingTask/optimalExpert``).
    public var task: PushingTask
    /// Images are `imageSize` × `imageSize` × 3, standardized per channel as the agent sees them.
    public var imageSize = 16
    /// The encoder's convolutions.
    public var convolutions = [ConvolutionSpec(filters: 8, kernel: 3, stride: 1, padding: 1),
                               ConvolutionSpec(filters: 16, kernel: 3, stride: 2, padding: 1)]
    /// How the encoder reads its last map.
    public var readout: FeatureReadout = .keypoints(temperature: 1)
    /// The dense layers of the policy's head.
    public var hiddenSizes = [32]
    /// Expert episodes whose states are rendered for training.
    public var demonstrationEpisodes = 40
    /// Images per demonstration state: each drawn in a style of its own from the training source.
    public var rendersPerState = 4
    /// Adam steps on the cloning loss.
    public var gradientSteps = 3_000
    /// Images per step.
    public var batchSize = 64
    /// Adam's step size.
    public var learningRate: Float = 1e-3
    /// The weight of the auxiliary position loss added to the cloning loss (0: no auxiliary head).
    public var auxiliaryWeight: Float = 0
    /// What the auxiliary head regresses (with a weight above 0).
    public var auxiliaryTarget: AuxiliaryTarget = .blockAndPusher
    /// Further styles to evaluate each policy in, by name (keys of ``PixelCloningRun/success`` beside
    /// the figures' and the held-out style's); none by default.
    public var additionalEvaluationStyles: [String: PushingRenderStyle] = [:]
    /// Episodes per evaluation, from the task's start states.
    public var evaluationEpisodes = 20
    /// The seed of the evaluation episodes (the same start states for every run and style).
    public var evaluationSeed: UInt64
    /// The seed of the expert's episodes (the same demonstrations for every run).
    public var demonstrationSeed: UInt64

    /// An experiment with the kit's sizes.
    public init(task: PushingTask, evaluationSeed: UInt64, demonstrationSeed: UInt64 = 5) {
        self.task = task
        self.evaluationSeed = evaluationSeed
        self.demonstrationSeed = demonstrationSeed
    }

    /// Clones the expert from renders drawn from `training` with random streams from `seed`, and
    /// evaluates the policy in the figures' style and in the held-out style.
    ///
    /// - Throws: ``BehaviorCloningDivergence`` when the loss becomes NaN or infinite; what the
    ///   renderer, the environment or the exercises throw.
    public func run(training: PushingStyleSource, seed: UInt64, cloning: some BehaviorCloningExercises,
                    mixing: some RewardMixingExercises, visuomotor: some VisuomotorExercises) throws -> PixelCloningRun {
        let started = Date()
        var rng = RandomSource(seed: seed)
        let demonstrations = try Rollout.run(task.environment, expert: task.optimalExpert, episodes: demonstrationEpisodes,
                                             seed: demonstrationSeed)
        let renderer = try PushingPixelRenderer(environment: task.environment, size: imageSize)
        let shape = renderer.observationShape
        var images: [Float] = [], actions: [Float] = [], positions: [Float] = []
        var styleRNG = rng.split()
        for demonstration in demonstrations {
            for (t, state) in demonstration.states.prefix(demonstration.count).enumerated() {
                for _ in 0..<rendersPerState {
                    var image = renderer.render(state, style: training.style(rng: &styleRNG), rng: &styleRNG)
                    shape.standardize(&image)
                    images += image
                    actions += task.environment.actionSpace.clip(demonstration.actions[t])
                    positions += [state.block.x, state.block.y, state.pusher.x, state.pusher.y].map(Float.init)
                }
            }
        }
        let actionSize = task.environment.actionSize
        let count = actions.count / actionSize
        let x = Matrix(rows: count, cols: shape.count, values: images)
        let y = Matrix(rows: count, cols: actionSize, values: actions)
        let p = Matrix(rows: count, cols: 4, values: positions).columns(0..<auxiliaryTarget.outputs)
        let auxiliary = auxiliaryWeight > 0
        let policy = ConvolutionalGaussianPolicy(imageShape: shape, actionSize: actionSize, convolutions: convolutions,
                                                 hiddenSizes: hiddenSizes, auxiliaryOutputs: auxiliary ? auxiliaryTarget.outputs : 0, readout: readout, rng: &rng)
        let parameters = policy.parameters + (policy.auxiliaryHead?.parameters ?? [])
        let optimizer = Adam(parameters: parameters, learningRate: learningRate)
        var epoch: [[Int]] = [], next = 0, loss = Double.nan
        // listing: pixel-cloning
        for step in 1...max(gradientSteps, 1) {
            if next == epoch.count {
                epoch = try cloning.minibatchIndices(count: count, batchSize: min(batchSize, count), rng: &rng)
                next = 0
                guard !epoch.isEmpty else { throw PolicyGradientError("PixelCloningExperiment: minibatchIndices gave no batches") }
            }
            let rows = epoch[next]
            next += 1
            let features = policy.features(x.rows(rows))   // one pass through the CNN for both losses
            let predicted = policy.encoder.head(features)
            var batchLoss = try cloning.behaviorCloningLoss(predictedActions: predicted, expertActions: Tensor(y.rows(rows)))
            loss = Double(batchLoss.scalar)
            if auxiliary {
                let positions = try visuomotor.auxiliaryPositionLoss(predicted: policy.predictedPositions(features: features),
                                                                     target: Tensor(p.rows(rows)))
                batchLoss = batchLoss + positions * auxiliaryWeight
            }
            guard loss.isFinite else { throw BehaviorCloningDivergence(step: step, loss: loss) }
            optimizer.step(batchLoss.gradients(for: parameters))
        }
        // end listing
        var success: [String: Double] = [:]
        let styles = [(PixelCloningRun.figureStyle, PushingRenderStyle.figure), (PixelCloningRun.heldOut, .heldOut)]
            + additionalEvaluationStyles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, style) in styles {
            let episodes = try PixelPolicyEvaluation.trajectories(of: policy, task: task, style: style,
                                                                  episodes: evaluationEpisodes, seed: evaluationSeed)
            success[name] = try mixing.successStatistics(of: episodes).successRate
        }
        return PixelCloningRun(seed: seed, trainingImages: count, finalLoss: loss, success: success,
                               seconds: Date().timeIntervalSince(started))
    }
}

/// One policy cloned from pixels: its success in each evaluation style.
public struct PixelCloningRun: Sendable, Codable, Equatable {
    /// The key of the figures' style in ``success``.
    public static let figureStyle = "figure"
    /// The key of the held-out style in ``success``.
    public static let heldOut = "heldOut"

    /// The run's seed.
    public var seed: UInt64
    /// Images the policy was trained on.
    public var trainingImages: Int
    /// The cloning loss of the last minibatch.
    public var finalLoss: Double
    /// The success rate of the policy's mean action from the task's start states, per evaluation style.
    public var success: [String: Double]
    /// Wall-clock seconds (training and evaluations); not part of any claim.
    public var seconds: Double

    /// A run from its numbers.
    public init(seed: UInt64, trainingImages: Int, finalLoss: Double, success: [String: Double], seconds: Double) {
        self.seed = seed
        self.trainingImages = trainingImages
        self.finalLoss = finalLoss
        self.success = success
        self.seconds = seconds
    }
}
