import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.4: L = −mean_i min(ρ_i A_i, clip(ρ_i, 1 − ε, 1 + ε) A_i), ρ_i = exp(log π − log π_old).
    public func ppoClippedLoss(logProbabilities: Tensor, oldLogProbabilities: [Float], advantages: [Float],
                               clipRange: Float) throws -> Tensor {
        guard logProbabilities.cols == 1, logProbabilities.rows >= 1 else {
            throw GAILInputError("ppoClippedLoss: logProbabilities is \(logProbabilities.rows)×\(logProbabilities.cols), expected N×1 with N ≥ 1")
        }
        guard clipRange > 0, clipRange.isFinite else {
            throw GAILInputError("ppoClippedLoss: clipRange is \(clipRange), expected a positive number")
        }
        try requireCounts("ppoClippedLoss", logProbabilities.rows,
                          [("oldLogProbabilities", oldLogProbabilities.count), ("advantages", advantages.count)])
        let ratio = exp(logProbabilities - Tensor(Matrix(columnVector: oldLogProbabilities)))
        let a = Tensor(Matrix(columnVector: advantages))
        let unclipped = ratio * a
        let clipped = clamp(ratio, min: 1 - clipRange, max: 1 + clipRange) * a
        return -minimum(unclipped, clipped).mean()
    }
}
