import ExerciseAPI

/// Lesson 6, batch-constrained Q-learning: the reference answers.
public struct BatchConstrained: BCQExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
