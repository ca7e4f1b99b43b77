import ExerciseAPI

/// Lesson 6, batch-constrained Q-learning: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct BatchConstrained: BCQExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
