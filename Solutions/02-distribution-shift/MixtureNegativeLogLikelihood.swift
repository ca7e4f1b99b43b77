import ExerciseAPI
import Foundation
import Numerics

extension DistributionShift {
    /// Exercise 2.3: the batch mean of −log Σₖ softmax(logits)ₖ N(a; μₖ, σₖ²), computed stably.
    public func mixtureNegativeLogLikelihood(logits: Tensor, means: Tensor, logStandardDeviations: Tensor,
                                             actions: Tensor) throws -> Tensor {
        let (b, k) = logits.shape
        guard means.rows == b, means.cols == k, logStandardDeviations.rows == b, logStandardDeviations.cols == k else {
            throw DistributionShiftInputError("mixtureNegativeLogLikelihood: logits \(logits.value.shapeDescription), "
                                              + "means \(means.value.shapeDescription) and logStandardDeviations "
                                              + "\(logStandardDeviations.value.shapeDescription) must have one shape")
        }
        guard actions.rows == b, actions.cols == 1 else {
            throw DistributionShiftInputError("mixtureNegativeLogLikelihood: actions must be \(b)×1, got \(actions.value.shapeDescription)")
        }
        guard b > 0, k > 0 else {
            throw DistributionShiftInputError("mixtureNegativeLogLikelihood: needs at least one example and one component, got \(b)×\(k)")
        }
        // log N(a; μₖ, σₖ²) for every k; the B×1 actions broadcast across the K columns.
        let standardized = (actions - means) * exp(-logStandardDeviations)
        let halfLogTwoPi = 0.5 * Foundation.log(2 * Float.pi)
        let componentLogDensities = square(standardized) * -0.5 - logStandardDeviations - halfLogTwoPi
        let logLikelihood = (logits.logSoftmax() + componentLogDensities).logSumExp()
        return -logLikelihood.mean()
    }
}
