import Datasets
import Environments
import Numerics

/// The demonstrations a lesson-8 agent is given: successful episodes of a scripted demonstrator,
/// recorded with their environment states (so that episodes can restart from them).
public struct DemonstrationCollection: Sendable {
    /// The successful episodes, in the order they were recorded.
    public var trajectories: [Trajectory<BlockPushing.State>]
    /// Episodes the demonstrator ran to get them (failures were dropped).
    public var attempts: Int

    /// Runs `expert` on `task` (episode i seeded `seed + i`, as `Rollout.run` does) until
    /// `count` episodes succeeded.
    ///
    /// - Throws: ``DemonstrationsRLError`` when `count` < 1 or fewer than `count` of
    ///   `maxAttempts` episodes succeed; whatever the environment throws.
    public init(task: SparsePushingTask, expert: PushingExpert, count: Int, seed: UInt64, maxAttempts: Int? = nil) throws {
        guard count >= 1 else { throw DemonstrationsRLError("DemonstrationCollection: count must be at least 1, got \(count)") }
        let limit = maxAttempts ?? 10 * count
        var kept: [Trajectory<BlockPushing.State>] = []
        var attempts = 0
        while kept.count < count {
            guard attempts < limit else {
                throw DemonstrationsRLError("DemonstrationCollection: only \(kept.count) of \(attempts) demonstrator episodes "
                                            + "succeeded (wanted \(count))")
            }
            let episode = try Rollout.run(task, episodes: 1, seed: RandomSource.derivedSeed(base: seed, index: attempts), policy: SparsePushingTask.policy(of: expert))[0]
            attempts += 1
            if episode.succeeded { kept.append(episode) }
        }
        trajectories = kept
        self.attempts = attempts
    }

    /// Steps in all demonstrations together.
    public var transitionCount: Int { trajectories.reduce(0) { $0 + $1.count } }
    /// The longest demonstration's length in steps.
    public var longest: Int { trajectories.map(\.count).max() ?? 0 }
    /// The mean length in steps.
    public var meanLength: Double { Double(transitionCount) / Double(max(trajectories.count, 1)) }
}
