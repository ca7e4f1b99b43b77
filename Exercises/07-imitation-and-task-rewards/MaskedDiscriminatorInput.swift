import ExerciseAPI
import Numerics

extension RewardMixing {
    /// Exercise 7.2: the discriminator's view of B pairs: the observation columns
    /// `keptObservationIndices` in that order, then the action columns if `includesActions`.
    ///
    /// Returns a B×(k + m) matrix (B = 0 gives 0 rows). Throw `RewardMixingInputError` when the row
    /// counts differ, an index is outside 0..<observations.cols, or no column would be kept.
    /// (`observations[row, column]` reads one entry; `Matrix(rows:cols:values:)` builds the result.)
    public func maskedDiscriminatorInput(observations: Matrix, actions: Matrix, keptObservationIndices: [Int],
                                         includesActions: Bool) throws -> Matrix {
        throw NotImplemented(exercise: "7.2", name: "maskedDiscriminatorInput",
                             file: "Exercises/07-imitation-and-task-rewards/MaskedDiscriminatorInput.swift")
    }
}
