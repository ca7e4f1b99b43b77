import ExerciseAPI

/// Instructor-only checks of lesson 3 (the GAN game): kept out of the student handout.
let lesson03HiddenChecks: [ExerciseCheck] = []
