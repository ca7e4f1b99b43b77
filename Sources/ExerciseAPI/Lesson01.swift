/// The exercises of lesson 1 (behavior cloning): the formulas a student writes.
///
/// `Solutions.BehaviorCloning` is the reference; `Exercises.BehaviorCloning` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol BehaviorCloningExercises: Sendable {
}
