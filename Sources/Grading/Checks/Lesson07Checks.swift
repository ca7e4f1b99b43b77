import ExerciseAPI

/// The graded checks of lesson 7 (mixing imitation and task rewards), visible to students.
let lesson07Checks: [ExerciseCheck] = []
