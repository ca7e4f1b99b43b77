import ExerciseAPI

/// Instructor-only checks of lesson 4 (GAIL): kept out of the student handout.
let lesson04HiddenChecks: [ExerciseCheck] = []
