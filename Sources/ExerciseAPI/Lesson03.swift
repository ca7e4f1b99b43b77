/// The exercises of lesson 3 (the GAN game and its optimal discriminator): the formulas a student writes.
///
/// `Solutions.GANTheory` is the reference; `Exercises.GANTheory` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
public protocol GANExercises: Sendable {
}
