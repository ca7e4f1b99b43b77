/// What the tour (lesson 0) records in results.json: one `Codable` value that its cells fill in and
/// its test decodes, the pattern every lesson follows.
public struct Lesson00Results: Codable, Sendable {
    /// The samples of N(μ, σ²) and the Monte-Carlo estimate of π (first code cell).
    public var sampling: Sampling?
    /// The line fitted by gradient descent.
    public var fit: Fit?
    /// Means of batches of the samples, by batch size (the distributions figure).
    public var batchMeans: BatchMeans?
    /// The two backends that drew the first figure (the last cell), if both did.
    public var backends: [String]?

    /// Nothing recorded yet.
    public init() {}

    /// The sample's statistics and the estimate of π.
    public struct Sampling: Codable, Sendable {
        /// The sample mean.
        public var mean: Double
        /// The sample standard deviation.
        public var std: Double
        /// π estimated from all the points.
        public var piEstimate: Double
        /// The numbers of points at which the error was measured.
        public var points: [Int]
        /// |estimate − π| at each of those numbers.
        public var piError: [Double]

        /// The statistics.
        public init(mean: Double, std: Double, piEstimate: Double, points: [Int], piError: [Double]) {
            self.mean = mean
            self.std = std
            self.piEstimate = piEstimate
            self.points = points
            self.piError = piError
        }
    }

    /// y = w·x + b fitted by gradient descent.
    public struct Fit: Codable, Sendable {
        /// w.
        public var slope: Double
        /// b.
        public var intercept: Double
        /// The loss of the first step.
        public var firstLoss: Double
        /// The mean loss of the last steps.
        public var finalLoss: Double

        /// The fit.
        public init(slope: Double, intercept: Double, firstLoss: Double, finalLoss: Double) {
            self.slope = slope
            self.intercept = intercept
            self.firstLoss = firstLoss
            self.finalLoss = finalLoss
        }
    }

    /// The mean and spread of batch means by batch size.
    public struct BatchMeans: Codable, Sendable {
        /// The batch sizes.
        public var size: [Int]
        /// The mean of the batch means at each size.
        public var mean: [Double]
        /// Their standard deviation at each size.
        public var std: [Double]

        /// The batch means.
        public init(size: [Int], mean: [Double], std: [Double]) {
            self.size = size
            self.mean = mean
            self.std = std
        }
    }
}
