import ExerciseAPI

extension DemonstrationsInRL {
    /// Exercise 8.4: drop the demonstrations once the agent succeeds on its own.
    public func shouldRemoveDemonstrations(recentSuccessRate: Double, agentEpisodes: Int, successThreshold: Double,
                                           minimumEpisodes: Int) throws -> Bool {
        let name = "shouldRemoveDemonstrations"
        guard (0...1).contains(successThreshold) else {
            throw DemonstrationsInputError("\(name): successThreshold must lie in [0, 1], got \(successThreshold)")
        }
        guard agentEpisodes >= 0, minimumEpisodes >= 0 else {
            throw DemonstrationsInputError("\(name): episode counts must be ≥ 0, got \(agentEpisodes) and \(minimumEpisodes)")
        }
        return agentEpisodes >= minimumEpisodes && recentSuccessRate >= successThreshold
    }
}
