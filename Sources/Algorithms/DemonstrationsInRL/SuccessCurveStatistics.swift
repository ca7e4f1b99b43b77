import Numerics

/// Mean and standard deviation over seeds of success curves evaluated at the same steps.
public struct SuccessCurveStatistics: Sendable, Codable, Equatable {
    /// Training environment steps of the evaluation points.
    public var environmentSteps: [Int]
    /// Mean success rate over seeds at each point.
    public var mean: [Double]
    /// Standard deviation over seeds at each point (population, 0 for one seed).
    public var standardDeviation: [Double]

    /// The statistics of `curves` (all evaluated at the same steps).
    ///
    /// - Throws: ``DemonstrationsRLError`` when there is no curve or the curves' steps differ.
    public init(_ curves: [SuccessCurve]) throws {
        guard let first = curves.first, curves.allSatisfy({ $0.environmentSteps == first.environmentSteps }) else {
            throw DemonstrationsRLError("SuccessCurveStatistics: needs at least one curve, all evaluated at the same steps")
        }
        environmentSteps = first.environmentSteps
        let n = Double(curves.count)
        let means = first.environmentSteps.indices.map { i in curves.reduce(0) { $0 + $1.successRates[i] } / n }
        mean = means
        standardDeviation = first.environmentSteps.indices.map { i in
            (curves.reduce(0) { $0 + ($1.successRates[i] - means[i]) * ($1.successRates[i] - means[i]) } / n).squareRoot()
        }
    }

    /// The first step at which the mean success rate reached `threshold`, or `nil` if it never did.
    public func firstStep(reaching threshold: Double) -> Int? {
        zip(environmentSteps, mean).first { $0.1 >= threshold }?.0
    }

    /// The mean of the last `k` points of the mean curve.
    public func finalMean(lastPoints k: Int = 1) -> Double {
        Numerics.mean(of: mean.suffix(max(1, k)))
    }
}
