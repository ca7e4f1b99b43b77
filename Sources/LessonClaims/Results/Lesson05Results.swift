import Foundation

/// What lesson 5 (off-policy RL fails when it is truly off-policy) records in results.json: the
/// lesson's cells fill it in and its claims decode it.
public struct Lesson05Results: Codable, Sendable {
    /// Agents orange and blue on the three buffers, over seeds.
    public var experiment: Experiment?
    /// The same experiment on the hopper (Hopper-v4), where Fujimoto et al. ran it.
    public var hopper: HopperExperiment?
    /// The standard deviation of the actions in each buffer of the first seed.
    public var bufferActionStandardDeviation: PerBuffer<Double>?
    /// Q-learning on a fixed batch of the grid world.
    public var tabular: Tabular?
    /// How well each Pendulum buffer covers the pairs (s, π(s)) that orange's and blue's final policies reach.
    public var coverage: PerBuffer<Coverage>?

    /// Nothing recorded yet.
    public init() {}

    /// One buffer's coverage over seeds (`BufferCoverage` in the library): for the states s a policy visits in
    /// two episodes of its own, the distance from (s, π(s)) to the nearest pair the buffer holds, each
    /// coordinate divided by half its range, and the share of those pairs within ``radius`` of one.
    public struct Coverage: Codable, Sendable {
        /// Blue's mean distance, one per seed.
        public var blueDistancePerSeed: [Double]
        /// Orange's (the agent that filled the buffer), one per seed.
        public var orangeDistancePerSeed: [Double]
        /// The share of blue's pairs within ``radius`` of the buffer, one per seed.
        public var blueCoveredSharePerSeed: [Double]
        /// The same for orange.
        public var orangeCoveredSharePerSeed: [Double]
        /// The radius of "covered".
        public var radius: Double

        /// The per-seed values.
        public init(blueDistancePerSeed: [Double], orangeDistancePerSeed: [Double], blueCoveredSharePerSeed: [Double],
                    orangeCoveredSharePerSeed: [Double], radius: Double) {
            self.blueDistancePerSeed = blueDistancePerSeed
            self.orangeDistancePerSeed = orangeDistancePerSeed
            self.blueCoveredSharePerSeed = blueCoveredSharePerSeed
            self.orangeCoveredSharePerSeed = orangeCoveredSharePerSeed
            self.radius = radius
        }
    }

    /// One value for each of the three ways lesson 5 makes a fixed buffer (lesson 6 reuses them).
    public struct PerBuffer<Value: Codable & Sendable>: Codable, Sendable {
        /// Final buffer: a behavioural DDPG agent's whole training run with large exploration noise.
        public var final: Value
        /// Concurrent: orange's buffer, which blue learns from while it grows.
        public var concurrent: Value
        /// Imitation: a trained agent acting as an expert, without noise.
        public var imitation: Value

        /// The three values.
        public init(final: Value, concurrent: Value, imitation: Value) {
            self.final = final
            self.concurrent = concurrent
            self.imitation = imitation
        }
    }

    /// A mean over seeds and its standard deviation.
    public struct MeanAndDeviation: Codable, Sendable {
        /// The mean.
        public var mean: Double
        /// The standard deviation.
        public var standardDeviation: Double

        /// Both numbers.
        public init(mean: Double, standardDeviation: Double) {
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    /// A critic's estimate Q(s₀, π(s₀)) and the true discounted value of its policy from the same
    /// start states (means over seeds).
    public struct ValueEstimate: Codable, Sendable {
        /// The critic's estimate.
        public var estimate: Double
        /// The Monte-Carlo true value.
        public var truth: Double

        /// Both numbers.
        public init(estimate: Double, truth: Double) {
            self.estimate = estimate
            self.truth = truth
        }

        /// Estimate minus truth: how far the critic overrates its policy.
        public var overestimation: Double { estimate - truth }
    }

    /// The experiment: every seed trains orange and blue on each buffer.
    public struct Experiment: Codable, Sendable {
        /// The number of seeds.
        public var seeds: Int
        /// The environment steps of each interacting agent.
        public var environmentSteps: Int
        /// What orange and blue did on each buffer.
        public var buffers: PerBuffer<Setting>

        /// The experiment's numbers.
        public init(seeds: Int, environmentSteps: Int, buffers: PerBuffer<Setting>) {
            self.seeds = seeds
            self.environmentSteps = environmentSteps
            self.buffers = buffers
        }
    }

    /// The experiment on the hopper: Imitation (from the kit's trained expert) in every run, Concurrent
    /// and the Final buffer at the default scale only (their claims need its budget; `--quick` leaves them out).
    public struct HopperExperiment: Codable, Sendable {
        /// The number of seeds.
        public var seeds: Int
        /// The environment steps of each interacting agent.
        public var environmentSteps: Int
        /// The expert's buffer.
        public var imitation: Setting
        /// Orange's growing buffer (`nil` with `--quick`).
        public var concurrent: Setting?
        /// The behavioural agent's whole buffer (`nil` with `--quick`).
        public var final: Setting?

        /// The experiment's numbers.
        public init(seeds: Int, environmentSteps: Int, imitation: Setting, concurrent: Setting?, final: Setting?) {
            self.seeds = seeds
            self.environmentSteps = environmentSteps
            self.imitation = imitation
            self.concurrent = concurrent
            self.final = final
        }
    }

    /// Orange and blue on one buffer.
    public struct Setting: Codable, Sendable {
        /// The agent that interacts (for Imitation: the expert that filled the buffer).
        public var orange: Agent
        /// The agent that never acts.
        public var blue: Agent

        /// Both agents' numbers.
        public init(orange: Agent, blue: Agent) {
            self.orange = orange
            self.blue = blue
        }

        /// Orange's final return minus blue's (means over seeds).
        public var returnGap: Double { orange.finalReturn.mean - blue.finalReturn.mean }
    }

    /// One agent on one buffer; "final" is the mean of the last three evaluations.
    public struct Agent: Codable, Sendable {
        /// The final return over seeds.
        public var finalReturn: MeanAndDeviation
        /// Each seed's final return.
        public var finalReturnPerSeed: [Double]
        /// The final value estimate and true value, means over seeds.
        public var finalValue: ValueEstimate
        /// Each seed's final estimate minus its final true value.
        public var overestimationPerSeed: [Double]
        /// The gradient updates at which the agent was evaluated (the curves' x).
        public var updates: [Int]
        /// The mean return over seeds at each of `updates`.
        public var returnCurve: [Double]
        /// The mean value estimate over seeds at each of `updates`.
        public var estimateCurve: [Double]
        /// The mean true value over seeds at each of `updates`.
        public var truthCurve: [Double]
        /// Each seed's final value estimate (NaN without a critic: the hopper's expert); recorded for the
        /// hopper, whose values are positive, so that estimate and truth compare as a ratio.
        public var finalEstimatePerSeed: [Double]?
        /// Each seed's final true value (recorded for the hopper).
        public var finalTruthPerSeed: [Double]?

        /// log₁₀(estimate / truth) per seed: how many decades the critic overrates its policy; +∞ for a
        /// positive estimate of a policy whose true value is not positive (a hopper that falls at once),
        /// NaN where the estimate is missing or not positive.
        public var decadesOverTruthPerSeed: [Double]? {
            guard let estimates = finalEstimatePerSeed, let truths = finalTruthPerSeed else { return nil }
            return zip(estimates, truths).map { q, v in
                guard q > 0 else { return .nan }
                return v > 0 ? log10(q / v) : .infinity
            }
        }

        /// An agent's numbers.
        public init(finalReturn: MeanAndDeviation, finalReturnPerSeed: [Double], finalValue: ValueEstimate,
                    overestimationPerSeed: [Double], updates: [Int], returnCurve: [Double], estimateCurve: [Double], truthCurve: [Double]) {
            self.finalReturn = finalReturn
            self.finalReturnPerSeed = finalReturnPerSeed
            self.finalValue = finalValue
            self.overestimationPerSeed = overestimationPerSeed
            self.updates = updates
            self.returnCurve = returnCurve
            self.estimateCurve = estimateCurve
            self.truthCurve = truthCurve
        }
    }

    /// Q-learning on a batch of the grid world, from an optimistic and from a random table.
    public struct Tabular: Codable, Sendable {
        /// The discounted return of an optimal agent from S.
        public var optimalReturn: Double
        /// The distinct (s, a) pairs of the batch.
        public var batchPairs: Int
        /// Starting from Q₀ = r_max/(1 − γ) everywhere.
        public var optimistic: TableStart
        /// Starting from Q₀ ~ U(−1, 1).
        public var random: TableStart

        /// The tabular experiment's numbers.
        public init(optimalReturn: Double, batchPairs: Int, optimistic: TableStart, random: TableStart) {
            self.optimalReturn = optimalReturn
            self.batchPairs = batchPairs
            self.optimistic = optimistic
            self.random = random
        }
    }

    /// What Q-learning on the batch learned from one initial table.
    public struct TableStart: Codable, Sendable {
        /// Of the visited states with a move the batch never tried, the fraction whose greedy move is such a move.
        public var fractionGreedyUntried: Double
        /// Whether every never-tried pair kept its initial value.
        public var untriedKeepInitialValue: Bool
        /// Whether the greedy policy reaches the goal from S.
        public var reachesGoal: Bool
        /// The greedy policy's discounted return from S.
        public var discountedReturn: Double

        /// One table's numbers.
        public init(fractionGreedyUntried: Double, untriedKeepInitialValue: Bool, reachesGoal: Bool, discountedReturn: Double) {
            self.fractionGreedyUntried = fractionGreedyUntried
            self.untriedKeepInitialValue = untriedKeepInitialValue
            self.reachesGoal = reachesGoal
            self.discountedReturn = discountedReturn
        }
    }
}
