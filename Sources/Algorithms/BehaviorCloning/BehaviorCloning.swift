import ExerciseAPI
import NeuralNetworks
import Numerics

/// Behavior cloning: imitation reduced to supervised learning on the expert's pairs
/// T = {(sᵢ, aᵢ)},
///
///     θ* = argmin_θ  E_{(s,a)~T} ‖a − π_θ(s)‖²,
///
/// minimised by minibatch Adam. With a Gaussian policy of fixed variance this is maximum
/// conditional likelihood, `argmax_θ E log π_θ(a|s)` (lesson 1).
///
/// The loss and the minibatches come from lesson 1's exercises (`behaviorCloningLoss`,
/// `minibatchIndices`), so the trainer runs the student's formulas when given the student's
/// implementation:
///
/// ```swift
/// let bc = BehaviorCloning(configuration: .init(gradientSteps: 3_000), formulas: exercises.behaviorCloning)
/// var rng = RandomSource(seed: 1)
/// let result = try bc.train(on: dataset, actionLow: [-2], actionHigh: [2], rng: &rng)
/// let torque = result.policy.action(for: observation)
/// print(result.lossCurve.last!)
/// ```
///
/// Algorithm (one epoch = one pass over a fresh shuffle):
/// 1. Standardise observations with the dataset's mean and standard deviation; initialise the MLP.
/// 2. Repeat `gradientSteps` times: take the next minibatch of the current epoch (a new epoch
///    from `minibatchIndices` when it runs out), compute L_BC on it, take one Adam step.
public struct BehaviorCloning: Sendable {
    /// The hyper-parameters.
    public var configuration: BehaviorCloningConfiguration
    /// Lesson 1's formulas: the loss and the minibatch sampler.
    public let formulas: any BehaviorCloningExercises

    /// A trainer with the given hyper-parameters and formulas.
    public init(configuration: BehaviorCloningConfiguration = BehaviorCloningConfiguration(),
                formulas: any BehaviorCloningExercises) {
        self.configuration = configuration
        self.formulas = formulas
    }

    /// Trains a fresh policy on `dataset`.
    ///
    /// - Parameters:
    ///   - dataset: the expert's pairs; must not be empty.
    ///   - actionLow: the action range's lower bounds, used to clip the trained policy's actions
    ///     (`nil` for none).
    ///   - actionHigh: the upper bounds (given together with `actionLow`).
    ///   - rng: the source of the initial weights and of the minibatches.
    ///   - progress: called after every step with the step number (from 1) and its loss.
    /// - Returns: the policy and the loss of every step.
    /// - Throws: `BehaviorCloningInputError` for an empty dataset, bad hyper-parameters or bounds;
    ///   `NotImplemented` from an unwritten exercise; `BehaviorCloningDivergence` when the loss
    ///   stops being finite.
    public func train(on dataset: ImitationDataset, actionLow: [Float]? = nil, actionHigh: [Float]? = nil,
                      rng: inout RandomSource,
                      progress: ((_ step: Int, _ loss: Double) -> Void)? = nil) throws -> BehaviorCloningResult {
        try configuration.validate()
        guard !dataset.isEmpty else {
            throw BehaviorCloningInputError("BehaviorCloning.train: the dataset is empty")
        }
        let normalizer = configuration.normalizesObservations
            ? try ObservationNormalizer.fitted(to: dataset.observations, minimumScale: configuration.minimumObservationScale)
            : ObservationNormalizer.identity(size: dataset.observationSize)
        let sizes = [dataset.observationSize] + configuration.hiddenSizes + [dataset.actionSize]
        let network = MLP(sizes: sizes, activation: configuration.activation, rng: &rng, name: "policy")
        let policy = try MLPPolicy(network: network, normalizer: normalizer, actionLow: actionLow, actionHigh: actionHigh)
        let losses = try fit(policy, on: dataset, steps: configuration.gradientSteps, rng: &rng, progress: progress)
        return BehaviorCloningResult(policy: policy, lossCurve: losses)
    }

    /// Trains an existing policy further on `dataset` (its normalizer stays as it is): how
    /// DAgger can warm-start each iteration from the previous policy.
    ///
    /// - Returns: the loss of every step.
    /// - Throws: as ``train(on:actionLow:actionHigh:rng:progress:)``, and
    ///   `BehaviorCloningInputError` when the policy's sizes do not match the dataset's.
    public func continueTraining(_ policy: MLPPolicy, on dataset: ImitationDataset, steps: Int? = nil,
                                 rng: inout RandomSource,
                                 progress: ((_ step: Int, _ loss: Double) -> Void)? = nil) throws -> [Double] {
        try configuration.validate()
        guard !dataset.isEmpty else {
            throw BehaviorCloningInputError("BehaviorCloning.continueTraining: the dataset is empty")
        }
        guard policy.observationSize == dataset.observationSize, policy.actionSize == dataset.actionSize else {
            throw BehaviorCloningInputError("BehaviorCloning.continueTraining: the policy maps \(policy.observationSize) → "
                                            + "\(policy.actionSize) numbers, the dataset has \(dataset.observationSize) → \(dataset.actionSize)")
        }
        return try fit(policy, on: dataset, steps: steps ?? configuration.gradientSteps, rng: &rng, progress: progress)
    }

    /// L_BC of `policy` on the whole dataset (computed with the plugged-in loss).
    public func loss(of policy: MLPPolicy, on dataset: ImitationDataset) throws -> Double {
        let loss = try formulas.behaviorCloningLoss(predictedActions: policy(Tensor(dataset.observations)),
                                                    expertActions: Tensor(dataset.actions))
        return Double(loss.scalar)
    }

    /// Minibatch Adam on L_BC for `steps` steps.
    private func fit(_ policy: MLPPolicy, on dataset: ImitationDataset, steps: Int, rng: inout RandomSource,
                     progress: ((Int, Double) -> Void)?) throws -> [Double] {
        let optimizer = Adam(parameters: policy.parameters, learningRate: configuration.learningRate)
        let batchSize = min(configuration.batchSize, dataset.count)
        var losses: [Double] = []
        losses.reserveCapacity(steps)
        var epoch: [[Int]] = []
        var next = 0
        // listing: behavior-cloning
        for step in stride(from: 1, through: steps, by: 1) {
            if next == epoch.count {
                epoch = try formulas.minibatchIndices(count: dataset.count, batchSize: batchSize, rng: &rng)
                next = 0
                guard !epoch.isEmpty else {
                    throw BehaviorCloningInputError("BehaviorCloning: minibatchIndices(count: \(dataset.count), batchSize: \(batchSize)) gave no batches")
                }
            }
            let indices = epoch[next]
            next += 1
            let predicted = policy(Tensor(dataset.observations.rows(indices)))
            let loss = try formulas.behaviorCloningLoss(predictedActions: predicted,
                                                        expertActions: Tensor(dataset.actions.rows(indices)))
            let value = Double(loss.scalar)
            guard value.isFinite else { throw BehaviorCloningDivergence(step: step, loss: value) }
            optimizer.step(loss.gradients(for: policy.parameters))
            losses.append(value)
            progress?(step, value)
        }
        // end listing
        return losses
    }
}

/// What behavior cloning returns: the trained policy and its training loss.
public struct BehaviorCloningResult {
    /// The trained policy.
    public let policy: MLPPolicy
    /// L_BC on each step's minibatch, in order.
    public let lossCurve: [Double]

    /// A result from its parts.
    public init(policy: MLPPolicy, lossCurve: [Double]) {
        self.policy = policy
        self.lossCurve = lossCurve
    }
}

/// Behavior cloning stopped because its loss became infinite or NaN (a learning rate too large,
/// or a loss implementation that returns NaN).
public struct BehaviorCloningDivergence: Error, CustomStringConvertible, Sendable {
    /// The step at which it happened (from 1).
    public let step: Int
    /// The loss value that step gave.
    public let loss: Double

    public var description: String {
        "behavior cloning diverged: the loss at step \(step) is \(loss) (lower the learning rate, or check behaviorCloningLoss)"
    }
}
