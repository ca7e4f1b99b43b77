/// The exercises of lesson 4 (generative adversarial imitation learning): the formulas a student writes.
///
/// `Solutions.AdversarialImitation` is the reference; `Exercises.AdversarialImitation` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol GAILExercises: Sendable {
}
