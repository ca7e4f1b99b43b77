import Foundation
import Numerics

/// A 2-D normal distribution with standard deviations (σx, σy) and correlation ρ.
public struct Gaussian2D: DataDistribution, Equatable {
    /// The mean.
    public let mean: SIMD2<Double>
    /// The standard deviations along x and y (positive).
    public let std: SIMD2<Double>
    /// The correlation coefficient, in (−1, 1).
    public let correlation: Double

    /// N(mean, Σ) with Σ = [[σx², ρσxσy], [ρσxσy, σy²]].
    ///
    /// - Throws: `DistributionError` for non-positive standard deviations or |ρ| ≥ 1.
    public init(mean: SIMD2<Double>, std: SIMD2<Double>, correlation: Double = 0) throws {
        try checkFinite(mean.x, "Gaussian2D mean.x")
        try checkFinite(mean.y, "Gaussian2D mean.y")
        try checkPositive(std.x, "Gaussian2D std.x")
        try checkPositive(std.y, "Gaussian2D std.y")
        guard abs(correlation) < 1 else {
            throw DistributionError(description: "Gaussian2D correlation must be in (−1, 1), got \(correlation)")
        }
        self.mean = mean
        self.std = std
        self.correlation = correlation
    }

    /// Samples x = μ + L z with L the Cholesky factor of Σ.
    public func sample(count: Int, rng: inout RandomSource) -> [SIMD2<Double>] {
        let rho = correlation, c = (1 - rho * rho).squareRoot()
        return (0..<max(count, 0)).map { _ in
            let z1 = rng.normal(), z2 = rng.normal()
            return SIMD2(mean.x + std.x * z1, mean.y + std.y * (rho * z1 + c * z2))
        }
    }

    /// The bivariate normal density.
    public func density(_ p: SIMD2<Double>) -> Double {
        let u = (p.x - mean.x) / std.x, v = (p.y - mean.y) / std.y
        let oneMinus = 1 - correlation * correlation
        let q = (u * u - 2 * correlation * u * v + v * v) / oneMinus
        return exp(-0.5 * q) / (2 * Double.pi * std.x * std.y * oneMinus.squareRoot())
    }
}

/// A 2-D mixture of normal distributions Σ wₖ N(μₖ, Σₖ).
public struct GaussianMixture2D: DataDistribution, Equatable {
    /// The components.
    public let components: [Gaussian2D]
    /// The weights, normalised to sum 1.
    public let weights: [Double]

    /// A mixture of `components` with (unnormalised, positive) `weights`, equal by default.
    ///
    /// - Throws: `DistributionError` for no components, a weight count mismatch or bad weights.
    public init(components: [Gaussian2D], weights: [Double]? = nil) throws {
        let w = weights ?? Array(repeating: 1, count: components.count)
        guard w.count == components.count else {
            throw DistributionError(description: "GaussianMixture2D has \(components.count) components but \(w.count) weights")
        }
        self.weights = try normalizedWeights(w)
        self.components = components
    }

    /// `count` equal isotropic components of std `std` evenly spaced on a circle of `radius`
    /// (the classic ring of 8 with the defaults: radius 2, std 0.05).
    ///
    /// - Throws: `DistributionError` for a count below 1 or a non-positive std or radius.
    public static func ring(count: Int = 8, radius: Double = 2, std: Double = 0.05) throws -> GaussianMixture2D {
        guard count >= 1 else { throw DistributionError(description: "a ring needs at least one component, got \(count)") }
        try checkPositive(radius, "ring radius")
        let components = try (0..<count).map { k in
            let angle = 2 * Double.pi * Double(k) / Double(count)
            return try Gaussian2D(mean: SIMD2(radius * cos(angle), radius * sin(angle)), std: SIMD2(std, std))
        }
        return try GaussianMixture2D(components: components)
    }

    /// Samples: a component by weight, then a draw from it.
    public func sample(count: Int, rng: inout RandomSource) -> [SIMD2<Double>] {
        (0..<max(count, 0)).map { _ in
            let k = rng.categorical(weights)
            return components[k].sample(count: 1, rng: &rng)[0]
        }
    }

    /// Σ wₖ N(p; μₖ, Σₖ).
    public func density(_ p: SIMD2<Double>) -> Double {
        zip(weights, components).reduce(0) { $0 + $1.0 * $1.1.density(p) }
    }
}
