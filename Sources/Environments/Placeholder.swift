// Environments: placeholder, filled in by its issue.
