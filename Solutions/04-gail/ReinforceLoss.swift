import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.3: L = −mean_i log π(a_i|s_i) · (G_i − b_i).
    public func reinforceLoss(logProbabilities: Tensor, returns: [Float], baselines: [Float]) throws -> Tensor {
        guard logProbabilities.cols == 1, logProbabilities.rows >= 1 else {
            throw GAILInputError("reinforceLoss: logProbabilities is \(logProbabilities.rows)×\(logProbabilities.cols), expected N×1 with N ≥ 1")
        }
        try requireCounts("reinforceLoss", logProbabilities.rows, [("returns", returns.count), ("baselines", baselines.count)])
        let weights = Tensor(Matrix(columnVector: zip(returns, baselines).map { $0 - $1 }))
        return -(logProbabilities * weights).mean()
    }
}
