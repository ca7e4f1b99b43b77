import ExerciseAPI

/// Instructor-only checks of lesson 6 (BCQ): kept out of the student handout.
let lesson06HiddenChecks: [ExerciseCheck] = []
