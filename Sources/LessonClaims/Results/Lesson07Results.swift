/// What lesson 7 (imitation and task rewards) records in results.json: the cells fill it in, the
/// conclusions cell and the claims read it.
public struct Lesson07Results: Codable, Sendable {
    /// The task and its demonstrator (first code cell).
    public var task: Task?
    /// The PPO runs: the sweep over λ and the ablations.
    public var training: Training?
    /// Behavior cloning of the same demonstrator.
    public var cloning: Cloning?

    /// Nothing recorded yet.
    public init() {}

    /// How often and how fast a policy or a demonstrator reached the goal.
    public struct Success: Codable, Sendable {
        /// The fraction of episodes that reached the goal.
        public var successRate: Double
        /// The mean steps to success over the successful episodes (NaN if none).
        public var stepsToSuccess: Double

        /// A success rate and its steps.
        public init(successRate: Double, stepsToSuccess: Double) {
            self.successRate = successRate
            self.stepsToSuccess = stepsToSuccess
        }
    }

    /// The pushing task and the demonstrations the agents get.
    public struct Task: Codable, Sendable {
        /// The control period in seconds.
        public var dt: Double
        /// The time limit in steps.
        public var maxEpisodeSteps: Int
        /// The goal's radius.
        public var goalRadius: Double
        /// The number of demonstrations given to the agents.
        public var demonstrations: Int
        /// The fraction of those demonstrations that succeed.
        public var demonstrationsSuccessRate: Double
        /// The demonstrator on the agents' final evaluation episodes.
        public var demonstrator: Success
        /// The controller the demonstrator is a noisy copy of, without noise and at full speed.
        public var designedExpert: Success
        /// The episodes of the agents' final evaluation.
        public var evaluationEpisodes: Int

        /// The task's numbers.
        public init(dt: Double, maxEpisodeSteps: Int, goalRadius: Double, demonstrations: Int, demonstrationsSuccessRate: Double,
                    demonstrator: Success, designedExpert: Success, evaluationEpisodes: Int) {
            self.dt = dt
            self.maxEpisodeSteps = maxEpisodeSteps
            self.goalRadius = goalRadius
            self.demonstrations = demonstrations
            self.demonstrationsSuccessRate = demonstrationsSuccessRate
            self.demonstrator = demonstrator
            self.designedExpert = designedExpert
            self.evaluationEpisodes = evaluationEpisodes
        }
    }

    /// One variant's runs, one entry per training seed.
    public struct Variant: Codable, Sendable {
        /// The variant's name, e.g. "λ = 0.1" or "no demo starts".
        public var name: String
        /// λ, the imitation reward's weight.
        public var imitationWeight: Double
        /// The probability that a training episode starts from a demonstration state.
        public var demonstrationStartProbability: Double
        /// The final policy's success rate.
        public var finalSuccess: [Double]
        /// The mean of the success curve along training.
        public var successAlongTraining: [Double]
        /// The final policy's mean steps to success (NaN for a seed that never succeeded).
        public var stepsToSuccess: [Double]

        /// A variant's runs.
        public init(name: String, imitationWeight: Double, demonstrationStartProbability: Double, finalSuccess: [Double],
                    successAlongTraining: [Double], stepsToSuccess: [Double]) {
            self.name = name
            self.imitationWeight = imitationWeight
            self.demonstrationStartProbability = demonstrationStartProbability
            self.finalSuccess = finalSuccess
            self.successAlongTraining = successAlongTraining
            self.stepsToSuccess = stepsToSuccess
        }

        /// The steps to success of the seeds that succeeded.
        public var stepsOfSuccessfulSeeds: [Double] { stepsToSuccess.filter { !$0.isNaN } }
    }

    /// The PPO runs of the lesson.
    public struct Training: Codable, Sendable {
        /// Training seeds per variant.
        public var seeds: Int
        /// PPO iterations per run.
        public var iterations: Int
        /// Environment steps of all runs together.
        public var environmentSteps: Int
        /// The recipe at each λ of the sweep, in increasing λ (the first is λ = 0, the last λ = 1).
        public var sweep: [Variant]
        /// The λ of the ablations, the recipe's.
        public var ablationLambda: Double
        /// The recipe without demonstration starts.
        public var noDemoStarts: Variant
        /// The recipe with a discriminator that also sees the pusher and the action.
        public var blockAndPusher: Variant
        /// That discriminator without demonstration starts (full run only).
        public var blockAndPusherNoDemoStarts: Variant?
        /// The recipe with the environment's task reward as it is, c = 1 (full run only).
        public var unscaledTaskReward: Variant?

        /// The runs.
        public init(seeds: Int, iterations: Int, environmentSteps: Int, sweep: [Variant], ablationLambda: Double,
                    noDemoStarts: Variant, blockAndPusher: Variant, blockAndPusherNoDemoStarts: Variant?,
                    unscaledTaskReward: Variant?) {
            self.seeds = seeds
            self.iterations = iterations
            self.environmentSteps = environmentSteps
            self.sweep = sweep
            self.ablationLambda = ablationLambda
            self.noDemoStarts = noDemoStarts
            self.blockAndPusher = blockAndPusher
            self.blockAndPusherNoDemoStarts = blockAndPusherNoDemoStarts
            self.unscaledTaskReward = unscaledTaskReward
        }

        /// The sweep's variant at λ = `lambda`.
        public func sweep(at lambda: Double) throws -> Variant {
            try required(sweep.first { $0.imitationWeight == lambda }, "training.sweep at λ = \(lambda)")
        }
        /// The recipe: the sweep's variant at the ablation λ.
        public func recipe() throws -> Variant { try sweep(at: ablationLambda) }
    }

    /// One demonstration set's clones, one per training seed.
    public struct Clones: Codable, Sendable {
        /// The number of demonstrations cloned.
        public var demonstrations: Int
        /// Each clone's success rate.
        public var finalSuccess: [Double]
        /// Each clone's mean steps to success (NaN for a clone that never succeeded).
        public var stepsToSuccess: [Double]

        /// A set's clones.
        public init(demonstrations: Int, finalSuccess: [Double], stepsToSuccess: [Double]) {
            self.demonstrations = demonstrations
            self.finalSuccess = finalSuccess
            self.stepsToSuccess = stepsToSuccess
        }

        /// The steps to success of the clones that succeeded.
        public var stepsOfSuccessfulSeeds: [Double] { stepsToSuccess.filter { !$0.isNaN } }
    }

    /// Behavior cloning of the demonstrator, evaluated with the demonstrator on more episodes.
    public struct Cloning: Codable, Sendable {
        /// The episodes of this evaluation.
        public var evaluationEpisodes: Int
        /// The demonstrator on those episodes.
        public var demonstrator: Success
        /// The clones of the agents' demonstrations.
        public var few: Clones
        /// The clones of many more demonstrations.
        public var many: Clones

        /// The clones and their teacher.
        public init(evaluationEpisodes: Int, demonstrator: Success, few: Clones, many: Clones) {
            self.evaluationEpisodes = evaluationEpisodes
            self.demonstrator = demonstrator
            self.few = few
            self.many = many
        }
    }
}
