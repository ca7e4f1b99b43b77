import Datasets
import Environments
import ExerciseAPI
import Numerics

extension MLPPolicy {
    /// The policy as a `Rollout.Policy`: deterministic, it ignores the random source.
    public var rolloutPolicy: Rollout.Policy {
        { observation, _ in self.action(for: observation) }
    }

    /// Runs the deterministic policy for `episodes` seeded episodes (episode i from the reset
    /// distribution drawn with seed `seed + i`, as `Rollout.run` does), so that two policies
    /// evaluated with one seed start from the same states.
    ///
    /// ```swift
    /// let episodes = try result.policy.evaluate(in: Pendulum(), episodes: 10, seed: 1_000)
    /// let meanReturn = EpisodeStatistics(episodes).meanReturn
    /// ```
    ///
    /// - Parameter maxSteps: a horizon shorter than the environment's time limit, if wanted.
    /// - Throws: `BehaviorCloningInputError` when the policy's sizes do not fit the environment,
    ///   and whatever the environment throws.
    public func evaluate<Env: ContinuousEnvironment>(in env: Env, episodes: Int, seed: UInt64,
                                                     maxSteps: Int? = nil) throws -> [Trajectory<Env.State>] {
        guard observationSize == env.observationSize, actionSize == env.actionSize else {
            throw BehaviorCloningInputError("MLPPolicy.evaluate: the policy maps \(observationSize) → \(actionSize) numbers, "
                                            + "\(env.name) has \(env.observationSize) → \(env.actionSize)")
        }
        return try Rollout.run(env, episodes: episodes, seed: seed, maxSteps: maxSteps, policy: rolloutPolicy)
    }
}

extension ImitationDataset {
    /// The state-action pairs (sₜ, aₜ) of every step of `trajectories`, in order: the dataset
    /// behavior cloning learns from. The final observation of each trajectory, where no action
    /// was taken, is left out.
    ///
    /// - Throws: `BehaviorCloningInputError` when there are no steps at all.
    public init<State>(trajectories: [Trajectory<State>]) throws {
        var observations: [[Float]] = []
        var actions: [[Float]] = []
        for trajectory in trajectories {
            observations += trajectory.observations.prefix(trajectory.count)
            actions += trajectory.actions
        }
        try self.init(observations: observations, actions: actions)
    }
}

extension MixtureDensityPolicy {
    /// The policy as a `Rollout.Policy`: deterministic (the heaviest component's mean).
    public var rolloutPolicy: Rollout.Policy {
        { observation, _ in self.action(for: observation) }
    }
}
