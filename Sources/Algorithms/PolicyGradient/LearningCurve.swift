import Numerics

/// One point of a learning curve: where training stood after an iteration.
public struct LearningCurvePoint: Sendable, Equatable, Codable {
    /// Environment steps taken for training so far (evaluation episodes not counted).
    public var environmentSteps: Int
    /// Policy gradient steps taken so far.
    public var gradientSteps: Int
    /// Mean environment return of the training episodes that finished in this iteration (NaN if none).
    public var trainingReturn: Double
    /// Mean task return of those episodes (NaN if none).
    public var trainingTaskReturn: Double
    /// Fraction of those episodes that succeeded (NaN if none).
    public var trainingSuccessRate: Double
    /// Mean length of those episodes (NaN if none).
    public var trainingEpisodeLength: Double
    /// Mean reward per step that the learner was given (the plugged-in reward).
    public var meanTrainingReward: Double
    /// Mean return of the deterministic policy on the evaluation episodes (NaN when not evaluated).
    public var evaluationReturn: Double
    /// Success rate on the evaluation episodes (NaN when not evaluated).
    public var evaluationSuccessRate: Double
    /// Mean length of the evaluation episodes (NaN when not evaluated).
    public var evaluationEpisodeLength: Double
    /// Further numbers by name (for example GAIL's mean D on expert and policy pairs).
    public var extras: [String: Double]

    /// A point with the given numbers.
    public init(environmentSteps: Int, gradientSteps: Int, trainingReturn: Double, trainingTaskReturn: Double,
                trainingSuccessRate: Double, trainingEpisodeLength: Double, meanTrainingReward: Double,
                evaluationReturn: Double = .nan, evaluationSuccessRate: Double = .nan,
                evaluationEpisodeLength: Double = .nan, extras: [String: Double] = [:]) {
        self.environmentSteps = environmentSteps
        self.gradientSteps = gradientSteps
        self.trainingReturn = trainingReturn
        self.trainingTaskReturn = trainingTaskReturn
        self.trainingSuccessRate = trainingSuccessRate
        self.trainingEpisodeLength = trainingEpisodeLength
        self.meanTrainingReward = meanTrainingReward
        self.evaluationReturn = evaluationReturn
        self.evaluationSuccessRate = evaluationSuccessRate
        self.evaluationEpisodeLength = evaluationEpisodeLength
        self.extras = extras
    }

    /// The training half of a point: means over the iteration's `episodes` (return, task return,
    /// success, length) and over its `rewards`; no evaluation yet.
    public init(environmentSteps: Int, gradientSteps: Int, episodes: [EpisodeRecord], rewards: [Float]) {
        self.init(environmentSteps: environmentSteps, gradientSteps: gradientSteps,
                  trainingReturn: mean(of: episodes.map(\.environmentReturn)),
                  trainingTaskReturn: mean(of: episodes.map(\.taskReturn)),
                  trainingSuccessRate: mean(of: episodes.map { $0.succeeded ? 1.0 : 0.0 }),
                  trainingEpisodeLength: mean(of: episodes.map { Double($0.length) }),
                  meanTrainingReward: mean(of: rewards))
    }
}

/// A learning curve recorded per environment step: one ``LearningCurvePoint`` per iteration.
public struct LearningCurve: Sendable, Equatable, Codable {
    /// The points in training order.
    public var points: [LearningCurvePoint] = []

    /// An empty curve.
    public init() {}

    /// The environment-step coordinates.
    public var environmentSteps: [Int] { points.map(\.environmentSteps) }
    /// The points that carry an evaluation.
    public var evaluatedPoints: [LearningCurvePoint] { points.filter { !$0.evaluationReturn.isNaN } }
    /// The series of extra `name` (NaN where a point lacks it).
    public func extra(_ name: String) -> [Double] { points.map { $0.extras[name] ?? .nan } }
}
