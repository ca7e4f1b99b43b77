import Datasets
import ExerciseAPI

extension RewardMixing {
    /// Exercise 7.4: successes, and the mean number of steps up to the first success over the
    /// successful episodes (NaN if none).
    public func successStatistics<State>(of episodes: [Trajectory<State>]) throws -> SuccessStatistics {
        guard !episodes.isEmpty else {
            throw RewardMixingInputError("successStatistics: no episodes")
        }
        var successes = 0, totalSteps = 0
        for episode in episodes {
            if let first = episode.infos.firstIndex(where: \.succeeded) {
                successes += 1
                totalSteps += first + 1
            }
        }
        let mean = successes > 0 ? Double(totalSteps) / Double(successes) : .nan
        return SuccessStatistics(episodes: episodes.count, successes: successes, meanStepsToSuccess: mean)
    }
}
