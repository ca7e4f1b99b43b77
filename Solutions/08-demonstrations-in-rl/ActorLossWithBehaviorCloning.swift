import ExerciseAPI
import Numerics

extension DemonstrationsInRL {
    /// Exercise 8.3: −mean Q(s, π(s)) + λ · (sum over the Q-filtered demonstration rows of ‖π(s) − a‖²) / n_D.
    public func actorLossWithBehaviorCloning(policyValues: Tensor, policyActions: Tensor, demonstrationActions: Matrix,
                                             demonstrationValues: Matrix?, isDemonstration: [Bool],
                                             weight: Float) throws -> Tensor {
        let name = "actorLossWithBehaviorCloning"
        let n = policyValues.rows
        guard n > 0 else { throw DemonstrationsInputError("\(name): the batch is empty") }
        guard policyValues.cols == 1, demonstrationValues.map({ $0.rows == n && $0.cols == 1 }) ?? true,
              policyActions.rows == n, demonstrationActions.rows == n, demonstrationActions.cols == policyActions.cols,
              isDemonstration.count == n else {
            throw DemonstrationsInputError("\(name): shapes disagree: policyValues \(policyValues.value.shapeDescription), "
                + "policyActions \(policyActions.value.shapeDescription), demonstrationActions \(demonstrationActions.shapeDescription), "
                + "demonstrationValues \(demonstrationValues?.shapeDescription ?? "nil"), \(isDemonstration.count) flags")
        }
        guard weight >= 0 else { throw DemonstrationsInputError("\(name): weight must be ≥ 0, got \(weight)") }
        let policyLoss = -policyValues.mean()
        let demonstrationRows = isDemonstration.filter { $0 }.count
        guard demonstrationRows > 0, weight > 0 else { return policyLoss }
        // The Q-filter: keep a demonstration row only where the critic prefers the demonstrated action.
        let mask = Matrix(columnVector: (0..<n).map { i in
            let passes = demonstrationValues.map { $0[i, 0] > policyValues.value[i, 0] } ?? true
            return isDemonstration[i] && passes ? 1 : 0
        })
        let squaredErrors = square(policyActions - Tensor(demonstrationActions)).rowSums()
        let cloning = (squaredErrors * Tensor(mask)).sum() / Float(demonstrationRows)
        return policyLoss + cloning * weight
    }
}
