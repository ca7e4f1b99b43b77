import ExerciseAPI

/// Lesson 5, off-policy RL on a fixed batch: the reference answers.
public struct OffPolicyLearning: OffPolicyExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
