import Datasets
import Environments
import Numerics

/// Running a trained Gaussian policy for evaluation episodes.
public enum PolicyEvaluation {
    /// `episodes` episodes of `policy` (its mean action if `deterministic`) from the environment's
    /// reset distribution, episode i seeded by `seed + i` (so every policy evaluated with the same
    /// seed meets the same initial states).
    public static func trajectories<Env: ContinuousEnvironment>(
        of policy: GaussianPolicy, in environment: Env, episodes: Int, seed: UInt64, deterministic: Bool = true
    ) throws -> [Trajectory<Env.State>] {
        try Rollout.run(environment, episodes: episodes, seed: seed) { observation, rng in
            policy.action(for: observation, deterministic: deterministic, rng: &rng)
        }
    }

    /// The return, length and success statistics of ``trajectories(of:in:episodes:seed:deterministic:)``.
    public static func statistics<Env: ContinuousEnvironment>(
        of policy: GaussianPolicy, in environment: Env, episodes: Int, seed: UInt64, deterministic: Bool = true
    ) throws -> EpisodeStatistics {
        EpisodeStatistics(try trajectories(of: policy, in: environment, episodes: episodes, seed: seed,
                                           deterministic: deterministic))
    }
}
