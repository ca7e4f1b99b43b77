import ExerciseAPI

/// The graded checks of lesson 6 (BCQ), visible to students.
let lesson06Checks: [ExerciseCheck] = []
