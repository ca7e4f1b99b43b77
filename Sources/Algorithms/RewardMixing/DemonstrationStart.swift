import Environments
import ExerciseAPI
import Numerics

/// Episode starts from demonstration states (Zhu et al. 2018, section IV-C), drawn by exercise 7.3.
/// What the exercise throws (a stub's ``NotImplemented``) stops the collection that asked for the start.
final class DemonstrationStart<Env: ContinuousEnvironment, Mixing: RewardMixingExercises>: @unchecked Sendable {
    let states: [[Env.State]]
    let probability: Double
    let mixing: Mixing
    /// Episodes started from a demonstration state, and in all.
    private(set) var demonstrationStarts = 0, starts = 0

    init(states: [[Env.State]], probability: Double, mixing: Mixing) {
        self.states = states
        self.probability = probability
        self.mixing = mixing
    }

    /// The rule for lesson 4's collector.
    var episodeStart: EpisodeStart<Env> {
        EpisodeStart { [self] env, rng in
            // listing: demonstration-start
            starts += 1
            if let state = try mixing.demonstrationResetState(demonstrations: states, probability: probability, rng: &rng) {
                demonstrationStarts += 1
                return env.reset(to: state)
            }
            return env.reset(rng: &rng)
            // end listing
        }
    }
}
