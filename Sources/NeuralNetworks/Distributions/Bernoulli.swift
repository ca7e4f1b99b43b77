import Numerics

/// Independent coin flips with P(xⱼ = 1) = sigmoid(logitsⱼ), one row per distribution.
///
/// Log-probabilities use the stable log σ(z) = logSigmoid(z) and log(1 − σ(z)) = −softplus(z).
public struct Bernoulli {
    /// The logits, batch×d.
    public let logits: Tensor

    /// The distribution with P(1) = sigmoid(logits).
    public init(logits: Tensor) {
        self.logits = logits
    }

    /// P(xⱼ = 1), batch×d.
    public var probabilities: Matrix { sigmoid(logits).value }

    /// Draws 0/1 entries, batch×d.
    public func sample(rng: inout RandomSource) -> Matrix {
        probabilities.map { p in rng.bernoulli(Double(p)) ? 1 : 0 }
    }

    /// log p(x) per row (summed over columns), batch×1, for `x` of 0/1 entries.
    public func logProb(_ x: Matrix) -> Tensor {
        precondition(x.rows == logits.rows && x.cols == logits.cols,
                      "Bernoulli.logProb: x is \(x.shapeDescription), logits are \(logits.value.shapeDescription)")
        // x·log σ(z) + (1 − x)·log(1 − σ(z)) = x·z − softplus(z)
        return (logits * Tensor(x) - softplus(logits)).rowSums()
    }

    /// The entropy per row, batch×1: Σⱼ softplus(zⱼ) − zⱼ·σ(zⱼ).
    public func entropy() -> Tensor {
        (softplus(logits) - logits * sigmoid(logits)).rowSums()
    }
}
