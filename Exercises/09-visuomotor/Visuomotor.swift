import ExerciseAPI

/// Lesson 9, visuomotor imitation from pixels: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct Visuomotor: VisuomotorExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
