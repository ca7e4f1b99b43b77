import ExerciseAPI

/// Lesson 8, demonstrations inside reinforcement learning: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct DemonstrationsInRL: DemonstrationsInRLExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
