import Environments

/// One episode: T steps, T + 1 observations (the last is where the episode ended), and
/// optionally the environment state at every observation so episodes can restart from them.
public struct Trajectory<State: Codable & Equatable & Sendable>: Sendable, Codable {
    /// Observations s₀ … s_T.
    public var observations: [[Float]]
    /// Actions a₀ … a_{T−1} (as executed, i.e. after clipping into the action space).
    public var actions: [[Float]]
    /// Rewards r₀ … r_{T−1}.
    public var rewards: [Double]
    /// Per-step infos.
    public var infos: [StepInfo]
    /// Environment states at s₀ … s_T, or empty when not recorded.
    public var states: [State]
    /// The last step ended the episode inside the task.
    public var terminated: Bool
    /// The last step hit the time limit.
    public var truncated: Bool

    /// An empty trajectory starting at `observation` (and `state`, if given).
    public init(initialObservation observation: [Float], initialState state: State? = nil) {
        observations = [observation]
        actions = []
        rewards = []
        infos = []
        states = state.map { [$0] } ?? []
        terminated = false
        truncated = false
    }

    /// A trajectory from its parts.
    ///
    /// - Throws: `DatasetError` unless there are T + 1 observations, T actions and T rewards (and
    ///   T infos and T + 1 states, when given).
    public init(observations: [[Float]], actions: [[Float]], rewards: [Double], infos: [StepInfo] = [],
                states: [State] = [], terminated: Bool, truncated: Bool) throws {
        guard observations.count == actions.count + 1, rewards.count == actions.count,
              infos.isEmpty || infos.count == actions.count, states.isEmpty || states.count == observations.count else {
            throw DatasetError("Trajectory: needs T + 1 observations (got \(observations.count)), T actions (\(actions.count)), "
                + "T rewards (\(rewards.count)), T infos (\(infos.count)) and T + 1 states if any (\(states.count))")
        }
        self.observations = observations
        self.actions = actions
        self.rewards = rewards
        self.infos = infos.isEmpty ? Array(repeating: StepInfo(), count: actions.count) : infos
        self.states = states
        self.terminated = terminated
        self.truncated = truncated
    }

    /// Appends one step.
    public mutating func append(action: [Float], step: Step, state: State? = nil) {
        actions.append(action)
        rewards.append(step.reward)
        infos.append(step.info)
        observations.append(step.observation)
        if let state { states.append(state) }
        terminated = step.terminated
        truncated = step.truncated && !step.terminated
    }

    /// The number of steps T.
    public var count: Int { actions.count }

    /// The same episode with its actions removed (each an empty array; observations, rewards,
    /// infos and states kept): what a demonstrator of another embodiment can give an imitator whose
    /// action space differs from its own.
    public var withoutActions: Trajectory {
        var copy = self
        copy.actions = Array(repeating: [], count: actions.count)
        return copy
    }

    /// Whether the episode carries its actions: false after ``withoutActions`` (and for an episode of no step).
    public var hasActions: Bool { !actions.allSatisfy(\.isEmpty) }

    /// The undiscounted return Σ rₜ.
    public var totalReward: Double { rewards.reduce(0, +) }

    /// The discounted return Σ γᵗ rₜ.
    public func discountedReturn(gamma: Double) -> Double {
        var result = 0.0
        for r in rewards.reversed() { result = r + gamma * result }
        return result
    }

    /// Whether any step reported success (`info.succeeded`).
    public var succeeded: Bool { infos.contains { $0.succeeded } }
    /// Whether any step reported a collision (`info.collided`).
    public var collided: Bool { infos.contains { $0.collided } }

    /// The steps as transitions; only the last can be terminal or truncated.
    public var transitions: [Transition] {
        (0..<count).map { t in
            let last = t == count - 1
            return Transition(observation: observations[t], action: actions[t], reward: Float(rewards[t]),
                              nextObservation: observations[t + 1], terminated: last && terminated,
                              truncated: last && truncated)
        }
    }
}
