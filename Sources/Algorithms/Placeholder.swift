// Algorithms: placeholder, filled in by its issue.
