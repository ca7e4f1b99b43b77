import ExerciseAPI

/// Lesson 5, off-policy RL on a fixed batch: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct OffPolicyLearning: OffPolicyExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
