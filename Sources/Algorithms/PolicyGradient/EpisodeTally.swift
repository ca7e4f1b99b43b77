import Environments

/// The running return, task return, length and success of each of K environments' current
/// episodes, and the record of each episode as it ends: the bookkeeping every collector that runs
/// environments in lockstep shares (``VectorizedCollector``, `PixelCollector`).
struct EpisodeTally: Sendable {
    private var returns: [Double]
    private var taskReturns: [Double]
    private var lengths: [Int]
    private var successes: [Bool]

    /// K = `count` episodes, all at their start.
    init(count: Int) {
        returns = Array(repeating: 0, count: count)
        taskReturns = returns
        lengths = Array(repeating: 0, count: count)
        successes = Array(repeating: false, count: count)
    }

    /// Adds environment `e`'s `step` to its episode; when the step ends the episode, returns the
    /// episode's record and starts the next episode's tally.
    mutating func add(_ step: Step, environment e: Int) -> EpisodeRecord? {
        returns[e] += step.reward
        taskReturns[e] += step.info.taskReward
        lengths[e] += 1
        successes[e] = successes[e] || step.info.succeeded
        guard step.isDone else { return nil }
        let record = EpisodeRecord(environmentReturn: returns[e], taskReturn: taskReturns[e], length: lengths[e],
                                   succeeded: successes[e], terminated: step.terminated)
        restart(e)
        return record
    }

    /// Forgets environment `e`'s unfinished episode.
    mutating func restart(_ e: Int) {
        returns[e] = 0
        taskReturns[e] = 0
        lengths[e] = 0
        successes[e] = false
    }
}
