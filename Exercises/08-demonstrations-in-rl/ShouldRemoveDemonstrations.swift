import ExerciseAPI

extension DemonstrationsInRL {
    /// Exercise 8.4: when to drop the demonstrations from the replay buffer.
    ///
    /// - Return true once at least `minimumEpisodes` agent episodes have finished and
    ///   `recentSuccessRate ≥ successThreshold`; a NaN rate gives false.
    /// - Throw `DemonstrationsInputError` for a threshold outside [0, 1] or a negative count.
    public func shouldRemoveDemonstrations(recentSuccessRate: Double, agentEpisodes: Int, successThreshold: Double,
                                           minimumEpisodes: Int) throws -> Bool {
        throw NotImplemented(exercise: "8.4", name: "shouldRemoveDemonstrations",
                             file: "Exercises/08-demonstrations-in-rl/ShouldRemoveDemonstrations.swift")
    }
}
