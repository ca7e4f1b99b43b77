import Environments
import ExerciseAPI

/// An evenly spaced grid on an interval, for quadrature by the rectangle rule and for plotting.
///
/// On a grid wide enough that the densities vanish at both ends, the rectangle rule
/// `∫ f dx ≈ Σᵢ f(xᵢ) dx` equals the trapezoid rule and, for smooth integrands like Gaussians,
/// is accurate to far below 1e-9.
public struct Grid1D: Sendable, Equatable, Codable {
    /// The nodes, from `lower` to `upper` inclusive.
    public let points: [Double]
    /// The spacing between nodes.
    public let spacing: Double

    /// `count ≥ 2` nodes from `lower` to `upper`. Throws for a bad interval or count.
    public init(from lower: Double, to upper: Double, count: Int) throws {
        guard lower.isFinite, upper.isFinite, upper > lower, count >= 2 else {
            throw GANInputError("Grid1D: needs finite lower < upper and count ≥ 2, got [\(lower), \(upper)] with \(count) points")
        }
        spacing = (upper - lower) / Double(count - 1)
        points = (0..<count).map { lower + Double($0) * (upper - lower) / Double(count - 1) }
    }

    /// `Σᵢ values[i] · dx`.
    public func integrate(_ values: [Double]) -> Double {
        values.reduce(0, +) * spacing
    }

    /// The density of `distribution` at every node.
    public func tabulate<D: DataDistribution>(_ distribution: D) -> [Double] where D.Point == Double {
        points.map(distribution.density)
    }
}
