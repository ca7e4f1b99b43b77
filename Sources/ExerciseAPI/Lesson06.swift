/// The exercises of lesson 6 (batch-constrained Q-learning): the formulas a student writes.
///
/// `Solutions.BatchConstrained` is the reference; `Exercises.BatchConstrained` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol BCQExercises: Sendable {
}
