import ExerciseAPI

/// Lesson 2, distribution shift and DAgger: the student's copy: replace each `throw NotImplemented(...)` with your code.
public struct DistributionShift: DistributionShiftExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
