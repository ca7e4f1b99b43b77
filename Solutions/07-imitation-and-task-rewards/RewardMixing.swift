import ExerciseAPI

/// Lesson 7, mixing imitation and task rewards: the reference answers.
public struct RewardMixing: RewardMixingExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
