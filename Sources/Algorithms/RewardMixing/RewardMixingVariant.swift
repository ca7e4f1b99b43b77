/// One arm of lesson 7's experiment: a reward mix and the parts of Zhu et al.'s recipe it keeps.
public struct RewardMixingVariant: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A short name for tables and legends, e.g. "λ = 0.5" or "no demo starts".
    public var name: String
    /// λ in r = λ·r_GAIL + (1 − λ)·r_task.
    public var imitationWeight: Float
    /// What the discriminator sees.
    public var discriminatorView: DiscriminatorView
    /// The chance that a training episode starts from a demonstration state.
    public var demonstrationStartProbability: Double
    /// The task reward's factor c, if this variant sets its own (nil: the base configuration's).
    public var taskRewardScale: Float?

    /// A variant with the given settings.
    public init(name: String, imitationWeight: Float, discriminatorView: DiscriminatorView = .blockOnly,
                demonstrationStartProbability: Double, taskRewardScale: Float? = nil) {
        self.name = name
        self.imitationWeight = imitationWeight
        self.discriminatorView = discriminatorView
        self.demonstrationStartProbability = demonstrationStartProbability
        self.taskRewardScale = taskRewardScale
    }

    /// `base` with this variant's λ, view, start probability and (if set) task reward factor.
    public func configuration(from base: MixedRewardConfiguration) -> MixedRewardConfiguration {
        var configuration = base
        configuration.imitationWeight = imitationWeight
        configuration.discriminatorView = discriminatorView
        configuration.demonstrationStartProbability = demonstrationStartProbability
        if let taskRewardScale { configuration.taskRewardScale = taskRewardScale }
        return configuration
    }

    public var description: String { name }
}
