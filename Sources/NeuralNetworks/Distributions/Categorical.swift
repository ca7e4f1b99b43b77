import Foundation
import Numerics

/// A distribution over the column indices 0..<k of each row: P(j) = softmax(logits)ⱼ.
public struct Categorical {
    /// The logits, batch×k.
    public let logits: Tensor
    /// The log-probabilities, batch×k (log-softmax of the logits).
    public let logProbabilities: Tensor

    /// The distribution with P(j) = softmax(logits)ⱼ in each row.
    public init(logits: Tensor) {
        precondition(logits.cols > 0, "Categorical needs at least one column of logits")
        self.logits = logits
        self.logProbabilities = logits.logSoftmax()
    }

    /// The probabilities, batch×k.
    public var probabilities: Matrix { logProbabilities.value.map { Foundation.exp($0) } }

    /// One index per row.
    public func sample(rng: inout RandomSource) -> [Int] {
        let p = probabilities
        return (0..<p.rows).map { r in rng.categorical(p.row(r).map(Double.init)) }
    }

    /// The most likely index of each row.
    public func mode() -> [Int] {
        logits.value.argmaxOfEachRow()
    }

    /// log P(indices[i]) for each row i, batch×1.
    public func logProb(_ indices: [Int]) -> Tensor {
        logProbabilities.entries(atColumns: indices)
    }

    /// The entropy −Σⱼ pⱼ log pⱼ of each row, batch×1.
    public func entropy() -> Tensor {
        -(exp(logProbabilities) * logProbabilities).rowSums()
    }
}
