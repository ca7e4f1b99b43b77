import ExerciseAPI

/// One training run of the agent on pixels with one critic and one seed: its success curve and
/// when it first reached the experiment's success threshold.
public struct PixelCriticRun: Sendable, Codable, Equatable {
    /// What the critic observed.
    public var critic: PixelCriticChoice
    /// The run's seed.
    public var seed: UInt64
    /// The deterministic policy's success from the task's start states along training.
    public var successCurve: [SuccessCurvePoint]
    /// The environment steps at the first evaluation whose success rate reached the threshold
    /// (nil: not within the budget).
    public var stepsToThreshold: Int?
    /// The last evaluation.
    public var finalEvaluation: SuccessStatistics
    /// The final policy evaluated in the held-out style, on the same episodes
    /// (``PixelCriticExperiment/evaluatesHeldOutStyle``), or `nil`.
    public var heldOutEvaluation: SuccessStatistics?
    /// The mean success rate over the curve's evaluations (the area under the curve, per point).
    public var meanSuccessAlongTraining: Double
    /// Environment steps taken for training.
    public var environmentSteps: Int
    /// The fraction of training episodes that started from a demonstration state.
    public var demonstrationStartFraction: Double
    /// Wall-clock seconds of the run (training and evaluations); not part of any claim.
    public var seconds: Double

    /// A run from its numbers.
    public init(critic: PixelCriticChoice, seed: UInt64, successCurve: [SuccessCurvePoint], stepsToThreshold: Int?,
                finalEvaluation: SuccessStatistics, heldOutEvaluation: SuccessStatistics? = nil,
                meanSuccessAlongTraining: Double, environmentSteps: Int,
                demonstrationStartFraction: Double, seconds: Double) {
        self.critic = critic
        self.seed = seed
        self.successCurve = successCurve
        self.stepsToThreshold = stepsToThreshold
        self.finalEvaluation = finalEvaluation
        self.heldOutEvaluation = heldOutEvaluation
        self.meanSuccessAlongTraining = meanSuccessAlongTraining
        self.environmentSteps = environmentSteps
        self.demonstrationStartFraction = demonstrationStartFraction
        self.seconds = seconds
    }
}
