/// Mean and standard deviation over seeds of curves recorded at the same update counts.
public struct CurveStatistics: Sendable, Equatable, Codable {
    /// The update counts of the evaluation points.
    public var updates: [Int]
    /// Mean over seeds at each point.
    public var mean: [Double]
    /// Standard deviation over seeds at each point (population, 0 for one seed).
    public var standardDeviation: [Double]

    /// The statistics of `series` (one array per seed, all as long as `updates`).
    public init(updates: [Int], series: [[Double]]) {
        self.updates = updates
        let n = Double(Swift.max(1, series.count))
        let means = updates.indices.map { i in series.reduce(0) { $0 + $1[i] } / n }
        mean = means
        standardDeviation = updates.indices.map { i in
            (series.reduce(0) { $0 + ($1[i] - means[i]) * ($1[i] - means[i]) } / n).squareRoot()
        }
    }

    /// The returns of several seeds' curves.
    public static func returns(_ curves: [EvaluationCurve]) -> CurveStatistics {
        CurveStatistics(updates: curves.first?.updates ?? [], series: curves.map(\.returns))
    }

    /// The value estimates of several seeds' curves.
    public static func estimatedValues(_ curves: [EvaluationCurve]) -> CurveStatistics {
        CurveStatistics(updates: curves.first?.updates ?? [], series: curves.map(\.estimatedValues))
    }

    /// The true values of several seeds' curves.
    public static func trueValues(_ curves: [EvaluationCurve]) -> CurveStatistics {
        CurveStatistics(updates: curves.first?.updates ?? [], series: curves.map(\.trueValues))
    }
}
