/// One environment step (s, a, r, s′) with how the episode continued after it.
public struct Transition: Sendable, Equatable {
    /// The observation before the step.
    public var observation: [Float]
    /// The action taken.
    public var action: [Float]
    /// The reward received.
    public var reward: Float
    /// The observation after the step.
    public var nextObservation: [Float]
    /// The episode ended inside the task after this step (no bootstrapping from `nextObservation`).
    public var terminated: Bool
    /// The episode was cut by the time limit after this step (bootstrapping is still correct).
    public var truncated: Bool

    /// A transition with the given parts.
    public init(observation: [Float], action: [Float], reward: Float, nextObservation: [Float],
                terminated: Bool, truncated: Bool = false) {
        self.observation = observation
        self.action = action
        self.reward = reward
        self.nextObservation = nextObservation
        self.terminated = terminated
        self.truncated = truncated
    }
}
