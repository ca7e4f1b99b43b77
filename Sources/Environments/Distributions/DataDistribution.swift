import Foundation
import Numerics

/// A distribution with exact samples and an exact density: the "real data" of the GAN lesson,
/// where the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_G(x)) and the
/// Jensen–Shannon divergence can be computed on a grid.
public protocol DataDistribution<Point>: Sendable {
    /// One point of the space: `Double` in 1-D, `SIMD2<Double>` in 2-D.
    associatedtype Point: Sendable
    /// `count` independent samples.
    func sample(count: Int, rng: inout RandomSource) -> [Point]
    /// The probability density at `x`.
    func density(_ x: Point) -> Double
}

/// An invalid distribution parameter, as a one-line message.
public struct DistributionError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
}

/// The density of N(mean, std²) at x.
@inline(__always)
func normalDensity(_ x: Double, mean: Double, std: Double) -> Double {
    let z = (x - mean) / std
    return exp(-0.5 * z * z) / (std * (2 * Double.pi).squareRoot())
}

func checkPositive(_ value: Double, _ what: String) throws {
    guard value > 0, value.isFinite else { throw DistributionError(description: "\(what) must be positive and finite, got \(value)") }
}

func checkFinite(_ value: Double, _ what: String) throws {
    guard value.isFinite else { throw DistributionError(description: "\(what) must be finite, got \(value)") }
}

func normalizedWeights(_ weights: [Double]) throws -> [Double] {
    guard !weights.isEmpty else { throw DistributionError(description: "a mixture needs at least one component") }
    guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        throw DistributionError(description: "mixture weights must be positive and finite, got \(weights)")
    }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}
