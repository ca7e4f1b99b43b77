import ExerciseAPI

/// The graded checks of lesson 4 (GAIL), visible to students.
let lesson04Checks: [ExerciseCheck] = []
