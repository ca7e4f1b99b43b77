import Foundation
import Numerics

/// A Gaussian with independent coordinates: each row i of `mean` is the mean of one
/// distribution, `logStd` holds log σ per row (same shape as `mean`) or one row shared by all.
///
/// `logProb` and `entropy` return one number per row (a batch×1 tensor), summed over the
/// coordinates, as a policy's log π(a|s) needs.
public struct DiagonalGaussian {
    /// The means, batch×d.
    public let mean: Tensor
    /// log σ, batch×d or 1×d.
    public let logStd: Tensor

    /// The distribution N(mean, diag(exp(logStd)²)).
    public init(mean: Tensor, logStd: Tensor) {
        precondition(logStd.cols == mean.cols && (logStd.rows == mean.rows || logStd.rows == 1),
                      "DiagonalGaussian: logStd is \(logStd.value.shapeDescription), mean is \(mean.value.shapeDescription)")
        self.mean = mean
        self.logStd = logStd
    }

    /// A sample `mean + σ ⊙ ε` with ε ~ N(0, I): differentiable in `mean` and `logStd`
    /// (the reparameterisation trick).
    public func rsample(rng: inout RandomSource) -> Tensor {
        let noise = Matrix.randomNormal(mean.rows, mean.cols, rng: &rng)
        return mean + exp(logStd) * Tensor(noise)
    }

    /// A sample as a matrix (no gradient).
    public func sample(rng: inout RandomSource) -> Matrix {
        rsample(rng: &rng).value
    }

    /// log p(x) for each row of `x`, batch×1:
    /// Σⱼ [ −½((xⱼ − μⱼ)/σⱼ)² − log σⱼ − ½ log 2π ].
    public func logProb(_ x: Tensor) -> Tensor {
        precondition(x.cols == mean.cols, "DiagonalGaussian.logProb: x has \(x.cols) columns, the mean \(mean.cols)")
        let z = (x - mean) * exp(-logStd)
        let perCoordinate = square(z) * -0.5 - logStd - Float(0.5 * Foundation.log(2 * Double.pi))
        return perCoordinate.rowSums()
    }

    /// The entropy Σⱼ (log σⱼ + ½ log 2πe) of each row, logStd.rows×1.
    public func entropy() -> Tensor {
        (logStd + Float(0.5 * Foundation.log(2 * Double.pi * M_E))).rowSums()
    }
}
