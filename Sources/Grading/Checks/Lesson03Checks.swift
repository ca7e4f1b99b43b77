import ExerciseAPI

/// The graded checks of lesson 3 (the GAN game), visible to students.
let lesson03Checks: [ExerciseCheck] = []
