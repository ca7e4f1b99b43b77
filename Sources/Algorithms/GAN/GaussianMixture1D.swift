import ExerciseAPI
import Foundation
import Numerics

/// A mixture of one-dimensional Gaussians with an exact density: the data (and the fixed
/// "generators") of lesson 3. One component is a plain Gaussian.
///
/// ```swift
/// let data = try GaussianMixture1D([(0.5, -2, 0.4), (0.5, 2, 0.4)])
/// let p = data.density(at: 0.3)
/// var rng = RandomSource(seed: 0)
/// let xs = data.sample(count: 100, rng: &rng)
/// ```
public struct GaussianMixture1D: Sendable, Equatable, Codable {
    /// One Gaussian component.
    public struct Component: Sendable, Equatable, Codable {
        /// Its weight (the weights sum to 1).
        public var weight: Double
        /// Its mean.
        public var mean: Double
        /// Its standard deviation (> 0).
        public var std: Double
    }

    /// The components, weights normalised to sum to 1.
    public let components: [Component]

    /// A mixture of `(weight, mean, std)` components; weights are normalised. Throws for an empty
    /// list, a non-positive weight sum, a negative weight or a non-positive standard deviation.
    public init(_ components: [(weight: Double, mean: Double, std: Double)]) throws {
        guard !components.isEmpty else { throw GANInputError("GaussianMixture1D: no components") }
        let total = components.reduce(0) { $0 + $1.weight }
        guard total > 0, total.isFinite else { throw GANInputError("GaussianMixture1D: weights must have a positive finite sum, got \(total)") }
        self.components = try components.map { c in
            guard c.weight >= 0, c.std > 0, c.std.isFinite, c.mean.isFinite else {
                throw GANInputError("GaussianMixture1D: component (weight \(c.weight), mean \(c.mean), std \(c.std)) needs weight ≥ 0 and std > 0")
            }
            return Component(weight: c.weight / total, mean: c.mean, std: c.std)
        }
    }

    /// The Gaussian N(mean, std²).
    public static func gaussian(mean: Double, std: Double) throws -> GaussianMixture1D {
        try GaussianMixture1D([(1, mean, std)])
    }

    /// The density at `x`.
    public func density(at x: Double) -> Double {
        var p = 0.0
        for c in components {
            let z = (x - c.mean) / c.std
            p += c.weight * exp(-0.5 * z * z) / (c.std * (2 * Double.pi).squareRoot())
        }
        return p
    }

    /// The densities at each of `xs`.
    public func densities(at xs: [Double]) -> [Double] { xs.map(density(at:)) }

    /// The mean of the mixture.
    public var mean: Double { components.reduce(0) { $0 + $1.weight * $1.mean } }

    /// The standard deviation of the mixture.
    public var standardDeviation: Double {
        let m = mean
        let second = components.reduce(0) { $0 + $1.weight * ($1.std * $1.std + $1.mean * $1.mean) }
        return max(second - m * m, 0).squareRoot()
    }

    /// `count` independent samples.
    public func sample(count: Int, rng: inout RandomSource) -> [Double] {
        let weights = components.map(\.weight)
        return (0..<count).map { _ in
            let c = components.count == 1 ? components[0] : components[rng.categorical(weights)]
            return rng.normal(mean: c.mean, std: c.std)
        }
    }

    /// The same mixture moved by `offset`.
    public func shifted(by offset: Double) -> GaussianMixture1D {
        var copy = self
        copy = GaussianMixture1D(unchecked: components.map { Component(weight: $0.weight, mean: $0.mean + offset, std: $0.std) })
        return copy
    }

    private init(unchecked components: [Component]) { self.components = components }
}
