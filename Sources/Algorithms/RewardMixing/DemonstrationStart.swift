import Environments
import ExerciseAPI
import Numerics

/// Episode starts from demonstration states (Zhu et al. 2018, section IV-C), drawn by exercise 7.3.
///
/// Lesson 4's ``EpisodeStart`` cannot throw, while the plugged-in exercise can (a stub throws
/// ``NotImplemented``). The start therefore falls back to the environment's reset on an error and
/// keeps the error in ``DemonstrationStart/failure``; the agent re-throws it after the collection.
final class DemonstrationStart<Env: ContinuousEnvironment, Mixing: RewardMixingExercises>: @unchecked Sendable {
    let states: [[Env.State]]
    let probability: Double
    let mixing: Mixing
    /// The first error the exercise threw, if any.
    private(set) var failure: (any Error)?
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
            do {
                if let state = try mixing.demonstrationResetState(demonstrations: states, probability: probability, rng: &rng) {
                    demonstrationStarts += 1
                    return env.reset(to: state)
                }
            } catch {
                if failure == nil { failure = error }
            }
            return env.reset(rng: &rng)
            // end listing
        }
    }

    /// Throws the exercise's first error, if it threw one.
    func rethrow() throws {
        if let failure { throw failure }
    }
}
