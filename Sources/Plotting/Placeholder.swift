// Plotting: placeholder, filled in by its issue.
