/// What lesson 2 (distribution shift) records in results.json: the lesson's cells fill it in and its
/// claims decode it.
public struct Lesson02Results: Codable, Sendable {
    /// Behavior cloning and DAgger on the lane-keeping car: deviation over growing horizons, and
    /// DAgger's rounds.
    public var compounding: Compounding?
    /// The lateral offsets each policy visits, compared with the expert's.
    public var visitation: Visitation?
    /// Squared error against a mixture of Gaussians on the obstacle that two experts pass on
    /// opposite sides.
    public var obstacle: Obstacle?

    /// Nothing recorded yet.
    public init() {}

    /// One policy's cumulative deviation from the centre line, J(T) = Σ_{t≤T} |d_t| (m·steps), a car
    /// that left the road counting the lane half-width for every remaining step.
    public struct Deviation: Codable, Sendable {
        /// Mean J(T) over seeds and episodes, one entry per horizon of ``Compounding/horizons``.
        public var cumulative: [Double]
        /// The least-squares slope of log J(T) against log T: 1 for linear growth, 2 for quadratic.
        public var slope: Double
        /// The fraction of evaluation episodes that left the road within the longest horizon.
        public var offRoad: Double

        /// A policy's numbers.
        public init(cumulative: [Double], slope: Double, offRoad: Double) {
            self.cumulative = cumulative
            self.slope = slope
            self.offRoad = offRoad
        }

        /// J(T) over `reference`'s J(T), at each horizon (the table's "BC / expert" column).
        public func ratio(to reference: Deviation) -> [Double] {
            zip(cumulative, reference.cumulative).map { $0 / $1 }
        }
    }

    /// The learner's return over one lap after each DAgger round.
    public struct DAggerRounds: Codable, Sendable {
        /// The expert's mean return over one lap, on the same evaluation episodes.
        public var expertReturn: Double
        /// `returnPerSeed[k][i]`: seed k's learner after round i (round 0 is behavior cloning on the
        /// demonstration).
        public var returnPerSeed: [[Double]]
        /// The size of the aggregated dataset after each round, for the first seed.
        public var datasetSize: [Int]
        /// The fraction of each round's steps on which the expert's action was executed, first seed.
        public var expertActionFraction: [Double]

        /// The rounds' numbers.
        public init(expertReturn: Double, returnPerSeed: [[Double]], datasetSize: [Int], expertActionFraction: [Double]) {
            self.expertReturn = expertReturn
            self.returnPerSeed = returnPerSeed
            self.datasetSize = datasetSize
            self.expertActionFraction = expertActionFraction
        }

        /// Each seed's return after round 0 (behavior cloning).
        public var firstRound: [Double] { returnPerSeed.map { $0.first ?? .nan } }
        /// Each seed's return after the last round.
        public var lastRound: [Double] { returnPerSeed.map { $0.last ?? .nan } }
    }

    /// The compounding-error experiment.
    public struct Compounding: Codable, Sendable {
        /// The horizons T (steps) at which J(T) is measured.
        public var horizons: [Int]
        /// The expert's deviation.
        public var expert: Deviation
        /// Behavior cloning's deviation.
        public var behaviorCloning: Deviation
        /// DAgger's final learner's deviation.
        public var dagger: Deviation
        /// DAgger's rounds.
        public var rounds: DAggerRounds

        /// The experiment's numbers.
        public init(horizons: [Int], expert: Deviation, behaviorCloning: Deviation, dagger: Deviation, rounds: DAggerRounds) {
            self.horizons = horizons
            self.expert = expert
            self.behaviorCloning = behaviorCloning
            self.dagger = dagger
            self.rounds = rounds
        }
    }

    /// Histograms of the visited lateral offsets, compared with the expert's by total variation.
    public struct Visitation: Codable, Sendable {
        /// Total variation distance between behavior cloning's histogram and the expert's.
        public var behaviorCloning: Double
        /// Total variation distance between DAgger's histogram and the expert's.
        public var dagger: Double

        /// The two distances.
        public init(behaviorCloning: Double, dagger: Double) {
            self.behaviorCloning = behaviorCloning
            self.dagger = dagger
        }
    }

    /// The obstacle experiment: one entry per seed in each list.
    public struct Obstacle: Codable, Sendable {
        /// The squared-error policy's collision rate.
        public var squaredErrorCollisions: [Double]
        /// The mixture policy's collision rate.
        public var mixtureCollisions: [Double]
        /// The mixture policy's share of episodes passed on the left.
        public var mixtureLeftShare: [Double]
        /// The demonstrations' own collision rate (both experts together).
        public var demonstrationCollisions: [Double]

        /// The per-seed rates.
        public init(squaredErrorCollisions: [Double], mixtureCollisions: [Double], mixtureLeftShare: [Double],
                    demonstrationCollisions: [Double]) {
            self.squaredErrorCollisions = squaredErrorCollisions
            self.mixtureCollisions = mixtureCollisions
            self.mixtureLeftShare = mixtureLeftShare
            self.demonstrationCollisions = demonstrationCollisions
        }
    }
}
