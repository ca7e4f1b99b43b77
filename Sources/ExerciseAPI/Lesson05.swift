/// The exercises of lesson 5 (off-policy RL on a fixed batch): the formulas a student writes.
///
/// `Solutions.OffPolicyLearning` is the reference; `Exercises.OffPolicyLearning` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol OffPolicyExercises: Sendable {
}
