import ExerciseAPI

/// Instructor-only checks of lesson 2 (distribution shift and DAgger): kept out of the student handout.
let lesson02HiddenChecks: [ExerciseCheck] = []
