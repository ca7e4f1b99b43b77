import ExerciseAPI

/// Instructor-only checks of lesson 1 (behavior cloning): kept out of the student handout.
let lesson01HiddenChecks: [ExerciseCheck] = []
