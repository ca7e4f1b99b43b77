/// What one call of `step(_:)` returns, shaped like Gymnasium's
/// `(observation, reward, terminated, truncated, info)`.
public struct Step: Sendable, Equatable {
    /// The observation after the step.
    public var observation: [Float]
    /// The reward for the step.
    public var reward: Double
    /// The episode ended inside the task (goal reached, car off the track, collision).
    public var terminated: Bool
    /// The episode was cut by the time limit (`maxEpisodeSteps`), not by the task.
    public var truncated: Bool
    /// Extra facts about the step.
    public var info: StepInfo

    /// Whether the episode is over for either reason.
    public var isDone: Bool { terminated || truncated }

    /// A step with the given parts.
    public init(observation: [Float], reward: Double, terminated: Bool, truncated: Bool, info: StepInfo = StepInfo()) {
        self.observation = observation
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
        self.info = info
    }
}

/// The `info` of a step: the events lessons read out by name, and the task reward.
///
/// Every environment fills the fields that apply to it and leaves the others at their defaults.
public struct StepInfo: Sendable, Equatable, Codable {
    /// The car hit the obstacle (lane-keeping car with an obstacle).
    public var collided: Bool
    /// The car left the track (lane-keeping car).
    public var leftTrack: Bool
    /// The task was achieved on this step (block pushing: block inside the goal region).
    public var succeeded: Bool
    /// The sparse task reward of the step, whatever reward shaping the environment adds on top
    /// (block pushing: 1 on success, else 0; the other environments: equal to the reward).
    public var taskReward: Double

    /// An info with the given facts (all false and a zero task reward by default).
    public init(collided: Bool = false, leftTrack: Bool = false, succeeded: Bool = false, taskReward: Double = 0) {
        self.collided = collided
        self.leftTrack = leftTrack
        self.succeeded = succeeded
        self.taskReward = taskReward
    }
}
