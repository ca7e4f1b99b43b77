import ExerciseAPI

/// Lesson 1, behavior cloning: the reference answers.
public struct BehaviorCloning: BehaviorCloningExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
