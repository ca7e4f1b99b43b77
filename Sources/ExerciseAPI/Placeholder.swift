// ExerciseAPI: placeholder, filled in by its issue.
