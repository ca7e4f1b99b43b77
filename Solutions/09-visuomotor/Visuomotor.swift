import ExerciseAPI

/// Lesson 9, visuomotor imitation from pixels: the reference answers.
public struct Visuomotor: VisuomotorExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
