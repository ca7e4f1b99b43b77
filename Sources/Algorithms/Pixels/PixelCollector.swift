import Environments
import Numerics

/// Runs K pixel environments in lockstep with one ``ConvolutionalGaussianPolicy`` (one batched CNN
/// forward pass per step), keeping episodes going from one batch to the next — lesson 4's
/// ``VectorizedCollector`` for images, recording the states beside them (``PixelRollout``).
public struct PixelCollector {
    /// The K environments, each mid-episode.
    public private(set) var environments: [PixelPushingEnvironment]
    private var tally: EpisodeTally

    /// K = `environments.count` environments, each already in an episode (their current one continues).
    ///
    /// - Throws: ``PolicyGradientError`` for no environment or environments of different image shapes.
    public init(environments: [PixelPushingEnvironment]) throws {
        guard let first = environments.first else { throw PolicyGradientError("PixelCollector: needs at least one environment") }
        guard environments.allSatisfy({ $0.imageShape == first.imageShape }) else {
            throw PolicyGradientError("PixelCollector: the environments render images of different shapes")
        }
        self.environments = environments
        tally = EpisodeTally(count: environments.count)
    }

    /// The number of environments K.
    public var count: Int { environments.count }

    /// Collects `stepsPerEnvironment` steps in each environment with actions sampled from `policy`:
    /// K × stepsPerEnvironment transitions, stored environment by environment.
    ///
    /// - Throws: what the environments throw, or ``PolicyGradientError`` for a policy whose sizes do
    ///   not match the environments.
    public mutating func collect(policy: ConvolutionalGaussianPolicy, stepsPerEnvironment steps: Int,
                                 rng: inout RandomSource) throws -> PixelRollout {
        let k = count, shape = environments[0].imageShape
        let stateSize = environments[0].state.count, actSize = environments[0].actionSpace.low.count
        guard policy.imageShape == shape, policy.actionSize == actSize else {
            throw PolicyGradientError("PixelCollector.collect: the policy maps \(policy.imageShape) images to \(policy.actionSize) "
                                      + "numbers, the environments render \(shape) and take \(actSize)")
        }
        guard steps >= 1 else { throw PolicyGradientError("PixelCollector.collect: stepsPerEnvironment is \(steps)") }
        let n = k * steps, pixels = shape.count
        var images = [Float](repeating: 0, count: n * pixels), nextImages = images, positions = [Float](repeating: 0, count: n * 2), pushers = positions
        var states = [Float](repeating: 0, count: n * stateSize), nextStates = states
        var sampled = [Float](repeating: 0, count: n * actSize), executed = sampled
        var rewards = [Float](repeating: 0, count: n), taskRewards = rewards, logProbabilities = rewards
        var terminated = [Bool](repeating: false, count: n), ends = terminated
        var completed: [EpisodeRecord] = []

        for t in 0..<steps {
            let batch = Matrix(rows: k, cols: pixels, values: environments.flatMap(\.image))
            let (actions, logps) = policy.sample(images: batch, rng: &rng)
            for e in 0..<k {
                let row = e * steps + t
                let action = actions.row(e), clipped = environments[e].actionSpace.clip(action)
                images.replaceSubrange(row * pixels..<(row + 1) * pixels, with: environments[e].image)
                positions.replaceSubrange(row * 2..<row * 2 + 2, with: environments[e].blockPosition)
                pushers.replaceSubrange(row * 2..<row * 2 + 2, with: environments[e].pusherPosition)
                states.replaceSubrange(row * stateSize..<(row + 1) * stateSize, with: environments[e].state)
                let step = try environments[e].step(clipped, rng: &rng)
                nextStates.replaceSubrange(row * stateSize..<(row + 1) * stateSize, with: step.observation)
                nextImages.replaceSubrange(row * pixels..<(row + 1) * pixels, with: environments[e].image)
                sampled.replaceSubrange(row * actSize..<(row + 1) * actSize, with: action)
                executed.replaceSubrange(row * actSize..<(row + 1) * actSize, with: clipped)
                rewards[row] = Float(step.reward)
                taskRewards[row] = Float(step.info.taskReward)
                terminated[row] = step.terminated
                logProbabilities[row] = logps[e]
                if let record = tally.add(step, environment: e) {
                    ends[row] = true
                    completed.append(record)
                    try environments[e].reset(rng: &rng)
                }
                if t == steps - 1 { ends[row] = true }   // the batch cuts the episode here
            }
        }
        let batch = try RolloutBatch(
            observations: Matrix(rows: n, cols: stateSize, values: states),
            actions: Matrix(rows: n, cols: actSize, values: sampled),
            executedActions: Matrix(rows: n, cols: actSize, values: executed),
            nextObservations: Matrix(rows: n, cols: stateSize, values: nextStates),
            environmentRewards: rewards, taskRewards: taskRewards, terminated: terminated, episodeEnds: ends,
            logProbabilities: logProbabilities, completedEpisodes: completed)
        return try PixelRollout(states: batch, images: Matrix(rows: n, cols: pixels, values: images),
                                nextImages: Matrix(rows: n, cols: pixels, values: nextImages),
                                blockPositions: Matrix(rows: n, cols: 2, values: positions),
                                pusherPositions: Matrix(rows: n, cols: 2, values: pushers))
    }
}
