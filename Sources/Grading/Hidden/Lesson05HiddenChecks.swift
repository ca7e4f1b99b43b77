import ExerciseAPI

/// Instructor-only checks of lesson 5 (off-policy RL on a fixed batch): kept out of the student handout.
let lesson05HiddenChecks: [ExerciseCheck] = []
