import ExerciseAPI
import Foundation

extension GANTheory {
    /// Exercise 3.3: `JSD(p‖q) = ½ KL(p‖m) + ½ KL(q‖m)` with `m = (p + q)/2`, in nats, for densities
    /// tabulated on a grid of spacing `dx` (rectangle rule, `0·log 0 = 0`).
    public func jensenShannonDivergence(p: [Double], q: [Double], dx: Double) throws -> Double {
        guard !p.isEmpty, p.count == q.count else {
            throw GANInputError("jensenShannonDivergence: p and q must be non-empty and equally long, got \(p.count) and \(q.count) values")
        }
        guard dx.isFinite, dx > 0 else {
            throw GANInputError("jensenShannonDivergence: dx must be positive and finite, got \(dx)")
        }
        var sum = 0.0
        for (pi, qi) in zip(p, q) {
            guard pi.isFinite, qi.isFinite, pi >= 0, qi >= 0 else {
                throw GANInputError("jensenShannonDivergence: densities must be finite and non-negative, got p = \(pi), q = \(qi)")
            }
            // log(p/m) with m = (p + q)/2, computed on p and q divided by the larger of the two, so that
            // neither p + q overflowing nor m underflowing (p = 5e-324, q = 0) turns it into ∞.
            let scale = max(pi, qi)
            guard scale > 0 else { continue }
            let a = pi / scale, b = qi / scale, half = 0.5 * a + 0.5 * b
            if pi > 0 { sum += pi * (log(a) - log(half)) }
            if qi > 0 { sum += qi * (log(b) - log(half)) }
        }
        return 0.5 * sum * dx
    }
}
