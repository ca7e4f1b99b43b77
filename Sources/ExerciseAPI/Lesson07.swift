import Datasets
import Numerics

/// The exercises of lesson 7 (mixing imitation and task rewards): the formulas a student writes.
///
/// `Solutions.RewardMixing` is the reference; `Exercises.RewardMixing` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: the mixed-reward
/// agent in `Algorithms/RewardMixing` rewards its policy with
/// ``mixedReward(imitationWeight:imitation:task:)``, shows its discriminator only
/// ``maskedDiscriminatorInput(observations:actions:keptObservationIndices:includesActions:)``,
/// starts episodes with ``demonstrationResetState(demonstrations:probability:rng:)``, and the
/// lesson measures every agent and the expert with ``successStatistics(of:)``.
///
/// The imitation reward itself, r_GAIL = −log(1 − D(s, a)), and the discriminator's loss are
/// lesson 4's exercises (4.1, 4.2); this lesson reuses them.
public protocol RewardMixingExercises: Sendable {
    /// Exercise 7.1: the reward of Zhu et al. (2018), a convex mix of imitation and task reward,
    ///
    ///     r_t = λ·r_GAIL,t + (1 − λ)·r_task,t,   λ ∈ [0, 1],
    ///
    /// for every transition t. λ = 1 is pure imitation (GAIL), λ = 0 pure reinforcement learning on
    /// the task reward. At the two ends the other reward must not leak in at all, even if it is huge.
    ///
    /// - Parameters:
    ///   - imitationWeight: λ, in [0, 1].
    ///   - imitation: r_GAIL for each transition.
    ///   - task: r_task for each transition, as many as `imitation`.
    /// - Returns: the mixed reward of each transition, in order (empty for empty inputs).
    /// - Throws: ``RewardMixingInputError`` when λ is outside [0, 1] (or NaN) or the arrays differ
    ///   in length.
    func mixedReward(imitationWeight: Float, imitation: [Float], task: [Float]) throws -> [Float]

    /// Exercise 7.2: the discriminator's view of a batch of pairs: only the observation columns
    /// `keptObservationIndices` (in that order), followed by the action's columns if
    /// `includesActions`.
    ///
    /// Zhu et al. (2018) hide the robot arm from the discriminator: it sees only the object, so it
    /// judges what happens to the scene, not how the arm moves. In block pushing that is
    /// `BlockPushing.blockFeatures` without the actions; the whole GAIL pair is every observation
    /// index with the actions.
    ///
    /// - Parameters:
    ///   - observations: one observation per row, B×n.
    ///   - actions: one action per row, B×m.
    ///   - keptObservationIndices: the observation columns to keep, each in 0..<n (an index may
    ///     repeat; the order is kept).
    ///   - includesActions: whether to append the m action columns.
    /// - Returns: a B×(k + m) matrix (k kept indices, m = 0 without actions). B = 0 gives 0 rows.
    /// - Throws: ``RewardMixingInputError`` when the row counts differ, an index is out of range,
    ///   or the view would have no columns at all.
    func maskedDiscriminatorInput(observations: Matrix, actions: Matrix, keptObservationIndices: [Int],
                                  includesActions: Bool) throws -> Matrix

    /// Exercise 7.3: where a new training episode starts. With probability `probability`, a state
    /// drawn uniformly from all the given demonstration states pooled together (every state equally
    /// likely, so a longer demonstration is chosen more often); otherwise `nil`, meaning "use the
    /// environment's own reset".
    ///
    /// The simulator can be put in any state, so the agent can practise from the middle and the
    /// end of the demonstrations, where the sparse task reward is within reach.
    ///
    /// - Parameters:
    ///   - demonstrations: for each demonstration, the states to start from (some lists may be empty).
    ///   - probability: the chance of a demonstration start, in [0, 1].
    ///   - rng: the random source for both draws.
    /// - Returns: a demonstration state, or `nil` for the environment's reset.
    /// - Throws: ``RewardMixingInputError`` when the probability is outside [0, 1] (or NaN), or
    ///   when it is positive but there is no state at all.
    func demonstrationResetState<State>(demonstrations: [[State]], probability: Double,
                                        rng: inout RandomSource) throws -> State?

    /// Exercise 7.4: how often and how fast a set of episodes reaches the task's goal.
    ///
    /// An episode succeeds if some step's `info.succeeded` is true; its steps to success are the
    /// number of steps up to and including the first such step (success on the very first step
    /// is 1). The mean steps to success averages over the successful episodes only, and is NaN
    /// when none succeeded.
    ///
    /// - Parameter episodes: the episodes (at least one).
    /// - Returns: the episode count, the number of successes and the mean steps to success.
    /// - Throws: ``RewardMixingInputError`` for no episodes.
    func successStatistics<State>(of episodes: [Trajectory<State>]) throws -> SuccessStatistics
}

/// How often and how fast a set of episodes reached the goal (exercise 7.4).
public struct SuccessStatistics: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The number of episodes.
    public var episodes: Int
    /// The number of episodes that reached the goal.
    public var successes: Int
    /// The mean number of steps to the first success, over the successful episodes (NaN if none).
    public var meanStepsToSuccess: Double

    /// Statistics with the given numbers.
    public init(episodes: Int, successes: Int, meanStepsToSuccess: Double) {
        self.episodes = episodes
        self.successes = successes
        self.meanStepsToSuccess = meanStepsToSuccess
    }

    /// successes / episodes (0 for no episodes).
    public var successRate: Double { episodes > 0 ? Double(successes) / Double(episodes) : 0 }

    /// e.g. "85% of 20 episodes succeed, in 96.4 steps on average".
    public var description: String {
        let steps = meanStepsToSuccess.isNaN ? "–" : String(format: "%.1f", meanStepsToSuccess)
        return String(format: "%.0f%% of %d episodes succeed, in %@ steps on average", 100 * successRate, episodes, steps)
    }
}

/// Bad input to one of lesson 7's formulas (λ outside [0, 1], arrays of different lengths, an index
/// out of range), with a message that names the function and the problem.
public struct RewardMixingInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
