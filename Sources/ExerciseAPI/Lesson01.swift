import Numerics

/// The exercises of lesson 1 (behavior cloning): the formulas a student writes.
///
/// `Solutions.BehaviorCloning` is the reference; `Exercises.BehaviorCloning` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: the behavior-cloning
/// trainer in `Algorithms` trains with ``behaviorCloningLoss(predictedActions:expertActions:)`` on the
/// minibatches of ``minibatchIndices(count:batchSize:rng:)``, and the lesson reports every return
/// through ``discountedReturn(rewards:discount:)``.
public protocol BehaviorCloningExercises: Sendable {
    /// Exercise 1.1: the behavior-cloning loss, the mean over the batch of the squared Euclidean
    /// distance between the policy's action and the expert's,
    ///
    ///     L_BC(θ) = (1/B) Σᵢ ‖aᵢ − π_θ(sᵢ)‖²  =  (1/B) Σᵢ Σⱼ (aᵢⱼ − π_θ(sᵢ)ⱼ)².
    ///
    /// The squares are summed over the action's coordinates and averaged over the B examples (this
    /// is not `mseLoss`, which averages over the coordinates too). Build it from `Tensor`
    /// operations so that gradients flow back into `predictedActions`: the trainer differentiates it.
    ///
    /// - Parameters:
    ///   - predictedActions: π_θ(sᵢ), one action per row (B×d).
    ///   - expertActions: the demonstrated aᵢ, the same shape.
    /// - Returns: a 1×1 tensor.
    /// - Throws: ``BehaviorCloningInputError`` when the shapes differ or the batch is empty.
    func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor

    /// Exercise 1.2: the log-likelihood of each action under a Gaussian policy with mean μ_θ(s) and
    /// fixed standard deviation σ on every coordinate (covariance σ²I):
    ///
    ///     log π_θ(a|s) = −‖a − μ_θ(s)‖² / (2σ²) − (d/2)·log(2πσ²).
    ///
    /// Averaged over a batch and negated, this is L_BC/(2σ²) + (d/2)·log(2πσ²): maximising the
    /// likelihood of a fixed-variance Gaussian is minimising the behavior-cloning loss. Build it from
    /// `Tensor` operations (the lesson differentiates it) and never through exp then log, so that a
    /// far-away action gets a large negative number, not −∞.
    ///
    /// - Parameters:
    ///   - actions: the actions a, one per row (B×d).
    ///   - means: μ_θ(s), the same shape.
    ///   - standardDeviation: σ > 0.
    /// - Returns: a B×1 tensor, log π_θ(aᵢ|sᵢ) for each row.
    /// - Throws: ``BehaviorCloningInputError`` when the shapes differ or σ is not positive and finite.
    func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor

    /// Exercise 1.3: one epoch of minibatches: the indices `0..<count` in a random order (drawn
    /// from `rng`), cut into consecutive batches of `batchSize`; the last batch holds what is left
    /// and may be smaller. Every index appears exactly once. `count == 0` gives no batches.
    ///
    /// - Throws: ``BehaviorCloningInputError`` when `count` is negative or `batchSize` is not positive.
    func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]]

    /// Exercise 1.4: the discounted return of one episode's rewards,
    ///
    ///     G = Σₜ γᵗ rₜ = r₀ + γ r₁ + γ² r₂ + …,
    ///
    /// with γ = 1 giving the plain (undiscounted) sum that the lessons report as "return".
    /// An episode without rewards has return 0.
    ///
    /// - Throws: ``BehaviorCloningInputError`` when γ is outside [0, 1].
    func discountedReturn(rewards: [Double], discount: Double) throws -> Double
}

/// A bad argument to one of lesson 1's exercises (or to the behavior-cloning trainer), with a
/// message that names the problem.
public struct BehaviorCloningInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, e.g. "predictedActions is 4×1 but expertActions is 4×2".
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Expert state-action pairs T = {(sᵢ, aᵢ)}: what behavior cloning learns from and what DAgger
/// aggregates into. Row i of `observations` was labelled with row i of `actions`.
public struct ImitationDataset: Sendable, Equatable {
    /// One observation per row (N×observation size).
    public var observations: Matrix
    /// The expert's action for each observation, one per row (N×action size).
    public var actions: Matrix

    /// A dataset of the given pairs.
    ///
    /// - Throws: ``BehaviorCloningInputError`` when the two matrices have different numbers of rows.
    public init(observations: Matrix, actions: Matrix) throws {
        guard observations.rows == actions.rows else {
            throw BehaviorCloningInputError("ImitationDataset: \(observations.rows) observations but \(actions.rows) actions")
        }
        self.observations = observations
        self.actions = actions
    }

    /// A dataset from lists of observations and actions (one array per pair).
    ///
    /// - Throws: ``BehaviorCloningInputError`` when the lists differ in length, are empty, or
    ///   their arrays differ in length.
    public init(observations: [[Float]], actions: [[Float]]) throws {
        guard observations.count == actions.count else {
            throw BehaviorCloningInputError("ImitationDataset: \(observations.count) observations but \(actions.count) actions")
        }
        guard let firstObservation = observations.first, let firstAction = actions.first else {
            throw BehaviorCloningInputError("ImitationDataset: no pairs given (use init(observationSize:actionSize:) for an empty dataset)")
        }
        guard observations.allSatisfy({ $0.count == firstObservation.count }),
              actions.allSatisfy({ $0.count == firstAction.count }) else {
            throw BehaviorCloningInputError("ImitationDataset: observations or actions of different lengths")
        }
        self.observations = Matrix(observations)
        self.actions = Matrix(actions)
    }

    /// An empty dataset for observations and actions of the given sizes.
    public init(observationSize: Int, actionSize: Int) {
        observations = Matrix.zeros(0, observationSize)
        actions = Matrix.zeros(0, actionSize)
    }

    /// The number of pairs.
    public var count: Int { observations.rows }
    /// The number of observation coordinates.
    public var observationSize: Int { observations.cols }
    /// The number of action coordinates.
    public var actionSize: Int { actions.cols }
    /// Whether there are no pairs.
    public var isEmpty: Bool { count == 0 }
}
