import ExerciseAPI

/// Instructor-only checks of lesson 8 (demonstrations inside RL): kept out of the student handout.
let lesson08HiddenChecks: [ExerciseCheck] = []
