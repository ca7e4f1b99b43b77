/// What lesson 4 (GAIL) records in results.json: the lesson's cells fill it in and its claims decode it.
///
/// Lists indexed by the number of demonstrations follow `setup.demonstrationCounts`.
public struct Lesson04Results: Codable, Sendable {
    /// The experiment's sizes and the expert on the evaluation episodes.
    public var setup: Setup?
    /// Behavior cloning from N demonstrations.
    public var behaviorCloning: ReturnSweep?
    /// GAIL (with PPO) from the same demonstrations.
    public var gail: ReturnSweep?
    /// Mean κ·d along the evaluation episodes of the expert and of GAIL's final policies.
    public var cornerCutting: CornerCutting?
    /// GAIL's evaluation return during training.
    public var learningCurve: LearningCurve?
    /// The discriminator's mean output on expert pairs and on the policy's pairs during GAIL.
    public var discriminator: Discriminator?
    /// GAIL with the reward log D against −log(1 − D).
    public var rewardSign: RewardSign?
    /// GAIL with REINFORCE against PPO as its policy learner.
    public var learner: Learners?
    /// How far the final returns go above the expert's, against the tolerance of the claims.
    public var overExpert: OverExpert?

    /// Nothing recorded yet.
    public init() {}

    /// The experiment's sizes and the expert's return.
    public struct Setup: Codable, Sendable {
        /// The expert's mean return on the evaluation episodes.
        public var expertReturn: Double
        /// The standard deviation of the expert's return over those episodes.
        public var expertReturnStandardDeviation: Double
        /// The numbers of demonstrations N of the sweep, e.g. [1, 5, 25].
        public var demonstrationCounts: [Int]
        /// Steps per demonstration.
        public var demonstrationLength: Int
        /// Evaluation episodes of every final policy.
        public var evaluationEpisodes: Int
        /// Seeds per N.
        public var seeds: Int
        /// GAIL's iterations per run.
        public var gailIterations: Int

        /// The setup's numbers.
        public init(expertReturn: Double, expertReturnStandardDeviation: Double, demonstrationCounts: [Int],
                    demonstrationLength: Int, evaluationEpisodes: Int, seeds: Int, gailIterations: Int) {
            self.expertReturn = expertReturn
            self.expertReturnStandardDeviation = expertReturnStandardDeviation
            self.demonstrationCounts = demonstrationCounts
            self.demonstrationLength = demonstrationLength
            self.evaluationEpisodes = evaluationEpisodes
            self.seeds = seeds
            self.gailIterations = gailIterations
        }
    }

    /// One method's final returns over the sweep: entry i of each list is for `demonstrationCounts[i]`.
    public struct ReturnSweep: Codable, Sendable {
        /// The mean final return over seeds.
        public var returnMean: [Double]
        /// The standard deviation of the final return over seeds.
        public var returnStandardDeviation: [Double]
        /// Each seed's final return: `returnPerSeed[i][k]` for `demonstrationCounts[i]` and seed k.
        public var returnPerSeed: [[Double]]
        /// Environment steps of one run (0 for behavior cloning).
        public var environmentSteps: Int

        /// A sweep's numbers.
        public init(returnMean: [Double], returnStandardDeviation: [Double], returnPerSeed: [[Double]], environmentSteps: Int) {
            self.returnMean = returnMean
            self.returnStandardDeviation = returnStandardDeviation
            self.returnPerSeed = returnPerSeed
            self.environmentSteps = environmentSteps
        }
    }

    /// Mean κ·d over the evaluation steps: positive when the car keeps to the inside of the bends.
    public struct CornerCutting: Codable, Sendable {
        /// The expert's.
        public var expert: Double
        /// GAIL's, over every run of the sweep.
        public var gail: Double

        /// Both numbers.
        public init(expert: Double, gail: Double) {
            self.expert = expert
            self.gail = gail
        }
    }

    /// A mean curve over seeds against environment steps, with its spread.
    public struct Curve: Codable, Sendable {
        /// The number of demonstrations of its runs.
        public var demonstrations: Int
        /// The environment steps of each point.
        public var environmentSteps: [Double]
        /// The mean over seeds.
        public var mean: [Double]
        /// The standard deviation over seeds.
        public var standardDeviation: [Double]

        /// A curve's numbers.
        public init(demonstrations: Int, environmentSteps: [Double], mean: [Double], standardDeviation: [Double]) {
            self.demonstrations = demonstrations
            self.environmentSteps = environmentSteps
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    /// GAIL's evaluation return during training: entry i of each list is for `demonstrationCounts[i]`.
    public struct LearningCurve: Codable, Sendable {
        /// The environment steps after which the mean evaluation return first reached 90% of the
        /// expert's (−1 where it never did).
        public var stepsToNinetyPercent: [Double]
        /// The mean return at the first evaluation.
        public var firstEvaluationReturn: [Double]
        /// The environment steps at the first evaluation.
        public var firstEvaluationSteps: Int
        /// The curve with the fewest demonstrations.
        public var fewest: Curve
        /// The curve with the most demonstrations.
        public var most: Curve

        /// The learning curve's numbers.
        public init(stepsToNinetyPercent: [Double], firstEvaluationReturn: [Double], firstEvaluationSteps: Int,
                    fewest: Curve, most: Curve) {
            self.stepsToNinetyPercent = stepsToNinetyPercent
            self.firstEvaluationReturn = firstEvaluationReturn
            self.firstEvaluationSteps = firstEvaluationSteps
            self.fewest = fewest
            self.most = most
        }
    }

    /// The discriminator's mean output before each iteration's update, mean over seeds.
    public struct DiscriminatorCurve: Codable, Sendable {
        /// The number of demonstrations of its runs.
        public var demonstrations: Int
        /// The environment steps of each point.
        public var environmentSteps: [Double]
        /// Mean D on expert pairs.
        public var expert: [Double]
        /// Mean D on the policy's fresh pairs.
        public var policy: [Double]

        /// A curve's numbers.
        public init(demonstrations: Int, environmentSteps: [Double], expert: [Double], policy: [Double]) {
            self.demonstrations = demonstrations
            self.environmentSteps = environmentSteps
            self.expert = expert
            self.policy = policy
        }
    }

    /// The discriminator with the fewest and with the most demonstrations.
    public struct Discriminator: Codable, Sendable {
        /// With the fewest demonstrations.
        public var fewest: DiscriminatorCurve
        /// With the most demonstrations.
        public var most: DiscriminatorCurve

        /// Both curves.
        public init(fewest: DiscriminatorCurve, most: DiscriminatorCurve) {
            self.fewest = fewest
            self.most = most
        }
    }

    /// The final policies of GAIL runs with one reward, means over the side experiment's seeds.
    public struct FinalPolicy: Codable, Sendable {
        /// The mean episode length on the evaluation episodes.
        public var finalLength: Double
        /// The mean return on the evaluation episodes.
        public var finalReturn: Double

        /// Both numbers.
        public init(finalLength: Double, finalReturn: Double) {
            self.finalLength = finalLength
            self.finalReturn = finalReturn
        }
    }

    /// GAIL on the car with each imitation reward.
    public struct RewardSign: Codable, Sendable {
        /// r = log D, a per-step penalty.
        public var penalty: FinalPolicy
        /// r = −log(1 − D), a survival bonus (GAIL's usual reward).
        public var bonus: FinalPolicy

        /// Both rewards' outcomes.
        public init(penalty: FinalPolicy, bonus: FinalPolicy) {
            self.penalty = penalty
            self.bonus = bonus
        }
    }

    /// GAIL with each policy learner, on the side experiment's demonstrations and seeds.
    public struct Learners: Codable, Sendable {
        /// PPO's mean final return.
        public var ppoFinalReturn: Double
        /// REINFORCE's mean final return.
        public var reinforceFinalReturn: Double
        /// REINFORCE's environment steps per run.
        public var reinforceEnvironmentSteps: Int

        /// The learners' numbers.
        public init(ppoFinalReturn: Double, reinforceFinalReturn: Double, reinforceEnvironmentSteps: Int) {
            self.ppoFinalReturn = ppoFinalReturn
            self.reinforceFinalReturn = reinforceFinalReturn
            self.reinforceEnvironmentSteps = reinforceEnvironmentSteps
        }
    }

    /// The largest mean final return above the expert's, and the tolerance the claims allow.
    public struct OverExpert: Codable, Sendable {
        /// 1% of the expert's return.
        public var tolerance: Double
        /// The largest mean return of BC or GAIL, over every N, minus the expert's.
        public var largestExcess: Double

        /// Both numbers.
        public init(tolerance: Double, largestExcess: Double) {
            self.tolerance = tolerance
            self.largestExcess = largestExcess
        }
    }
}
