import ExerciseAPI
import Foundation
import Numerics

/// Standardises observations coordinate by coordinate: `(o − mean) / scale`.
///
/// Fitted once on the training data and then frozen, so that the policy computes the same
/// function on every observation the environment shows it later.
public struct ObservationNormalizer: Sendable, Equatable {
    /// The mean subtracted from each coordinate.
    public let mean: [Float]
    /// The scale each coordinate is divided by (always positive).
    public let scale: [Float]

    /// A normalizer with the given mean and scale.
    ///
    /// - Throws: `BehaviorCloningInputError` when the lengths differ or a scale is not positive.
    public init(mean: [Float], scale: [Float]) throws {
        guard mean.count == scale.count else {
            throw BehaviorCloningInputError("ObservationNormalizer: \(mean.count) means but \(scale.count) scales")
        }
        guard scale.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw BehaviorCloningInputError("ObservationNormalizer: every scale must be positive and finite, got \(scale)")
        }
        self.mean = mean
        self.scale = scale
    }

    /// The identity: mean 0, scale 1, for observations of `size` coordinates.
    public static func identity(size: Int) -> ObservationNormalizer {
        // Cannot fail: equal lengths, scales of 1.
        try! ObservationNormalizer(mean: Array(repeating: 0, count: size), scale: Array(repeating: 1, count: size))
    }

    /// The mean and standard deviation of each column of `observations` (one per row), the
    /// standard deviation floored at `minimumScale`.
    ///
    /// - Throws: `BehaviorCloningInputError` for an empty matrix.
    public static func fitted(to observations: Matrix, minimumScale: Float) throws -> ObservationNormalizer {
        guard observations.rows > 0 else {
            throw BehaviorCloningInputError("ObservationNormalizer.fitted: no observations to fit")
        }
        let n = Double(observations.rows)
        var means: [Float] = []
        var scales: [Float] = []
        for j in 0..<observations.cols {
            let column = observations.column(j).map(Double.init)
            let mean = column.reduce(0, +) / n
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            means.append(Float(mean))
            scales.append(max(Float(variance.squareRoot()), minimumScale))
        }
        return try ObservationNormalizer(mean: means, scale: scales)
    }

    /// The number of coordinates.
    public var size: Int { mean.count }

    /// The standardised observations, a tensor of the same shape (no gradient flows to the
    /// normalizer's constants).
    public func callAsFunction(_ observations: Tensor) -> Tensor {
        (observations - Tensor(Matrix(rowVector: mean))) / Tensor(Matrix(rowVector: scale))
    }
}
