import ExerciseAPI

/// The graded checks of lesson 2 (distribution shift and DAgger), visible to students.
let lesson02Checks: [ExerciseCheck] = []
