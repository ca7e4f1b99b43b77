import Environments
import Numerics

/// Runs K copies of an environment in lockstep with one policy, so each policy evaluation is one
/// batched forward pass over K observations, and keeps the episodes going from one batch to the
/// next (an episode cut by the end of a batch continues in the following one).
public struct VectorizedCollector<Env: ContinuousEnvironment> {
    /// The K environments, each mid-episode.
    public private(set) var environments: [Env]
    /// How each new episode begins.
    public var episodeStart: EpisodeStart<Env>
    /// The current observation of each environment.
    public private(set) var observations: [[Float]]
    private var tally: EpisodeTally

    /// K = `count` copies of `environment`, each starting an episode with `episodeStart`.
    public init(environment: Env, count: Int, episodeStart: EpisodeStart<Env> = .environmentReset,
                rng: inout RandomSource) throws {
        guard count >= 1 else { throw PolicyGradientError("VectorizedCollector: needs at least one environment, got \(count)") }
        var environments = Array(repeating: environment, count: count)
        var observations: [[Float]] = []
        for k in 0..<count { observations.append(try episodeStart.begin(&environments[k], &rng)) }
        self.environments = environments
        self.episodeStart = episodeStart
        self.observations = observations
        tally = EpisodeTally(count: count)
    }

    /// The number of environments K.
    public var count: Int { environments.count }

    /// Restarts every environment's episode with the current `episodeStart` (for instance after
    /// changing it), discarding the unfinished episodes.
    ///
    /// - Throws: what `episodeStart` throws.
    public mutating func restartEpisodes(rng: inout RandomSource) throws {
        for k in environments.indices {
            observations[k] = try episodeStart.begin(&environments[k], &rng)
            tally.restart(k)
        }
    }

    /// Collects `stepsPerEnvironment` steps in each environment with actions sampled from
    /// `policy`: K × stepsPerEnvironment transitions, stored environment by environment.
    ///
    /// - Throws: what the environment throws (a NaN action names the step), or
    ///   ``PolicyGradientError`` for a policy whose sizes do not match the environment.
    public mutating func collect(policy: GaussianPolicy, stepsPerEnvironment: Int,
                                 rng: inout RandomSource) throws -> RolloutBatch {
        let k = count
        let steps = stepsPerEnvironment
        let env0 = environments[0]
        let obsSize = env0.observationSize, actSize = env0.actionSize
        guard policy.observationSize == obsSize, policy.actionSize == actSize else {
            throw PolicyGradientError("VectorizedCollector.collect: the policy maps \(policy.observationSize) → \(policy.actionSize) "
                                      + "numbers, \(env0.name) has \(obsSize) observation and \(actSize) action coordinates")
        }
        guard steps >= 1 else { throw PolicyGradientError("VectorizedCollector.collect: stepsPerEnvironment is \(steps)") }

        // Per environment, steps in order (filled step-major, read environment-major).
        let n = k * steps
        var obs = [Float](repeating: 0, count: n * obsSize)
        var nextObs = [Float](repeating: 0, count: n * obsSize)
        var sampled = [Float](repeating: 0, count: n * actSize)
        var executed = [Float](repeating: 0, count: n * actSize)
        var rewards = [Float](repeating: 0, count: n)
        var taskRewards = [Float](repeating: 0, count: n)
        var terminated = [Bool](repeating: false, count: n)
        var ends = [Bool](repeating: false, count: n)
        var logProbabilities = [Float](repeating: 0, count: n)
        var completed: [EpisodeRecord] = []

        for t in 0..<steps {
            let batch = Matrix(rows: k, cols: obsSize, values: observations.flatMap { $0 })
            let (actions, logps) = policy.sample(observations: batch, rng: &rng)
            for e in 0..<k {
                let row = e * steps + t
                let action = actions.row(e)
                let clipped = environments[e].actionSpace.clip(action)
                let step = try environments[e].step(clipped)
                for j in 0..<obsSize {
                    obs[row * obsSize + j] = observations[e][j]
                    nextObs[row * obsSize + j] = step.observation[j]
                }
                for j in 0..<actSize {
                    sampled[row * actSize + j] = action[j]
                    executed[row * actSize + j] = clipped[j]
                }
                rewards[row] = Float(step.reward)
                taskRewards[row] = Float(step.info.taskReward)
                terminated[row] = step.terminated
                logProbabilities[row] = logps[e]
                if let record = tally.add(step, environment: e) {
                    ends[row] = true
                    completed.append(record)
                    observations[e] = try episodeStart.begin(&environments[e], &rng)
                } else {
                    observations[e] = step.observation
                }
                if t == steps - 1 { ends[row] = true }   // the batch cuts the episode here
            }
        }
        return try RolloutBatch(
            observations: Matrix(rows: n, cols: obsSize, values: obs),
            actions: Matrix(rows: n, cols: actSize, values: sampled),
            executedActions: Matrix(rows: n, cols: actSize, values: executed),
            nextObservations: Matrix(rows: n, cols: obsSize, values: nextObs),
            environmentRewards: rewards, taskRewards: taskRewards, terminated: terminated, episodeEnds: ends,
            logProbabilities: logProbabilities, completedEpisodes: completed)
    }
}
