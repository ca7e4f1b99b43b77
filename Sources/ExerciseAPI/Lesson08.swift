/// The exercises of lesson 8 (demonstrations inside reinforcement learning): the formulas a student writes.
///
/// `Solutions.DemonstrationsInRL` is the reference; `Exercises.DemonstrationsInRL` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol DemonstrationsInRLExercises: Sendable {
}
