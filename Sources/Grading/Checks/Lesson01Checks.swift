import ExerciseAPI

/// The graded checks of lesson 1 (behavior cloning), visible to students.
let lesson01Checks: [ExerciseCheck] = []
