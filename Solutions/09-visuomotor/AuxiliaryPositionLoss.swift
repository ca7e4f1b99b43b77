import ExerciseAPI
import Numerics

extension Visuomotor {
    /// Exercise 9.4: (1/N) Σᵢ ‖p̂ᵢ − pᵢ‖², the squared errors summed over the coordinates, averaged over the rows.
    public func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) throws -> Tensor {
        guard predicted.rows == target.rows, predicted.cols == target.cols else {
            throw VisuomotorInputError("auxiliaryPositionLoss: predicted is \(predicted.value.shapeDescription), "
                                       + "target \(target.value.shapeDescription)")
        }
        guard predicted.rows > 0 else { throw VisuomotorInputError("auxiliaryPositionLoss: the batch is empty") }
        return square(predicted - target).sum() * (1 / Float(predicted.rows))
    }
}
