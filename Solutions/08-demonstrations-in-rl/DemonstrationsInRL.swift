import ExerciseAPI

/// Lesson 8, demonstrations inside reinforcement learning: the reference answers.
public struct DemonstrationsInRL: DemonstrationsInRLExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
