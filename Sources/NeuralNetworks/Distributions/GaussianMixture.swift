import Foundation
import Numerics

/// A mixture of k diagonal Gaussians in d dimensions, one mixture per row (for example a
/// bimodal policy that can go left or right around an obstacle).
///
/// Row i has weights softmax(`logits`ᵢ) (batch×k); component c has mean `means`ᵢ[c·d..<(c+1)·d]
/// and log σ `logStds`ᵢ[c·d..<(c+1)·d] (both batch×(k·d)).
/// log p(x) = logSumExp_c [ log w_c + log N(x; μ_c, σ_c) ], computed stably.
public struct GaussianMixture {
    /// The mixture-weight logits, batch×k.
    public let logits: Tensor
    /// The component means, batch×(k·d).
    public let means: Tensor
    /// The component log standard deviations, batch×(k·d).
    public let logStds: Tensor
    /// The number of components k.
    public var componentCount: Int { logits.cols }
    /// The dimension d of x.
    public var dimension: Int { means.cols / logits.cols }

    /// The mixture with the given weight logits, means and log standard deviations.
    public init(logits: Tensor, means: Tensor, logStds: Tensor) {
        precondition(logits.cols > 0 && means.cols % logits.cols == 0 && means.cols > 0,
                      "GaussianMixture: means have \(means.cols) columns, not a multiple of \(logits.cols) components")
        precondition(logStds.rows == means.rows && logStds.cols == means.cols && logits.rows == means.rows,
                      "GaussianMixture: logits \(logits.value.shapeDescription), means \(means.value.shapeDescription) "
                      + "and logStds \(logStds.value.shapeDescription) do not match")
        self.logits = logits
        self.means = means
        self.logStds = logStds
    }

    /// Component c as a diagonal Gaussian.
    public func component(_ c: Int) -> DiagonalGaussian {
        let d = dimension
        return DiagonalGaussian(mean: means.columns((c * d)..<((c + 1) * d)),
                                logStd: logStds.columns((c * d)..<((c + 1) * d)))
    }

    /// log p(x) per row, batch×1, for `x` batch×d.
    public func logProb(_ x: Tensor) -> Tensor {
        precondition(x.cols == dimension, "GaussianMixture.logProb: x has \(x.cols) columns, expected \(dimension)")
        let logWeights = logits.logSoftmax()
        let perComponent = (0..<componentCount).map { c in component(c).logProb(x) }
        return (logWeights + concatenateColumns(perComponent)).logSumExp()
    }

    /// A sample per row, batch×d: a component drawn by weight, then a point from it (no gradient).
    public func sample(rng: inout RandomSource) -> Matrix {
        let choices = Categorical(logits: logits.detached()).sample(rng: &rng)
        let d = dimension
        var result = Matrix.zeros(means.rows, d)
        for r in 0..<means.rows {
            let c = choices[r]
            for j in 0..<d {
                let std = Foundation.exp(logStds.value[r, c * d + j])
                result[r, j] = means.value[r, c * d + j] + std * rng.normal(mean: 0, std: 1)
            }
        }
        return result
    }
}
