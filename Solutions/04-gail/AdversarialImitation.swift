import ExerciseAPI

/// Lesson 4, generative adversarial imitation learning: the reference answers.
public struct AdversarialImitation: GAILExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
