import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.3: `0..<count` shuffled with `rng`, cut into batches of `batchSize`.
    public func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]] {
        guard count >= 0 else { throw BehaviorCloningInputError("minibatchIndices: count must be ≥ 0, got \(count)") }
        guard batchSize >= 1 else { throw BehaviorCloningInputError("minibatchIndices: batchSize must be ≥ 1, got \(batchSize)") }
        let order = rng.shuffled(0..<count)
        return stride(from: 0, to: count, by: batchSize).map { start in
            Array(order[start..<min(start + batchSize, count)])
        }
    }
}
