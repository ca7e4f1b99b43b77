import ExerciseAPI

/// The hyper-parameters of DAgger (Ross, Gordon & Bagnell 2011, "A Reduction of Imitation
/// Learning and Structured Prediction to No-Regret Online Learning", Algorithm 3.1).
///
/// Iteration i (from 1) executes the mixture πᵢ = βᵢ π* + (1 − βᵢ) π̂ᵢ with βᵢ = pⁱ (the paper
/// writes β_i = p^{i−1} counting from 1 with β₁ = 1; here iteration 0 is the expert's own
/// demonstrations), collects `rolloutsPerIteration` trajectories of at most `rolloutSteps` steps,
/// has the expert label every visited state, aggregates, and retrains. The paper also allows
/// β₁ = 1 and βᵢ = 0 afterwards, which is `betaDecay: 0`.
public struct DAggerConfiguration: Sendable, Equatable {
    /// N, the number of aggregation rounds after the initial behavior cloning.
    public var iterations: Int
    /// Trajectories collected with the mixed policy in each round.
    public var rolloutsPerIteration: Int
    /// The horizon T of each collected trajectory (`nil`: the environment's time limit).
    public var rolloutSteps: Int?
    /// p in βᵢ = pⁱ.
    public var betaDecay: Double
    /// Whether each round continues training the previous policy (`true`) or trains a fresh one
    /// on the aggregated data (`false`, as in the paper).
    public var warmStart: Bool
    /// Adam steps per round when warm-starting (`nil`: the behavior-cloning configuration's).
    public var stepsPerIteration: Int?
    /// The behavior-cloning hyper-parameters used to (re)train π̂.
    public var behaviorCloning: BehaviorCloningConfiguration

    /// A configuration; every argument has the kit's default.
    public init(iterations: Int = 8, rolloutsPerIteration: Int = 2, rolloutSteps: Int? = nil, betaDecay: Double = 0.5,
                warmStart: Bool = true, stepsPerIteration: Int? = nil,
                behaviorCloning: BehaviorCloningConfiguration = BehaviorCloningConfiguration()) {
        self.iterations = iterations
        self.rolloutsPerIteration = rolloutsPerIteration
        self.rolloutSteps = rolloutSteps
        self.betaDecay = betaDecay
        self.warmStart = warmStart
        self.stepsPerIteration = stepsPerIteration
        self.behaviorCloning = behaviorCloning
    }

    /// Checks that the numbers make sense.
    ///
    /// - Throws: `DistributionShiftInputError` naming the first bad field (and the
    ///   behavior-cloning configuration's own errors).
    public func validate() throws {
        guard iterations >= 0 else { throw DistributionShiftInputError("DAggerConfiguration: iterations must be ≥ 0, got \(iterations)") }
        guard rolloutsPerIteration >= 1 else {
            throw DistributionShiftInputError("DAggerConfiguration: rolloutsPerIteration must be ≥ 1, got \(rolloutsPerIteration)")
        }
        if let rolloutSteps, rolloutSteps < 1 {
            throw DistributionShiftInputError("DAggerConfiguration: rolloutSteps must be ≥ 1, got \(rolloutSteps)")
        }
        guard (0...1).contains(betaDecay) else {
            throw DistributionShiftInputError("DAggerConfiguration: betaDecay must lie in [0, 1], got \(betaDecay)")
        }
        if let stepsPerIteration, stepsPerIteration < 0 {
            throw DistributionShiftInputError("DAggerConfiguration: stepsPerIteration must be ≥ 0, got \(stepsPerIteration)")
        }
        try behaviorCloning.validate()
    }
}
