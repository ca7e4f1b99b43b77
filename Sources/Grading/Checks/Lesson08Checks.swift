import ExerciseAPI

/// The graded checks of lesson 8 (demonstrations inside RL), visible to students.
let lesson08Checks: [ExerciseCheck] = []
