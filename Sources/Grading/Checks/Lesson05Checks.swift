import ExerciseAPI

/// The graded checks of lesson 5 (off-policy RL on a fixed batch), visible to students.
let lesson05Checks: [ExerciseCheck] = []
