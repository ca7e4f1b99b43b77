/// What lesson 9 (visuomotor imitation from pixels) records in results.json: the cells fill it in,
/// the reading cell and the claims read it. A step that never came (a run that never reached the
/// threshold) is NaN.
public struct Lesson09Results: Codable, Sendable {
    /// What the policy sees (first code cell).
    public var observations: Observations?
    /// The ablation: the recipe, a critic on pixels, the recipe without the auxiliary task.
    public var ablation: Ablation?

    /// The other embodiment: the two demonstrators and what each discriminator view makes of the
    /// paddle's state-only demonstrations.
    public var embodiment: Embodiment?

    /// Domain randomization, tested on policies cloned from pixels: one trained in the figures' style, one
    /// on randomized renders.
    public var randomization: Randomization?

    /// Nothing recorded yet.
    public init() {}

    /// The other embodiment's demonstrations (a paddle, states only) beside the imitator's own.
    public struct Embodiment: Codable, Sendable {
        /// Episodes per demonstrator.
        public var episodes: Int
        /// Success rate of the demonstrator with the pusher, and with the paddle.
        public var pusherSuccess: Double, paddleSuccess: Double
        /// Whether the paddle's demonstrations carry any action.
        public var paddleHasActions: Bool
        /// What building the recipe's agent with the object-only discriminator on the paddle's
        /// demonstrations threw (`nil`: it was built).
        public var objectOnlyError: String?
        /// What building it with the discriminator on block + pusher + action threw (`nil`: it was built).
        public var stateActionError: String?

        /// The embodiment's numbers.
        public init(episodes: Int, pusherSuccess: Double, paddleSuccess: Double, paddleHasActions: Bool,
                    objectOnlyError: String?, stateActionError: String?) {
            self.episodes = episodes
            self.pusherSuccess = pusherSuccess
            self.paddleSuccess = paddleSuccess
            self.paddleHasActions = paddleHasActions
            self.objectOnlyError = objectOnlyError
            self.stateActionError = stateActionError
        }
    }

    /// The images and the styles they are drawn in.
    public struct Observations: Codable, Sendable {
        /// Images are `imageSize` × `imageSize` × 3.
        public var imageSize: Int
        /// Randomized styles drawn for the figure that the domain-randomization sampler accepts.
        public var randomizedStyles: Int
        /// Whether the sampler could ever draw the held-out style (it must not).
        public var heldOutInTrainingRange: Bool

        /// The observations' numbers.
        public init(imageSize: Int, randomizedStyles: Int, heldOutInTrainingRange: Bool) {
            self.imageSize = imageSize
            self.randomizedStyles = randomizedStyles
            self.heldOutInTrainingRange = heldOutInTrainingRange
        }
    }

    /// Every run of the ablation, per agent.
    public struct Ablation: Codable, Sendable {
        /// The success rate a run must reach.
        public var threshold: Double
        /// Environment steps per run (the budget).
        public var environmentStepsPerRun: Int
        /// The training seeds, the same for every agent.
        public var seeds: [UInt64]
        /// One entry per agent: "state" (the recipe, asymmetric), "pixels", "stateWithoutAuxiliary",
        /// "paddleStates" (the recipe on the paddle's state-only demonstrations).
        public var agents: [Agent]

        /// The ablation's numbers.
        public init(threshold: Double, environmentStepsPerRun: Int, seeds: [UInt64], agents: [Agent]) {
            self.threshold = threshold
            self.environmentStepsPerRun = environmentStepsPerRun
            self.seeds = seeds
            self.agents = agents
        }

        /// The runs of agent `id`.
        public func agent(_ id: String) throws -> Agent {
            guard let agent = agents.first(where: { $0.id == id }) else {
                throw ClaimError.undecodable(type: "Lesson09Results.Ablation", path: "agents",
                                             reason: "has no agent \"\(id)\" (it has \(agents.map(\.id)))")
            }
            return agent
        }
    }

    /// The runs of one agent.
    public struct Agent: Codable, Sendable {
        /// "state", "pixels", "stateWithoutAuxiliary" or "paddleStates".
        public var id: String
        /// Environment steps at each evaluation (the same for every seed).
        public var steps: [Int]
        /// Per seed, the success rate at each evaluation.
        public var successPerSeed: [[Double]]
        /// Per seed, the environment steps of the first evaluation at or above the threshold (NaN: never).
        public var stepsToThreshold: [Double]
        /// Per seed, the last evaluation's success rate.
        public var finalSuccess: [Double]
        /// Per seed, the mean success rate over the evaluations (area under the curve, per point).
        public var meanSuccessAlongTraining: [Double]
        /// Per seed, the final policy's success rate in the held-out style, which training never showed
        /// (the same episodes as `finalSuccess`); `nil` when the runs did not measure it.
        public var heldOutFinalSuccess: [Double]?

        /// One agent's runs.
        public init(id: String, steps: [Int], successPerSeed: [[Double]], stepsToThreshold: [Double],
                    finalSuccess: [Double], meanSuccessAlongTraining: [Double], heldOutFinalSuccess: [Double]? = nil) {
            self.id = id
            self.steps = steps
            self.successPerSeed = successPerSeed
            self.stepsToThreshold = stepsToThreshold
            self.finalSuccess = finalSuccess
            self.meanSuccessAlongTraining = meanSuccessAlongTraining
            self.heldOutFinalSuccess = heldOutFinalSuccess
        }

        /// Per seed, 1 when the run reached the threshold within the budget, else 0.
        public var reachedThreshold: [Double] { stepsToThreshold.map { $0.isNaN ? 0 : 1 } }
    }

    /// Domain randomization by behavior cloning from pixels: per seed, a policy cloned from renders in the
    /// figures' style and one cloned from renders in randomized styles, each evaluated in the figures' style,
    /// in styles drawn anew from the randomization (never rendered in training), and in the held-out style.
    public struct Randomization: Codable, Sendable {
        /// The training seeds, the same for both policies.
        public var seeds: [UInt64]
        /// Adam steps per policy.
        public var gradientSteps: Int
        /// Styles drawn anew from the randomization for the evaluation.
        public var drawnStyles: Int
        /// Whether the randomization's range contains the figures' style, and the held-out style.
        public var figureInRange: Bool, heldOutInRange: Bool
        /// The policy cloned in the figures' style only.
        public var fixed: ClonedPolicy
        /// The policy cloned on randomized renders.
        public var randomized: ClonedPolicy

        /// The randomization test's numbers.
        public init(seeds: [UInt64], gradientSteps: Int, drawnStyles: Int, figureInRange: Bool, heldOutInRange: Bool,
                    fixed: ClonedPolicy, randomized: ClonedPolicy) {
            self.seeds = seeds
            self.gradientSteps = gradientSteps
            self.drawnStyles = drawnStyles
            self.figureInRange = figureInRange
            self.heldOutInRange = heldOutInRange
            self.fixed = fixed
            self.randomized = randomized
        }
    }

    /// One cloned policy per seed: its last minibatch loss and its success rates (the same start states in
    /// every style).
    public struct ClonedPolicy: Codable, Sendable {
        /// Per seed, the cloning loss of the last minibatch.
        public var finalLoss: [Double]
        /// Per seed, the success rate in the figures' style.
        public var figureSuccess: [Double]
        /// Per seed, the mean success rate over the styles drawn anew from the randomization.
        public var drawnSuccess: [Double]
        /// Per seed, the success rate in the held-out style.
        public var heldOutSuccess: [Double]

        /// One policy's numbers.
        public init(finalLoss: [Double], figureSuccess: [Double], drawnSuccess: [Double], heldOutSuccess: [Double]) {
            self.finalLoss = finalLoss
            self.figureSuccess = figureSuccess
            self.drawnSuccess = drawnSuccess
            self.heldOutSuccess = heldOutSuccess
        }
    }
}
