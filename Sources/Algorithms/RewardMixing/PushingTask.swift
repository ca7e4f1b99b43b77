import Datasets
import Environments

/// The block-pushing task of lesson 7, scaled down so that PPO learns it in seconds, and its
/// imperfect demonstrator.
///
/// Zhu et al. (2018) train for millions of steps on a simulated robot arm seen through a camera;
/// here a 2-D pusher on a table, with a coarser control step (`dt`) so that an episode takes a few
/// dozen decisions instead of a hundred, and a time limit to match. The demonstrator is
/// `PushingExpert.demonstrator` (noisy, half speed, blended with a controller that knocks the block
/// off line) rebuilt for this geometry, so it stays the suboptimal teacher the lesson needs.
///
/// Measured (release, 50 episodes from `Rollout.run` seed 1 000 000): the demonstrator reaches the
/// goal in 82% of the episodes, in 67 steps on average when it does; the same controller without
/// noise at full speed in 100%, in 19 steps.
public struct PushingTask: Sendable, Equatable, Codable {
    /// The control period in seconds (BlockPushing's default is 0.1).
    public var dt: Double = 0.2
    /// The time limit in steps (BlockPushing's default is 150).
    public var maxEpisodeSteps: Int = 100
    /// The goal's radius (BlockPushing's default is 0.12).
    public var goalRadius: Double = 0.2

    /// The lesson's defaults.
    public init() {}

    /// The environment: sparse task reward 1 when the block enters the goal, which ends the episode.
    public var environment: BlockPushing {
        var env = BlockPushing(maxEpisodeSteps: maxEpisodeSteps)
        env.dt = dt
        env.goalRadius = goalRadius
        return env
    }

    /// The noisy, slow demonstrator of lessons 7 and 8, for this task's geometry and time step.
    public var demonstrator: PushingExpert {
        PushingExpert(for: environment, knobs: PushingExpert.demonstrator.knobs, speed: PushingExpert.demonstrator.speed)
    }

    /// The scripted expert as designed (no noise, full speed): the best the task allows.
    public var optimalExpert: PushingExpert { PushingExpert(for: environment) }

    /// `count` demonstrations by the demonstrator, recorded with their states, episode i seeded by `seed + i`.
    public func demonstrations(count: Int, seed: UInt64) throws -> [Trajectory<BlockPushing.State>] {
        try Rollout.run(environment, expert: demonstrator, episodes: count, seed: seed)
    }

    /// Lesson 9's other embodiment: this task's table with a paddle twice the pusher's radius,
    /// steered by a speed and a heading (``PaddlePushing``).
    public var paddleEnvironment: PaddlePushing { PaddlePushing(environment) }

    /// `count` episodes of the demonstrator in the other embodiment, kept as **states only**: the
    /// same noisy, slow, blended controller (``demonstrator``'s knobs and speed) rebuilt for the
    /// paddle's contact distance, its velocity commands sent as the paddle's (speed, heading), and
    /// the recorded actions then dropped (``Trajectory/withoutActions``), because they belong to an
    /// action space the imitator does not have. Episode i is seeded by `seed + i`, as in
    /// ``demonstrations(count:seed:)``.
    public func paddleDemonstrations(count: Int, seed: UInt64) throws -> [Trajectory<BlockPushing.State>] {
        let paddle = paddleEnvironment
        let steering = PushingExpert(for: paddle.table, knobs: demonstrator.knobs, speed: demonstrator.speed)
        let episodes = try Rollout.run(paddle, episodes: count, seed: seed) { observation, rng in
            PaddlePushing.command(forVelocity: steering.action(for: observation, rng: &rng))
        }
        return episodes.map(\.withoutActions)
    }
}
