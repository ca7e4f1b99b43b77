/// When the demonstrations leave the replay buffer (exercise 8.4 decides, from the agent's recent
/// training episodes).
public struct RemovalRule: Sendable, Codable, Equatable {
    /// The recent success rate of the agent's own episodes that triggers the removal.
    public var successThreshold: Double
    /// Agent episodes that must have finished first.
    public var minimumEpisodes: Int
    /// Episodes the recent success rate is measured over.
    public var window: Int

    /// A rule (defaults: the lesson's).
    public init(successThreshold: Double = 0.5, minimumEpisodes: Int = 10, window: Int = 10) {
        self.successThreshold = successThreshold
        self.minimumEpisodes = minimumEpisodes
        self.window = window
    }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard (0...1).contains(successThreshold), minimumEpisodes >= 0, window >= 1 else {
            throw DemonstrationsRLError("RemovalRule: need a threshold in [0, 1], minimumEpisodes ≥ 0 and window ≥ 1, got \(self)")
        }
    }
}
