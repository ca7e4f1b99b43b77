// Grading: placeholder, filled in by its issue.
