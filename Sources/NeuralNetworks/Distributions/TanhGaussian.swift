import Foundation
import Numerics

/// The distribution of a = tanh(u) with u ~ `DiagonalGaussian`: actions in (−1, 1) (SAC's policy).
///
/// By the change of variables, log p(a) = log p(u) − Σⱼ log(1 − tanh²(uⱼ)), and
/// log(1 − tanh²(u)) = 2(log 2 − u − softplus(−2u)) is computed without cancellation.
public struct TanhGaussian {
    /// The Gaussian before squashing.
    public let base: DiagonalGaussian

    /// The squashed distribution of tanh(u), u ~ N(mean, diag(exp(logStd)²)).
    public init(mean: Tensor, logStd: Tensor) {
        base = DiagonalGaussian(mean: mean, logStd: logStd)
    }

    /// A reparameterised action and its log-probability (batch×d and batch×1), both differentiable.
    public func rsampleWithLogProb(rng: inout RandomSource) -> (action: Tensor, logProb: Tensor) {
        let u = base.rsample(rng: &rng)
        return (tanh(u), base.logProb(u) - TanhGaussian.logDetJacobian(u))
    }

    /// log p(a) for actions in (−1, 1) (batch×1). Actions are clipped to ±(1 − 1e-6) first, so
    /// an action on the boundary gives a large but finite value.
    public func logProb(_ action: Tensor) -> Tensor {
        let limit: Float = 1 - 1e-6
        let a = clamp(action, min: -limit, max: limit)
        let u = (log(1 + a) - log(1 - a)) * 0.5   // atanh
        return base.logProb(u) - TanhGaussian.logDetJacobian(u)
    }

    /// Σⱼ log(1 − tanh²(uⱼ)) per row, batch×1.
    static func logDetJacobian(_ u: Tensor) -> Tensor {
        ((Float(Foundation.log(2.0)) - u - softplus(u * -2)) * 2).rowSums()
    }
}
