/// What one lesson-8 training run measured.
public struct DemonstrationRun: Sendable, Codable, Equatable {
    /// Success on the full task against training environment steps (the first point is before
    /// any interaction, after pre-training if any).
    public var curve: SuccessCurve
    /// The curriculum's offset over training (empty without a curriculum).
    public var curriculumHistory: [BackwardCurriculum.Point]
    /// The longest length of the demonstrations the run used (the curriculum's end point; 0 without demonstrations).
    public var longestDemonstration: Int
    /// Environment step at which the demonstrations left the buffer, if they did.
    public var demonstrationsRemovedAtStep: Int?
    /// Training episodes finished.
    public var trainingEpisodes: Int
    /// Training episodes that succeeded.
    public var trainingSuccesses: Int
    /// DDPG updates taken during interaction.
    public var gradientUpdates: Int
    /// The success rate right after behavior cloning (before the critic's policy evaluation), if pre-trained.
    public var successAfterCloning: Double?
    /// The critic's last policy-evaluation TD error, if pre-trained with policy evaluation.
    public var finalPolicyEvaluationError: Double?

    /// A run's record.
    public init(curve: SuccessCurve, curriculumHistory: [BackwardCurriculum.Point], longestDemonstration: Int,
                demonstrationsRemovedAtStep: Int?, trainingEpisodes: Int, trainingSuccesses: Int, gradientUpdates: Int,
                successAfterCloning: Double?, finalPolicyEvaluationError: Double?) {
        self.curve = curve
        self.curriculumHistory = curriculumHistory
        self.longestDemonstration = longestDemonstration
        self.demonstrationsRemovedAtStep = demonstrationsRemovedAtStep
        self.trainingEpisodes = trainingEpisodes
        self.trainingSuccesses = trainingSuccesses
        self.gradientUpdates = gradientUpdates
        self.successAfterCloning = successAfterCloning
        self.finalPolicyEvaluationError = finalPolicyEvaluationError
    }
}
