import ExerciseAPI

/// Instructor-only checks of lesson 7 (mixing imitation and task rewards): kept out of the student handout.
let lesson07HiddenChecks: [ExerciseCheck] = []
