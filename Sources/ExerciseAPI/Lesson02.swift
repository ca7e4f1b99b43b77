/// The exercises of lesson 2 (distribution shift and DAgger): the formulas a student writes.
///
/// `Solutions.DistributionShift` is the reference; `Exercises.DistributionShift` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol DistributionShiftExercises: Sendable {
}
