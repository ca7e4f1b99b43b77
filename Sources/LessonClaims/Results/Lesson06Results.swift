/// What lesson 6 (batch-constrained Q-learning) records in results.json: the lesson's cells fill it
/// in and its claims decode it.
public struct Lesson06Results: Codable, Sendable {
    /// One value for each of lesson 5's three buffers.
    public typealias PerBuffer = Lesson05Results.PerBuffer
    /// A mean over seeds and its standard deviation.
    public typealias MeanAndDeviation = Lesson05Results.MeanAndDeviation
    /// A critic's estimate against the true value of its policy.
    public typealias ValueEstimate = Lesson05Results.ValueEstimate

    /// Q-learning and tabular BCQ on one batch of the grid world.
    public var tabular: Tabular?
    /// BCQ, offline DDPG and behavior cloning on lesson 5's three buffers.
    public var comparison: Comparison?
    /// The same on the hopper's expert buffer (lesson 5's hopper Imitation).
    public var hopper: HopperComparison?
    /// Environment steps of the hopper's interacting agents in this run (lesson 5's setting: 20 000
    /// under `--quick`, 50 000 by default), recorded with the expert-buffer comparison.
    public var hopperEnvironmentSteps: Int?
    /// The same on the hopper's Final buffer (lesson 5's, at the default setting only: `nil` under
    /// `--quick`, whose Final buffer would be too small to show anything).
    public var hopperFinal: HopperComparison?
    /// The same on the hopper's Concurrent buffer (default setting only, like Final).
    public var hopperConcurrent: HopperComparison?
    /// BCQ with several values of Φ.
    public var sweep: Sweep?

    /// Nothing recorded yet.
    public init() {}

    /// The tabular experiment: greedy policies from S in the true grid world (discounted returns).
    public struct Tabular: Codable, Sendable {
        /// The non-terminal states the batch acts in.
        public var visitedStates: Int
        /// The mean discounted return of the batch's own episodes.
        public var behaviourReturn: Double
        /// The best discounted return among the batch's episodes.
        public var bestEpisodeReturn: Double
        /// The optimal policy's (it knows the whole MDP).
        public var optimalReturn: Double
        /// The best batch-constrained policy's (value iteration on the batch's transitions).
        public var bestSupportedReturn: Double
        /// Q-learning on the batch.
        public var qLearning: TabularLearner
        /// Batch-constrained Q-learning on the batch.
        public var bcq: TabularLearner

        /// The tabular experiment's numbers.
        public init(visitedStates: Int, behaviourReturn: Double, bestEpisodeReturn: Double, optimalReturn: Double,
                    bestSupportedReturn: Double, qLearning: TabularLearner, bcq: TabularLearner) {
            self.visitedStates = visitedStates
            self.behaviourReturn = behaviourReturn
            self.bestEpisodeReturn = bestEpisodeReturn
            self.optimalReturn = optimalReturn
            self.bestSupportedReturn = bestSupportedReturn
            self.qLearning = qLearning
            self.bcq = bcq
        }
    }

    /// One tabular learner's greedy policy.
    public struct TabularLearner: Codable, Sendable {
        /// Its discounted return from S.
        public var discountedReturn: Double
        /// Whether it reaches the goal.
        public var reachesGoal: Bool
        /// Its own estimate of its start, Q(S, π(S)).
        public var startEstimate: Double
        /// The moves on its path from S that the batch never tried there.
        public var untriedMovesOnPath: Int
        /// The visited states in which its greedy move is one the batch never tried.
        public var untriedChoices: Int

        /// A learner's numbers.
        public init(discountedReturn: Double, reachesGoal: Bool, startEstimate: Double, untriedMovesOnPath: Int, untriedChoices: Int) {
            self.discountedReturn = discountedReturn
            self.reachesGoal = reachesGoal
            self.startEstimate = startEstimate
            self.untriedMovesOnPath = untriedMovesOnPath
            self.untriedChoices = untriedChoices
        }
    }

    /// The continuous comparison on lesson 5's buffers.
    public struct Comparison: Codable, Sendable {
        /// The number of seeds.
        public var seeds: Int
        /// BCQ's gradient updates on each buffer.
        public var bcqUpdates: Int
        /// What each policy did on each buffer.
        public var buffers: PerBuffer<BufferComparison>

        /// The comparison's numbers.
        public init(seeds: Int, bcqUpdates: Int, buffers: PerBuffer<BufferComparison>) {
            self.seeds = seeds
            self.bcqUpdates = bcqUpdates
            self.buffers = buffers
        }
    }

    /// The policies compared on one buffer; final returns over seeds (BCQ and DDPG: the mean of the
    /// evaluations of the last fifth of training).
    public struct BufferComparison: Codable, Sendable {
        /// The buffer's transitions.
        public var transitions: Int
        /// The mean return of the buffer's own episodes.
        public var behaviourReturn: MeanAndDeviation
        /// Lesson 5's interacting agent at the end (the expert for Imitation).
        public var orangeReturn: MeanAndDeviation
        /// Behavior cloning.
        public var bc: Learner
        /// Offline DDPG (lesson 5's blue).
        public var ddpg: Learner
        /// BCQ with Φ = 0.05.
        public var bcq: Learner

        /// One buffer's numbers.
        public init(transitions: Int, behaviourReturn: MeanAndDeviation, orangeReturn: MeanAndDeviation,
                    bc: Learner, ddpg: Learner, bcq: Learner) {
            self.transitions = transitions
            self.behaviourReturn = behaviourReturn
            self.orangeReturn = orangeReturn
            self.bc = bc
            self.ddpg = ddpg
            self.bcq = bcq
        }
    }

    /// One learner on one buffer.
    public struct Learner: Codable, Sendable {
        /// Its final return over seeds.
        public var finalReturn: MeanAndDeviation
        /// Each seed's final return.
        public var finalReturnPerSeed: [Double]
        /// Its critic's final estimate and the true value (means over seeds); nil for behavior cloning, which has no critic.
        public var finalValue: ValueEstimate?

        /// A learner's numbers.
        public init(finalReturn: MeanAndDeviation, finalReturnPerSeed: [Double], finalValue: ValueEstimate? = nil) {
            self.finalReturn = finalReturn
            self.finalReturnPerSeed = finalReturnPerSeed
            self.finalValue = finalValue
        }
    }

    /// The Φ sweep: BCQ after a fixed number of updates, for every Φ, on some of the buffers.
    public struct Sweep: Codable, Sendable {
        /// The values of Φ, in increasing order.
        public var phis: [Double]
        /// BCQ's updates in each run.
        public var updates: Int
        /// The seeds of each point.
        public var seeds: Int
        /// One point per Φ on each swept buffer, in the order of `phis`; empty for a buffer the sweep leaves out.
        public var buffers: PerBuffer<[SweepPoint]>

        /// The sweep's numbers.
        public init(phis: [Double], updates: Int, seeds: Int, buffers: PerBuffer<[SweepPoint]>) {
            self.phis = phis
            self.updates = updates
            self.seeds = seeds
            self.buffers = buffers
        }
    }

    /// BCQ with one Φ on one buffer, means over seeds.
    public struct SweepPoint: Codable, Sendable {
        /// The maximum perturbation Φ (actions scaled to [−1, 1]).
        public var phi: Double
        /// The return after training.
        public var finalReturn: Double
        /// The critic's estimate minus the true value of the policy.
        public var overestimation: Double
        /// Mean |π(s) − D(s, 0)| over the buffer's states, in torque.
        public var distanceFromModel: Double

        /// A point's numbers.
        public init(phi: Double, finalReturn: Double, overestimation: Double, distanceFromModel: Double) {
            self.phi = phi
            self.finalReturn = finalReturn
            self.overestimation = overestimation
            self.distanceFromModel = distanceFromModel
        }
    }
    /// BCQ, offline DDPG (lesson 5's blue) and behavior cloning on one of the hopper's buffers; "final"
    /// is the mean of the last three evaluations.
    public struct HopperComparison: Codable, Sendable {
        /// The number of seeds.
        public var seeds: Int
        /// Transitions in each seed's buffer.
        public var transitions: Int
        /// BCQ's gradient updates (behavior cloning takes as many steps).
        public var bcqUpdates: Int
        /// The return of the agent that filled the buffer, per seed: the expert on the Imitation
        /// buffer, the behavioural DDPG agent (orange) at the end of its training on Final.
        public var expertReturnPerSeed: [Double]
        /// Offline DDPG's final return, per seed.
        public var ddpgReturnPerSeed: [Double]
        /// Offline DDPG's final estimate Q(s₀, π(s₀)), per seed.
        public var ddpgEstimatePerSeed: [Double]
        /// The true value of offline DDPG's final policy, per seed.
        public var ddpgTruthPerSeed: [Double]
        /// BCQ's final return, per seed.
        public var bcqReturnPerSeed: [Double]
        /// Behavior cloning's return, per seed.
        public var bcReturnPerSeed: [Double]
        /// BCQ's final estimate Q(s₀, π(s₀)), per seed.
        public var bcqEstimatePerSeed: [Double]
        /// The true value of BCQ's final policy, per seed.
        public var bcqTruthPerSeed: [Double]
        /// BCQ with a Φ that lets it leave the data (Φ = 1), on the same buffer (the expert's only; `nil` on Final
        /// and Concurrent).
        public var wideBCQ: WideBCQ?

        /// BCQ with a large Φ: the same algorithm, the same seeds and updates, the constraint removed.
        public struct WideBCQ: Codable, Sendable {
            /// Its Φ (the lesson's is 1: a perturbation can move each torque of a proposal by up to half the action range).
            public var maxPerturbation: Double
            /// Its final return, per seed.
            public var returnPerSeed: [Double]
            /// Its final estimate Q(s₀, π(s₀)), per seed.
            public var estimatePerSeed: [Double]
            /// The true value of its final policy, per seed.
            public var truthPerSeed: [Double]
            /// How far BCQ with Φ = 0.05 acts from the buffer's actions, per seed: the mean over 500 of the
            /// buffer's states of |π(s) − a|, averaged over the action's coordinates (torque units).
            public var constrainedDistancePerSeed: [Double]
            /// The same for the wide BCQ.
            public var distancePerSeed: [Double]
            /// Offline DDPG's estimate Q(s₀, π(s₀)) and its policy's true value after as many updates as the
            /// BCQs took (its last evaluation at or before them), per seed: its critic at the same point.
            public var ddpgEstimateAtSameUpdatesPerSeed: [Double]
            public var ddpgTruthAtSameUpdatesPerSeed: [Double]

            /// The wide BCQ's numbers.
            public init(maxPerturbation: Double, returnPerSeed: [Double], estimatePerSeed: [Double], truthPerSeed: [Double],
                        constrainedDistancePerSeed: [Double], distancePerSeed: [Double],
                        ddpgEstimateAtSameUpdatesPerSeed: [Double], ddpgTruthAtSameUpdatesPerSeed: [Double]) {
                self.maxPerturbation = maxPerturbation
                self.returnPerSeed = returnPerSeed
                self.estimatePerSeed = estimatePerSeed
                self.truthPerSeed = truthPerSeed
                self.constrainedDistancePerSeed = constrainedDistancePerSeed
                self.distancePerSeed = distancePerSeed
                self.ddpgEstimateAtSameUpdatesPerSeed = ddpgEstimateAtSameUpdatesPerSeed
                self.ddpgTruthAtSameUpdatesPerSeed = ddpgTruthAtSameUpdatesPerSeed
            }
        }

        /// The comparison's numbers.
        public init(seeds: Int, transitions: Int, bcqUpdates: Int, expertReturnPerSeed: [Double], ddpgReturnPerSeed: [Double],
                    ddpgEstimatePerSeed: [Double], ddpgTruthPerSeed: [Double],
                    bcqReturnPerSeed: [Double], bcReturnPerSeed: [Double], bcqEstimatePerSeed: [Double],
                    bcqTruthPerSeed: [Double], wideBCQ: WideBCQ? = nil) {
            self.seeds = seeds
            self.transitions = transitions
            self.bcqUpdates = bcqUpdates
            self.expertReturnPerSeed = expertReturnPerSeed
            self.ddpgReturnPerSeed = ddpgReturnPerSeed
            self.ddpgEstimatePerSeed = ddpgEstimatePerSeed
            self.ddpgTruthPerSeed = ddpgTruthPerSeed
            self.bcqReturnPerSeed = bcqReturnPerSeed
            self.bcReturnPerSeed = bcReturnPerSeed
            self.bcqEstimatePerSeed = bcqEstimatePerSeed
            self.bcqTruthPerSeed = bcqTruthPerSeed
            self.wideBCQ = wideBCQ
        }
    }

}

extension Array where Element == Lesson06Results.SweepPoint {
    /// The point with maximum perturbation `phi`, if the sweep has one.
    public func point(phi: Double) -> Lesson06Results.SweepPoint? {
        first { $0.phi == phi }
    }
}
