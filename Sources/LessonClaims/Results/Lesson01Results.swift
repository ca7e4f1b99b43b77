/// What lesson 1 (behavior cloning) records in results.json: the lesson's cells fill it in and its
/// claims decode it.
public struct Lesson01Results: Codable, Sendable {
    /// The first code cell: the squared error against the Gaussian likelihood.
    public var identity: Identity?
    /// Behavior cloning on Pendulum, one entry per number of demonstrations.
    public var pendulum: DemonstrationSweep?
    /// Behavior cloning on the lane-keeping car.
    public var car: DemonstrationSweep?

    /// Nothing recorded yet.
    public init() {}

    /// −mean log π against L_BC/(2σ²) + const, on real pairs and an untrained policy.
    public struct Identity: Codable, Sendable {
        /// The largest relative gap between the two sides, over σ.
        public var maxRelativeGap: Double
        /// The largest deviation of |∇NLL| / |∇L_BC| · 2σ² from 1.
        public var maxGradientRatioError: Double
        /// The largest action difference between policies trained from one seed on either loss.
        public var trainedPolicyMaxDifference: Double

        /// The three numbers.
        public init(maxRelativeGap: Double, maxGradientRatioError: Double, trainedPolicyMaxDifference: Double) {
            self.maxRelativeGap = maxRelativeGap
            self.maxGradientRatioError = maxGradientRatioError
            self.trainedPolicyMaxDifference = trainedPolicyMaxDifference
        }
    }

    /// A sweep over the number of demonstrations: entry i of each list is for `demonstrations[i]`.
    public struct DemonstrationSweep: Codable, Sendable {
        /// The numbers of demonstrations, e.g. [1, 2, 5, 10, 25].
        public var demonstrations: [Int]
        /// The expert's mean return on the evaluation episodes.
        public var expertReturn: Double
        /// BC's mean return over seeds.
        public var returnMean: [Double]
        /// BC's standard deviation of the return over seeds.
        public var returnStandardDeviation: [Double]
        /// BC's return on each seed: `returnPerSeed[i][k]` for `demonstrations[i]` and seed k.
        public var returnPerSeed: [[Double]]
        /// The training loss over the first ten steps, mean over seeds.
        public var initialLoss: [Double]
        /// The training loss on the whole dataset after training, mean over seeds.
        public var finalLoss: [Double]
        /// The largest final loss over seeds.
        public var finalLossMax: [Double]

        /// A sweep's numbers.
        public init(demonstrations: [Int], expertReturn: Double, returnMean: [Double], returnStandardDeviation: [Double],
                    returnPerSeed: [[Double]], initialLoss: [Double], finalLoss: [Double], finalLossMax: [Double]) {
            self.demonstrations = demonstrations
            self.expertReturn = expertReturn
            self.returnMean = returnMean
            self.returnStandardDeviation = returnStandardDeviation
            self.returnPerSeed = returnPerSeed
            self.initialLoss = initialLoss
            self.finalLoss = finalLoss
            self.finalLossMax = finalLossMax
        }
    }
}
