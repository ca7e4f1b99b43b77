import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.3: the batch mean of −log Σₖ softmax(logits)ₖ N(a; μₖ, exp(log σₖ)²), computed
    /// stably with `logSoftmax`/`logSumExp` and from `Tensor` operations. Shapes: logits, means and
    /// logStandardDeviations B×K, actions B×1. Throw `DistributionShiftInputError` when the shapes
    /// disagree or B = 0.
    public func mixtureNegativeLogLikelihood(logits: Tensor, means: Tensor, logStandardDeviations: Tensor,
                                             actions: Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "2.3", name: "mixtureNegativeLogLikelihood", file: "Exercises/02-distribution-shift/MixtureNegativeLogLikelihood.swift")
    }
}
