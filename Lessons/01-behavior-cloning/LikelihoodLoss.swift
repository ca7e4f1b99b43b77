// Behavior cloning by maximum likelihood: the same trainer, with the negative log-likelihood of a
// fixed-variance Gaussian policy in place of the squared error.
import ExerciseAPI
import Numerics

/// Lesson 1's formulas with the loss replaced by the Gaussian negative log-likelihood
/// −(1/B) Σᵢ log N(aᵢ; π_θ(sᵢ), σ²I), computed with exercise 1.2. Everything else is forwarded.
///
/// The lesson trains one policy with this loss and one with the squared error and compares them.
struct GaussianLikelihoodFormulas: BehaviorCloningExercises {
    /// The implementation whose exercises are used.
    let base: any BehaviorCloningExercises
    /// The policy's fixed standard deviation σ.
    let standardDeviation: Float

    func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor {
        -(try base.gaussianLogLikelihood(actions: expertActions, means: predictedActions,
                                         standardDeviation: standardDeviation)).mean()
    }

    func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor {
        try base.gaussianLogLikelihood(actions: actions, means: means, standardDeviation: standardDeviation)
    }

    func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]] {
        try base.minibatchIndices(count: count, batchSize: batchSize, rng: &rng)
    }

    func discountedReturn(rewards: [Double], discount: Double) throws -> Double {
        try base.discountedReturn(rewards: rewards, discount: discount)
    }
}
