import ExerciseAPI

/// Lesson 3, the GAN game and its optimal discriminator: the reference answers.
public struct GANTheory: GANExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
