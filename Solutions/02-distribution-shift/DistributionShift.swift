import ExerciseAPI

/// Lesson 2, distribution shift and DAgger: the reference answers.
public struct DistributionShift: DistributionShiftExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}
