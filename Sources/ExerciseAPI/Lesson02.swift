import Numerics

/// The exercises of lesson 2 (distribution shift and DAgger): the formulas a student writes.
///
/// `Solutions.DistributionShift` is the reference; `Exercises.DistributionShift` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: DAgger in
/// `Algorithms` grows its dataset with ``daggerAggregate(dataset:visitedObservations:expert:)`` and
/// picks who acts with ``mixturePolicyAction(expertAction:learnerAction:iteration:decay:rng:)``;
/// the lesson's multimodal policy trains on ``mixtureNegativeLogLikelihood(logits:means:logStandardDeviations:actions:)``
/// and its histograms are compared with ``totalVariationDistance(_:_:)``.
public protocol DistributionShiftExercises: Sendable {
    /// Exercise 2.1: one DAgger aggregation (Ross, Gordon & Bagnell 2011, Algorithm 3.1,
    /// D ← D ∪ Dᵢ): ask the expert what it would have done in every observation the learner
    /// visited, and append those pairs to the dataset.
    ///
    /// The learner's own actions play no part: the new labels are the expert's. The old pairs
    /// stay, in their order, before the new ones, and the new ones follow `visitedObservations`'
    /// order. No visited observations leave the dataset unchanged.
    ///
    /// - Parameters:
    ///   - dataset: D, the pairs gathered so far.
    ///   - visitedObservations: the observations the learner's rollouts went through.
    ///   - expert: π*, the expert's (noise-free) action for an observation.
    /// - Throws: ``DistributionShiftInputError`` when an observation or an expert action does not
    ///   have the dataset's width; errors thrown by `expert` pass through.
    func daggerAggregate(dataset: ImitationDataset, visitedObservations: [[Float]],
                         expert: ([Float]) throws -> [Float]) throws -> ImitationDataset

    /// Exercise 2.2: DAgger's mixed policy πᵢ = βᵢ π* + (1 − βᵢ) π̂ᵢ for one step of
    /// iteration i (counted from 0): with probability βᵢ = pⁱ the expert's action is executed,
    /// otherwise the learner's. Draw the choice from `rng`, once per call. Iteration 0 is always
    /// the expert (p⁰ = 1, also for p = 0); p = 0 afterwards is pure DAgger, never the expert.
    ///
    /// - Parameters:
    ///   - expertAction: π*(s).
    ///   - learnerAction: π̂ᵢ(s).
    ///   - iteration: i ≥ 0.
    ///   - decay: p ∈ [0, 1].
    /// - Returns: one of the two actions, unchanged.
    /// - Throws: ``DistributionShiftInputError`` when `iteration` is negative or `decay` is outside [0, 1].
    func mixturePolicyAction(expertAction: [Float], learnerAction: [Float], iteration: Int,
                             decay: Double, rng: inout RandomSource) throws -> [Float]

    /// Exercise 2.3: the mean negative log-likelihood of one-dimensional actions under a
    /// mixture of K Gaussians (a mixture density network's head):
    ///
    ///     −log p(a|s) = −log Σₖ wₖ N(a; μₖ, σₖ²),   wₖ = softmax(logits)ₖ,  σₖ = exp(log σₖ),
    ///
    /// averaged over the batch. Compute it stably: log wₖ = logitsₖ − logSumExp(logits) and
    /// log N(a; μ, σ²) = −(a − μ)²/(2σ²) − log σ − ½ log 2π, combined with `logSumExp` over k. It
    /// must stay finite for huge logits and for an action far from every component. Build it from
    /// `Tensor` operations: the lesson trains a network with it.
    ///
    /// - Parameters:
    ///   - logits: the unnormalised log-weights, B×K.
    ///   - means: μₖ, B×K.
    ///   - logStandardDeviations: log σₖ, B×K.
    ///   - actions: a, B×1.
    /// - Returns: a 1×1 tensor.
    /// - Throws: ``DistributionShiftInputError`` when the shapes disagree or the batch is empty.
    func mixtureNegativeLogLikelihood(logits: Tensor, means: Tensor, logStandardDeviations: Tensor,
                                      actions: Tensor) throws -> Tensor

    /// Exercise 2.4: the total-variation distance between two histograms over the same bins,
    ///
    ///     TV(p, q) = ½ Σᵢ |pᵢ − qᵢ|,   pᵢ = countᵢ / Σ counts (each histogram normalised first),
    ///
    /// a number in [0, 1]: 0 for identical distributions, 1 for distributions with no common bin.
    ///
    /// - Throws: ``DistributionShiftInputError`` when the histograms have different numbers of
    ///   bins, a count is negative or not finite, or a histogram has no mass at all.
    func totalVariationDistance(_ p: [Double], _ q: [Double]) throws -> Double
}

/// A bad argument to one of lesson 2's exercises (or to DAgger), with a message that names the
/// problem.
public struct DistributionShiftInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, e.g. "p has 10 bins but q has 12".
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
