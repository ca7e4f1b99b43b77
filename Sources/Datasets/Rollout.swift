import Environments
import Numerics

/// Running a policy in an environment to collect trajectories.
///
/// Episode `i` of a run with seed `seed` draws from `RandomSource(seed: seed + i)`
/// (`RandomSource.derivedSeed(base: seed, index: i)`): the first `split()` resets the environment,
/// the second drives the policy. So two policies run with the same seed start from the same initial
/// states, and one episode does not shift the next.
public enum Rollout {
    /// A policy: observation and a random source in, action out.
    public typealias Policy = (_ observation: [Float], _ rng: inout RandomSource) throws -> [Float]

    /// Runs one episode from the environment's current state, up to its time limit or `maxSteps`.
    ///
    /// - Throws: whatever the policy or the environment throws (e.g. a NaN action).
    public static func episode<Env: ContinuousEnvironment>(
        in env: inout Env, startingAt observation: [Float], maxSteps: Int? = nil, rng: inout RandomSource,
        policy: Policy
    ) throws -> Trajectory<Env.State> {
        var trajectory = Trajectory(initialObservation: observation, initialState: env.state)
        var current = observation
        let limit = maxSteps ?? Int.max
        while trajectory.count < limit {
            let action = env.actionSpace.clip(try policy(current, &rng))
            let step = try env.step(action)
            trajectory.append(action: action, step: step, state: env.state)
            current = step.observation
            if step.isDone { break }
        }
        return trajectory
    }

    /// Runs `episodes` episodes of `policy` from the environment's reset distribution, episode `i`
    /// seeded by `seed + i` (see the type's description).
    public static func run<Env: ContinuousEnvironment>(
        _ env: Env, episodes: Int, seed: UInt64, maxSteps: Int? = nil, policy: Policy
    ) throws -> [Trajectory<Env.State>] {
        try (0..<episodes).map { i in
            var episodeRNG = RandomSource(seed: RandomSource.derivedSeed(base: seed, index: i))
            var resetRNG = episodeRNG.split()
            var policyRNG = episodeRNG.split()
            var copy = env
            let observation = copy.reset(rng: &resetRNG)
            return try episode(in: &copy, startingAt: observation, maxSteps: maxSteps, rng: &policyRNG, policy: policy)
        }
    }

    /// Runs `episodes` episodes of a scripted expert, with its noise (see `run(_:episodes:seed:maxSteps:policy:)`).
    public static func run<Env: ContinuousEnvironment, E: Expert>(
        _ env: Env, expert: E, episodes: Int, seed: UInt64, maxSteps: Int? = nil
    ) throws -> [Trajectory<Env.State>] {
        try run(env, episodes: episodes, seed: seed, maxSteps: maxSteps) { observation, rng in
            expert.action(for: observation, rng: &rng)
        }
    }
}
