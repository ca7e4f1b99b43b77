import ExerciseAPI
import Foundation
import Numerics

extension BehaviorCloning {
    /// Exercise 1.2: log N(a; μ, σ²I) = −‖a − μ‖²/(2σ²) − (d/2)·log(2πσ²) for each row.
    public func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor {
        guard actions.rows == means.rows, actions.cols == means.cols else {
            throw BehaviorCloningInputError("gaussianLogLikelihood: actions is \(actions.value.shapeDescription) "
                                            + "but means is \(means.value.shapeDescription)")
        }
        guard standardDeviation > 0, standardDeviation.isFinite else {
            throw BehaviorCloningInputError("gaussianLogLikelihood: standardDeviation must be positive and finite, got \(standardDeviation)")
        }
        let variance = standardDeviation * standardDeviation
        let d = Float(actions.cols)
        let normalizer = 0.5 * d * Foundation.log(2 * Float.pi * variance)
        return square(actions - means).rowSums() * (-1 / (2 * variance)) - normalizer
    }
}
