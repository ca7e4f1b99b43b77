import Datasets
import ExerciseAPI

extension RewardMixing {
    /// Exercise 7.4: how many episodes reach the goal (some `infos[t].succeeded`), and the mean
    /// number of steps up to and including the first success, over the successful episodes only
    /// (NaN when none succeeded).
    ///
    /// Throw `RewardMixingInputError` for an empty list of episodes.
    public func successStatistics<State>(of episodes: [Trajectory<State>]) throws -> SuccessStatistics {
        throw NotImplemented(exercise: "7.4", name: "successStatistics",
                             file: "Exercises/07-imitation-and-task-rewards/SuccessStatistics.swift")
    }
}
