import Numerics

/// The 1-D normal distribution N(mean, std²).
public struct Gaussian1D: DataDistribution, Equatable {
    /// The mean.
    public let mean: Double
    /// The standard deviation (positive).
    public let std: Double

    /// N(mean, std²).
    ///
    /// - Throws: `DistributionError` for a non-positive or non-finite `std` or a non-finite mean.
    public init(mean: Double, std: Double) throws {
        try checkFinite(mean, "Gaussian1D mean")
        try checkPositive(std, "Gaussian1D std")
        self.mean = mean
        self.std = std
    }

    /// Independent normal samples.
    public func sample(count: Int, rng: inout RandomSource) -> [Double] {
        (0..<max(count, 0)).map { _ in rng.normal(mean: mean, std: std) }
    }

    /// The normal density.
    public func density(_ x: Double) -> Double { normalDensity(x, mean: mean, std: std) }
}

/// A 1-D mixture of normal distributions Σ wₖ N(μₖ, σₖ²).
public struct GaussianMixture1D: DataDistribution, Equatable {
    /// The components.
    public let components: [Gaussian1D]
    /// The weights, normalised to sum 1.
    public let weights: [Double]

    /// A mixture of `components` with (unnormalised, positive) `weights`, equal by default.
    ///
    /// - Throws: `DistributionError` for no components, a weight count mismatch or bad weights.
    public init(components: [Gaussian1D], weights: [Double]? = nil) throws {
        let w = weights ?? Array(repeating: 1, count: components.count)
        guard w.count == components.count else {
            throw DistributionError(description: "GaussianMixture1D has \(components.count) components but \(w.count) weights")
        }
        self.weights = try normalizedWeights(w)
        self.components = components
    }

    /// The two-mode mixture ½N(−2, 0.5²) + ½N(2, 0.5²) of the mode-collapse experiment.
    public static let twoModes = try! GaussianMixture1D(components: [Gaussian1D(mean: -2, std: 0.5), Gaussian1D(mean: 2, std: 0.5)])

    /// Samples: a component by weight, then a normal draw from it.
    public func sample(count: Int, rng: inout RandomSource) -> [Double] {
        (0..<max(count, 0)).map { _ in
            let k = rng.categorical(weights)
            return rng.normal(mean: components[k].mean, std: components[k].std)
        }
    }

    /// Σ wₖ N(x; μₖ, σₖ²).
    public func density(_ x: Double) -> Double {
        zip(weights, components).reduce(0) { $0 + $1.0 * $1.1.density(x) }
    }
}
