import ExerciseAPI
import Numerics

extension Visuomotor {
    /// Exercise 9.4: the auxiliary task's loss (Zhu et al. 2018): the squared distance between the
    /// predicted and the true object positions, summed over the coordinates and averaged over the rows,
    ///
    ///     L_aux = (1/N) Σᵢ ‖p̂ᵢ − pᵢ‖² = (1/N) Σᵢ Σ_d (p̂ᵢ_d − pᵢ_d)²
    ///
    /// for `predicted` p̂ and `target` p, both N × D.
    ///
    /// - This is not `mseLoss`, which divides by N · D: divide by the number of rows N only.
    /// - Keep the gradient path through `predicted` (no detaching, no reading `.value`): the lesson's
    ///   agent trains its encoder with this loss.
    /// - Throw `VisuomotorInputError` when the shapes differ or N = 0.
    ///
    /// Useful: `square(t)`, `t.sum()`, `t * Float`, `t.rows`, `t.cols`.
    public func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "9.4", name: "auxiliaryPositionLoss",
                             file: "Exercises/09-visuomotor/AuxiliaryPositionLoss.swift")
    }
}
