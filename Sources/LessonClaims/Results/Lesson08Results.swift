/// What lesson 8 (demonstrations inside reinforcement learning) records in results.json: the cells
/// fill it in, the reading cells and the claims read it. A step that never came (a seed that never
/// reached the threshold, demonstrations never removed) is NaN.
public struct Lesson08Results: Codable, Sendable {
    /// The task, the demonstrator and random exploration (first code cell).
    public var task: Task?
    /// The race: every way of using demonstrations against RL from scratch.
    public var comparison: Comparison?
    /// Fine-tuning an actor cloned from all the demonstrations: the critic and the cloning term.
    public var ablation: Ablation?

    /// Nothing recorded yet.
    public init() {}

    /// The sparse pushing task, its demonstrator and its demonstrations.
    public struct Task: Codable, Sendable {
        /// The demonstrator's success rate from the task's start states.
        public var demonstratorSuccessRate: Double
        /// The demonstrator's mean episode length in steps.
        public var demonstratorMeanLength: Double
        /// The scripted optimum's mean episode length in steps.
        public var optimalMeanLength: Double
        /// Uniformly random actions' success rate.
        public var randomSuccessRate: Double
        /// The demonstrations kept (successful episodes).
        public var demonstrations: Int
        /// Their mean length in steps.
        public var demonstrationsMeanLength: Double
        /// The longest of them, in steps.
        public var longestDemonstration: Int

        /// The task's numbers.
        public init(demonstratorSuccessRate: Double, demonstratorMeanLength: Double, optimalMeanLength: Double,
                    randomSuccessRate: Double, demonstrations: Int, demonstrationsMeanLength: Double, longestDemonstration: Int) {
            self.demonstratorSuccessRate = demonstratorSuccessRate
            self.demonstratorMeanLength = demonstratorMeanLength
            self.optimalMeanLength = optimalMeanLength
            self.randomSuccessRate = randomSuccessRate
            self.demonstrations = demonstrations
            self.demonstrationsMeanLength = demonstrationsMeanLength
            self.longestDemonstration = longestDemonstration
        }
    }

    /// One variant's runs: its mean success curve and one entry per training seed.
    public struct Variant: Codable, Sendable {
        /// The variant's identifier, e.g. "scratch", "replayKept", "pretrained", "curriculum".
        public var id: String
        /// Its name in tables and figures.
        public var label: String
        /// The environment steps of the evaluations.
        public var steps: [Int]
        /// The mean success rate over seeds at each evaluation.
        public var meanSuccess: [Double]
        /// The standard deviation over seeds at each evaluation.
        public var stdSuccess: [Double]
        /// Each seed's success before its first environment step (after pre-training, if any).
        public var initialSuccess: [Double]
        /// Each seed's final success (the mean of its last two evaluations).
        public var finalSuccess: [Double]
        /// Each seed's first evaluation step at the success threshold (NaN if it never got there).
        public var firstStepReachingThreshold: [Double]
        /// Each seed's mean success over the evaluations in the early window (0, `earlyWindow`].
        public var earlySuccess: [Double]
        /// Each seed's fraction of training episodes that succeeded.
        public var trainingSuccessRate: [Double]

        /// A variant's runs.
        public init(id: String, label: String, steps: [Int], meanSuccess: [Double], stdSuccess: [Double],
                    initialSuccess: [Double], finalSuccess: [Double], firstStepReachingThreshold: [Double],
                    earlySuccess: [Double], trainingSuccessRate: [Double]) {
            self.id = id
            self.label = label
            self.steps = steps
            self.meanSuccess = meanSuccess
            self.stdSuccess = stdSuccess
            self.initialSuccess = initialSuccess
            self.finalSuccess = finalSuccess
            self.firstStepReachingThreshold = firstStepReachingThreshold
            self.earlySuccess = earlySuccess
            self.trainingSuccessRate = trainingSuccessRate
        }

        /// Each seed's steps to the threshold, a seed that never got there counted as one evaluation
        /// past `budget` (the earliest it could still have).
        public func stepsToThreshold(budget: Int, interval: Int) -> [Double] {
            firstStepReachingThreshold.map { $0.isNaN ? Double(budget + interval) : $0 }
        }

        /// Each seed's final success minus its success before the first environment step: what
        /// training (for a pre-trained variant, fine-tuning) added to where the seed started.
        public var gainPerSeed: [Double] { zip(finalSuccess, initialSuccess).map { $0 - $1 } }
    }

    /// The backward curriculum's progress, one entry per training seed.
    public struct Curriculum: Codable, Sendable {
        /// The environment step at which episodes began to start from the task's own reset (NaN if never).
        public var completedAtStep: [Double]
        /// The start offset at the end of training, in steps before the demonstrations' end.
        public var finalOffset: [Int]
        /// The longest demonstration: the offset at which the curriculum is the full task.
        public var longestDemonstration: Int

        /// The curriculum's progress.
        public init(completedAtStep: [Double], finalOffset: [Int], longestDemonstration: Int) {
            self.completedAtStep = completedAtStep
            self.finalOffset = finalOffset
            self.longestDemonstration = longestDemonstration
        }

        /// The seeds whose start reached the beginning of the demonstrations.
        public var completedSeeds: Int { finalOffset.filter { $0 >= longestDemonstration }.count }
    }

    /// The race.
    public struct Comparison: Codable, Sendable {
        /// The success rate the race compares at.
        public var threshold: Double
        /// Environment steps between evaluations.
        public var evaluationInterval: Int
        /// Environment steps of each run.
        public var environmentStepsPerRun: Int
        /// The training seeds, as decimal text (a 64-bit seed can exceed the integers JSON readers keep exactly).
        public var seeds: [String]
        /// Environment steps of all runs together.
        public var environmentSteps: Int
        /// DDPG updates of all runs together.
        public var gradientUpdates: Int
        /// The variants, in the order of the lecture.
        public var variants: [Variant]
        /// The demonstrations pre-training used (way 2), and their steps.
        public var pretrainingDemonstrations: Int
        /// The steps of those demonstrations.
        public var pretrainingDemonstrationSteps: Int
        /// Way 2, each seed's success right after cloning (before the critic's policy evaluation).
        public var successAfterCloning: [Double]
        /// Way 1 with removal: the step at which each seed dropped its demonstrations (NaN if never).
        public var demonstrationsRemovedAtStep: [Double]
        /// Way 4's progress.
        public var curriculum: Curriculum

        /// The race's numbers.
        public init(threshold: Double, evaluationInterval: Int, environmentStepsPerRun: Int, seeds: [String],
                    environmentSteps: Int, gradientUpdates: Int, variants: [Variant], pretrainingDemonstrations: Int,
                    pretrainingDemonstrationSteps: Int, successAfterCloning: [Double], demonstrationsRemovedAtStep: [Double],
                    curriculum: Curriculum) {
            self.threshold = threshold
            self.evaluationInterval = evaluationInterval
            self.environmentStepsPerRun = environmentStepsPerRun
            self.seeds = seeds
            self.environmentSteps = environmentSteps
            self.gradientUpdates = gradientUpdates
            self.variants = variants
            self.pretrainingDemonstrations = pretrainingDemonstrations
            self.pretrainingDemonstrationSteps = pretrainingDemonstrationSteps
            self.successAfterCloning = successAfterCloning
            self.demonstrationsRemovedAtStep = demonstrationsRemovedAtStep
            self.curriculum = curriculum
        }

        /// The variant `id`.
        public func variant(_ id: String) throws -> Variant {
            try required(variants.first { $0.id == id }, "comparison.variants[\(id)]")
        }

        /// Each seed's steps to the threshold of variant `id` (a seed that never got there counts
        /// one evaluation past the budget).
        public func stepsToThreshold(_ id: String) throws -> [Double] {
            try variant(id).stepsToThreshold(budget: environmentStepsPerRun, interval: evaluationInterval)
        }
    }

    /// The critic-consistency ablation.
    public struct Ablation: Codable, Sendable {
        /// The end of the "early" window of fine-tuning, in environment steps.
        public var earlyWindow: Int
        /// The three starts of fine-tuning.
        public var variants: [Variant]

        /// The ablation's numbers.
        public init(earlyWindow: Int, variants: [Variant]) {
            self.earlyWindow = earlyWindow
            self.variants = variants
        }

        /// The variant `id`.
        public func variant(_ id: String) throws -> Variant {
            try required(variants.first { $0.id == id }, "ablation.variants[\(id)]")
        }
    }
}
