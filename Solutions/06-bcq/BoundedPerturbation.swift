import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.4: `clip(a + Φ · tanh(raw), low, high)`.
    public func boundedPerturbation(actions: Tensor, rawPerturbation: Tensor, maxPerturbation: Float,
                                    low: Float, high: Float) throws -> Tensor {
        guard actions.rows == rawPerturbation.rows, actions.cols == rawPerturbation.cols else {
            throw BCQInputError("boundedPerturbation: actions is \(actions.value.shapeDescription) but rawPerturbation is "
                                + "\(rawPerturbation.value.shapeDescription)")
        }
        guard maxPerturbation >= 0, maxPerturbation.isFinite else {
            throw BCQInputError("boundedPerturbation: Φ must be finite and ≥ 0, got \(maxPerturbation)")
        }
        guard low <= high else { throw BCQInputError("boundedPerturbation: low \(low) exceeds high \(high)") }
        return clamp(actions + maxPerturbation * tanh(rawPerturbation), min: low, max: high)
    }
}
