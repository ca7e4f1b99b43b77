import Numerics

/// One finished episode seen while collecting a batch.
public struct EpisodeRecord: Sendable, Equatable, Codable {
    /// The undiscounted sum of the environment's rewards.
    public var environmentReturn: Double
    /// The undiscounted sum of the task rewards (`StepInfo.taskReward`).
    public var taskReturn: Double
    /// The number of steps.
    public var length: Int
    /// Whether some step reported success.
    public var succeeded: Bool
    /// Whether it ended by termination (rather than the time limit).
    public var terminated: Bool

    /// A record with the given numbers.
    public init(environmentReturn: Double, taskReturn: Double, length: Int, succeeded: Bool, terminated: Bool) {
        self.environmentReturn = environmentReturn
        self.taskReturn = taskReturn
        self.length = length
        self.succeeded = succeeded
        self.terminated = terminated
    }
}

/// N transitions collected by the current policy, ready for a policy-gradient update.
///
/// Transitions are stored environment by environment: each environment's steps are consecutive,
/// so the recursion of generalized advantage estimation runs along them. `episodeEnds[t]` is true
/// where the next row belongs to another episode — the episode terminated, hit its time limit, or
/// the batch cut it (the last step of each environment) — and `terminated[t]` only where s_{t+1}
/// is terminal, so that V(s_{t+1}) is bootstrapped everywhere else.
public struct RolloutBatch: Sendable {
    /// s_t, N×observationSize.
    public var observations: Matrix
    /// a_t as sampled by the policy (log-probabilities refer to these), N×actionSize.
    public var actions: Matrix
    /// a_t clipped into the action box, as the environment executed it (what a discriminator
    /// compares with the expert's recorded actions), N×actionSize.
    public var executedActions: Matrix
    /// s_{t+1}, N×observationSize (the last observation of an episode where it ended).
    public var nextObservations: Matrix
    /// The environment's reward r_t.
    public var environmentRewards: [Float]
    /// The task reward (`StepInfo.taskReward`); equal to the environment's reward except where the
    /// environment adds shaping (block pushing).
    public var taskRewards: [Float]
    /// Whether s_{t+1} is terminal.
    public var terminated: [Bool]
    /// Whether the next row belongs to another episode (terminated, truncated or cut).
    public var episodeEnds: [Bool]
    /// log π_old(a_t | s_t) at collection time.
    public var logProbabilities: [Float]
    /// The episodes that finished during the collection.
    public var completedEpisodes: [EpisodeRecord]

    /// The number of transitions N.
    public var count: Int { environmentRewards.count }

    /// A batch from its parts; every per-step array must have `observations.rows` entries.
    public init(observations: Matrix, actions: Matrix, executedActions: Matrix, nextObservations: Matrix,
                environmentRewards: [Float], taskRewards: [Float], terminated: [Bool], episodeEnds: [Bool],
                logProbabilities: [Float], completedEpisodes: [EpisodeRecord]) throws {
        let n = observations.rows
        let counts = [("actions", actions.rows), ("executedActions", executedActions.rows),
                      ("nextObservations", nextObservations.rows), ("environmentRewards", environmentRewards.count),
                      ("taskRewards", taskRewards.count), ("terminated", terminated.count),
                      ("episodeEnds", episodeEnds.count), ("logProbabilities", logProbabilities.count)]
        for (name, count) in counts where count != n {
            throw PolicyGradientError("RolloutBatch: \(name) has \(count) rows, observations \(n)")
        }
        self.observations = observations
        self.actions = actions
        self.executedActions = executedActions
        self.nextObservations = nextObservations
        self.environmentRewards = environmentRewards
        self.taskRewards = taskRewards
        self.terminated = terminated
        self.episodeEnds = episodeEnds
        self.logProbabilities = logProbabilities
        self.completedEpisodes = completedEpisodes
    }
}
