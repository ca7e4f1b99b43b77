import ExerciseAPI
import Numerics

extension RewardMixing {
    /// Exercise 7.2: the kept observation columns, in order, then the action columns if asked.
    public func maskedDiscriminatorInput(observations: Matrix, actions: Matrix, keptObservationIndices: [Int],
                                         includesActions: Bool) throws -> Matrix {
        guard observations.rows == actions.rows else {
            throw RewardMixingInputError("maskedDiscriminatorInput: \(observations.rows) observations but \(actions.rows) actions")
        }
        for index in keptObservationIndices where !(0..<observations.cols).contains(index) {
            throw RewardMixingInputError("maskedDiscriminatorInput: observation index \(index) is outside 0..<\(observations.cols)")
        }
        let width = keptObservationIndices.count + (includesActions ? actions.cols : 0)
        guard width > 0 else {
            throw RewardMixingInputError("maskedDiscriminatorInput: no observation index and no actions: the discriminator would see nothing")
        }
        var values: [Float] = []
        values.reserveCapacity(observations.rows * width)
        for row in 0..<observations.rows {
            for index in keptObservationIndices { values.append(observations[row, index]) }
            if includesActions {
                for column in 0..<actions.cols { values.append(actions[row, column]) }
            }
        }
        return Matrix(rows: observations.rows, cols: width, values: values)
    }
}
