import ExerciseAPI

/// Lesson 3, the GAN game and its optimal discriminator: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct GANTheory: GANExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
