import Environments
import Numerics

/// A fixed affine standardisation of input features, x ↦ (x − mean) / scale, applied to every
/// row of a batch before it enters a network.
///
/// Networks learn faster when their inputs are of order one; the lane-keeping car's curvature
/// coordinates are of order 0.05 while its offset is of order 1. The statistics are fitted once
/// (for instance on the expert's demonstrations) and then kept fixed, so a trained network keeps
/// meaning the same thing.
public struct FeatureScaling: Sendable, Equatable, Codable {
    /// The value subtracted from each coordinate.
    public var mean: [Float]
    /// The value each centred coordinate is divided by (positive).
    public var scale: [Float]

    /// A scaling with the given mean and (positive) scale per coordinate.
    public init(mean: [Float], scale: [Float]) throws {
        guard mean.count == scale.count else {
            throw PolicyGradientError("FeatureScaling: mean has \(mean.count) entries, scale has \(scale.count)")
        }
        guard scale.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw PolicyGradientError("FeatureScaling: every scale must be positive and finite, got \(scale)")
        }
        self.mean = mean
        self.scale = scale
    }

    /// The identity on `dimension` coordinates.
    public static func identity(dimension: Int) -> FeatureScaling {
        // Cannot fail: equal counts, unit scales.
        try! FeatureScaling(mean: Array(repeating: 0, count: dimension), scale: Array(repeating: 1, count: dimension))
    }

    /// The mean and standard deviation of each coordinate of `rows`. A coordinate whose standard
    /// deviation is below `minimumScale` keeps scale 1 (it is nearly constant in the data).
    public init(fitting rows: [[Float]], minimumScale: Float = 1e-3) throws {
        guard let first = rows.first, !first.isEmpty else {
            throw PolicyGradientError("FeatureScaling(fitting:): no rows to fit")
        }
        let d = first.count
        guard rows.allSatisfy({ $0.count == d }) else {
            throw PolicyGradientError("FeatureScaling(fitting:): rows have different lengths")
        }
        var mean = [Double](repeating: 0, count: d)
        for row in rows { for j in 0..<d { mean[j] += Double(row[j]) } }
        for j in 0..<d { mean[j] /= Double(rows.count) }
        var variance = [Double](repeating: 0, count: d)
        for row in rows { for j in 0..<d { variance[j] += (Double(row[j]) - mean[j]) * (Double(row[j]) - mean[j]) } }
        let scale = variance.map { v -> Float in
            let std = Float((v / Double(rows.count)).squareRoot())
            return std < minimumScale ? 1 : std
        }
        try self.init(mean: mean.map(Float.init), scale: scale)
    }

    /// Each coordinate mapped from its range in `box` to [−1, 1]: mean = (low + high)/2,
    /// scale = (high − low)/2. An unbounded or degenerate coordinate is left as it is.
    public init(box: Box) {
        var mean: [Float] = [], scale: [Float] = []
        for (low, high) in zip(box.low, box.high) {
            if low.isFinite, high.isFinite, high > low {
                mean.append((low + high) / 2)
                scale.append((high - low) / 2)
            } else {
                mean.append(0)
                scale.append(1)
            }
        }
        self.mean = mean
        self.scale = scale
    }

    /// The scaling of `box` restricted to the coordinates `indices`, in that order.
    public func selecting(_ indices: [Int]) -> FeatureScaling {
        var result = self
        result.mean = indices.map { mean[$0] }
        result.scale = indices.map { scale[$0] }
        return result
    }

    /// This scaling followed by `other`'s coordinates (for concatenated features).
    public func appending(_ other: FeatureScaling) -> FeatureScaling {
        var result = self
        result.mean += other.mean
        result.scale += other.scale
        return result
    }

    /// The number of coordinates.
    public var dimension: Int { mean.count }

    /// Every row of `batch` (batch×dimension) standardised.
    public func apply(_ batch: Matrix) -> Matrix {
        precondition(batch.cols == dimension,
                     "FeatureScaling.apply: the batch has \(batch.cols) columns, the scaling \(dimension)")
        return (batch - Matrix(rowVector: mean)) / Matrix(rowVector: scale)
    }
}
