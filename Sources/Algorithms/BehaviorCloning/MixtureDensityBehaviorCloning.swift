import ExerciseAPI
import NeuralNetworks
import Numerics

/// Behavior cloning with a multimodal policy: maximum likelihood of the expert's actions under a
/// mixture of K Gaussians, `min_θ −E log Σₖ wₖ(s) N(a; μₖ(s), σₖ(s)²)` (lesson 2).
///
/// Where the demonstrations disagree (one expert passes an obstacle on the left, another on the
/// right) the squared error is minimised by the average action, which may be the worst one; the
/// likelihood of a mixture is maximised by putting one component on each choice.
///
/// The loss is lesson 2's `mixtureNegativeLogLikelihood` and the minibatches lesson 1's
/// `minibatchIndices`, so the student's formulas run when the student's implementation is given.
///
/// ```swift
/// let mdn = MixtureDensityBehaviorCloning(components: 2, behaviorCloning: set.behaviorCloning,
///                                         distributionShift: set.distributionShift)
/// let result = try mdn.train(on: dataset, actionLow: -1, actionHigh: 1, rng: &rng)
/// ```
public struct MixtureDensityBehaviorCloning: Sendable {
    /// The network and optimiser settings (shared with plain behavior cloning).
    public var configuration: BehaviorCloningConfiguration
    /// K, the number of mixture components.
    public var components: Int
    /// Lesson 1's formulas (the minibatches).
    public let behaviorCloning: any BehaviorCloningExercises
    /// Lesson 2's formulas (the mixture's negative log-likelihood).
    public let distributionShift: any DistributionShiftExercises

    /// A trainer with the given settings and formulas.
    public init(configuration: BehaviorCloningConfiguration = BehaviorCloningConfiguration(), components: Int = 2,
                behaviorCloning: any BehaviorCloningExercises, distributionShift: any DistributionShiftExercises) {
        self.configuration = configuration
        self.components = components
        self.behaviorCloning = behaviorCloning
        self.distributionShift = distributionShift
    }

    /// Trains a fresh mixture policy on `dataset`, whose actions must be one-dimensional.
    ///
    /// - Returns: the policy and the negative log-likelihood of every step.
    /// - Throws: `BehaviorCloningInputError` for an empty dataset, actions of more than one
    ///   coordinate or bad settings; `BehaviorCloningDivergence` when the loss stops being finite;
    ///   whatever the formulas throw.
    public func train(on dataset: ImitationDataset, actionLow: Float? = nil, actionHigh: Float? = nil,
                      rng: inout RandomSource) throws -> (policy: MixtureDensityPolicy, lossCurve: [Double]) {
        try configuration.validate()
        guard !dataset.isEmpty else { throw BehaviorCloningInputError("MixtureDensityBehaviorCloning.train: the dataset is empty") }
        guard dataset.actionSize == 1 else {
            throw BehaviorCloningInputError("MixtureDensityBehaviorCloning.train: actions must have one coordinate, they have \(dataset.actionSize)")
        }
        guard components >= 1 else { throw BehaviorCloningInputError("MixtureDensityBehaviorCloning: components must be ≥ 1, got \(components)") }
        let normalizer = configuration.normalizesObservations
            ? try ObservationNormalizer.fitted(to: dataset.observations, minimumScale: configuration.minimumObservationScale)
            : ObservationNormalizer.identity(size: dataset.observationSize)
        let sizes = [dataset.observationSize] + configuration.hiddenSizes + [3 * components]
        let network = MLP(sizes: sizes, activation: configuration.activation, rng: &rng, name: "mixturePolicy")
        let policy = try MixtureDensityPolicy(network: network, normalizer: normalizer, componentCount: components,
                                              actionLow: actionLow, actionHigh: actionHigh)
        let optimizer = Adam(parameters: policy.parameters, learningRate: configuration.learningRate)
        let batchSize = min(configuration.batchSize, dataset.count)
        var losses: [Double] = []
        var epoch: [[Int]] = []
        var next = 0
        for step in stride(from: 1, through: configuration.gradientSteps, by: 1) {
            if next == epoch.count {
                epoch = try behaviorCloning.minibatchIndices(count: dataset.count, batchSize: batchSize, rng: &rng)
                next = 0
                guard !epoch.isEmpty else { throw BehaviorCloningInputError("MixtureDensityBehaviorCloning: minibatchIndices gave no batches") }
            }
            let indices = epoch[next]
            next += 1
            let (logits, means, logStds) = policy.mixture(for: Tensor(dataset.observations.rows(indices)))
            let loss = try distributionShift.mixtureNegativeLogLikelihood(
                logits: logits, means: means, logStandardDeviations: logStds, actions: Tensor(dataset.actions.rows(indices)))
            let value = Double(loss.scalar)
            guard value.isFinite else { throw BehaviorCloningDivergence(step: step, loss: value) }
            optimizer.step(loss.gradients(for: policy.parameters))
            losses.append(value)
        }
        return (policy, losses)
    }
}
