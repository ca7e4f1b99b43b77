import ExerciseAPI

/// Lesson 4, generative adversarial imitation learning: the student's copy. Each exercise is in
/// its own file here; replace each `throw NotImplemented(...)` with your code.
public struct AdversarialImitation: GAILExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
