import Environments
import ExerciseAPI
import Numerics

/// One point of a success curve: how the deterministic policy did from the task's own start states
/// after some training.
public struct SuccessCurvePoint: Sendable, Equatable, Codable {
    /// Environment steps taken for training so far.
    public var environmentSteps: Int
    /// The fraction of evaluation episodes that reached the goal.
    public var successRate: Double
    /// The mean steps to success over the successful evaluation episodes (NaN if none).
    public var meanStepsToSuccess: Double

    /// A point with the given numbers.
    public init(environmentSteps: Int, successRate: Double, meanStepsToSuccess: Double) {
        self.environmentSteps = environmentSteps
        self.successRate = successRate
        self.meanStepsToSuccess = meanStepsToSuccess
    }
}

/// What one training run of one variant with one seed gave.
public struct RewardMixingRun: Sendable, Codable {
    /// The variant trained.
    public var variant: RewardMixingVariant
    /// The run's seed.
    public var seed: UInt64
    /// Success from the task's start states along training (exercise 7.4 on each evaluation).
    public var successCurve: [SuccessCurvePoint]
    /// The learning curve of the training itself (training episodes, discriminator outputs).
    public var learningCurve: LearningCurve
    /// The final policy from the task's start states (exercise 7.4).
    public var finalEvaluation: SuccessStatistics
    /// The block's and pusher's states along the first few final evaluation episodes (for drawing).
    public var finalPaths: [[BlockPushing.State]]
    /// Environment steps taken for training.
    public var environmentSteps: Int
    /// The fraction of training episodes that started from a demonstration state.
    public var demonstrationStartFraction: Double
    /// Wall-clock seconds of training and evaluation.
    public var seconds: Double

    /// The mean success rate over the evaluations along training (the area under the success
    /// curve, divided by its length): higher means the variant learned sooner.
    public var meanSuccessAlongTraining: Double {
        mean(of: successCurve.map(\.successRate))
    }
}
