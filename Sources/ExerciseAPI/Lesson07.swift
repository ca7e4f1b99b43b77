/// The exercises of lesson 7 (mixing imitation and task rewards): the formulas a student writes.
///
/// `Solutions.RewardMixing` is the reference; `Exercises.RewardMixing` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol RewardMixingExercises: Sendable {
}
