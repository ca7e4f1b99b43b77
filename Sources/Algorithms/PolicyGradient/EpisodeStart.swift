import Environments
import Numerics

/// How a rollout begins each episode: from the environment's own initial distribution, or from a
/// state stored along a demonstration (the simulator can be set to any state; Zhu et al. 2018),
/// or any rule of the caller's (for example a backward curriculum along a demonstration).
public struct EpisodeStart<Env: ContinuousEnvironment> {
    /// Puts `env` at the start of a new episode and returns the first observation. It may throw
    /// (a rule that calls an exercise throws what the exercise throws); the collection stops there.
    public let begin: (inout Env, inout RandomSource) throws -> [Float]

    /// A custom rule. It must leave `env` ready to step (state set, step counter restarted).
    public init(_ begin: @escaping (inout Env, inout RandomSource) throws -> [Float]) {
        self.begin = begin
    }

    /// The environment's own reset distribution.
    public static var environmentReset: EpisodeStart {
        EpisodeStart { env, rng in env.reset(rng: &rng) }
    }

    /// With probability `probability`, a state drawn uniformly from `states` (for instance every
    /// state stored along the demonstrations); otherwise the environment's own reset.
    ///
    /// - Throws: ``PolicyGradientError`` if `states` is empty or `probability` is outside [0, 1].
    public static func demonstrationStates(_ states: [Env.State], probability: Double) throws -> EpisodeStart {
        guard !states.isEmpty else {
            throw PolicyGradientError("EpisodeStart.demonstrationStates: no states (were the demonstrations recorded with their states?)")
        }
        guard (0...1).contains(probability) else {
            throw PolicyGradientError("EpisodeStart.demonstrationStates: probability \(probability) is outside [0, 1]")
        }
        return EpisodeStart { env, rng in
            if rng.bernoulli(probability) {
                return env.reset(to: states[rng.index(below: states.count)])
            }
            return env.reset(rng: &rng)
        }
    }
}
