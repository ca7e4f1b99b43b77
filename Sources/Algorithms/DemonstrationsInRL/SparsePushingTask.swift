import Datasets
import Environments
import Foundation
import Numerics

/// The sparse-reward pushing task of lesson 8: `BlockPushing` with a narrow start distribution,
/// so that the task's length (how far the block must travel, how far the pusher must go round
/// it first) is a knob and a handful of demonstrations covers where episodes begin, and with an
/// observation relative to the block (see ``observation``) that the scripted experts' own
/// observation converts to and from.
///
/// At reset the block is placed `goalDistance` from the goal, along the direction `blockBearing`
/// (radians, measured from the goal), and the pusher `pusherDistance` from the block along
/// `pusherBearing` (measured from the block); both are then jittered uniformly by ±`jitter` in
/// each coordinate. The reward is the environment's sparse task reward (1 on the step the block
/// enters the goal region, which ends the episode), so an episode's return is 1 exactly when it
/// succeeds.
public struct SparsePushingTask: ContinuousEnvironment {
    /// The geometry and the time limit.
    public struct Layout: Sendable, Codable, Equatable {
        /// Distance from the goal's centre to the block's centre at reset.
        public var goalDistance: Double
        /// Direction of the block as seen from the goal (radians; −3π/4 puts it down-left).
        public var blockBearing: Double
        /// Distance from the block's centre to the pusher's centre at reset.
        public var pusherDistance: Double
        /// Direction of the pusher as seen from the block (radians).
        public var pusherBearing: Double
        /// Uniform jitter ±`jitter` added to every start coordinate.
        public var jitter: Double
        /// Radius of the goal region (success when the block's centre is inside it).
        public var goalRadius: Double
        /// The time limit in steps.
        public var maxEpisodeSteps: Int

        /// A layout. The defaults are the lesson's task: the block 0.7 down-left of the goal, the
        /// pusher 0.35 from the block, 23° off the line behind it (so it must line up before it
        /// pushes), ±0.05 jitter, an 80-step limit. The noisy demonstrator needs about 50 steps,
        /// the scripted optimum about 17, and uniformly random actions never succeed.
        public init(goalDistance: Double = 0.7, blockBearing: Double = -3 * Double.pi / 4, pusherDistance: Double = 0.35,
                    pusherBearing: Double = -3 * Double.pi / 4 + 0.4, jitter: Double = 0.05, goalRadius: Double = 0.12,
                    maxEpisodeSteps: Int = 80) {
            self.goalRadius = goalRadius
            self.goalDistance = goalDistance
            self.blockBearing = blockBearing
            self.pusherDistance = pusherDistance
            self.pusherBearing = pusherBearing
            self.jitter = jitter
            self.maxEpisodeSteps = maxEpisodeSteps
        }
    }

    /// The underlying physics (sparse reward, fixed goal).
    public var world: BlockPushing
    /// Where episodes start and how long they last.
    public let layout: Layout

    /// The task with the given layout.
    ///
    /// - Throws: ``DemonstrationsRLError`` when the layout puts the block or the pusher off the
    ///   table, the pusher on the block, the block inside the goal, or the time limit is below 1.
    public init(layout: Layout = Layout()) throws {
        world = BlockPushing(maxEpisodeSteps: layout.maxEpisodeSteps)
        world.goalRadius = layout.goalRadius
        self.layout = layout
        guard layout.maxEpisodeSteps >= 1 else {
            throw DemonstrationsRLError("SparsePushingTask: maxEpisodeSteps must be at least 1, got \(layout.maxEpisodeSteps)")
        }
        guard layout.goalDistance > layout.goalRadius, layout.goalRadius > 0, layout.pusherDistance > world.pusherRadius + world.blockRadius + layout.jitter * 2,
              layout.jitter >= 0 else {
            throw DemonstrationsRLError("SparsePushingTask: need 0 < goalRadius < goalDistance, jitter ≥ 0 and the pusher clear of the block "
                + "(pusherDistance > \(world.pusherRadius + world.blockRadius) + 2·jitter), got \(layout)")
        }
        let block = blockCentre, pusher = pusherCentre
        let limit = world.tableHalfSize - world.blockRadius - layout.jitter
        let pusherLimit = world.tableHalfSize - world.pusherRadius - layout.jitter
        guard abs(block.x) <= limit, abs(block.y) <= limit, abs(pusher.x) <= pusherLimit, abs(pusher.y) <= pusherLimit else {
            throw DemonstrationsRLError("SparsePushingTask: the start positions leave the table (block \(block), pusher \(pusher))")
        }
    }

    /// The block's start before jitter.
    public var blockCentre: SIMD2<Double> {
        BlockPushing.defaultGoal + layout.goalDistance * SIMD2(cos(layout.blockBearing), sin(layout.blockBearing))
    }

    /// The pusher's start before jitter.
    public var pusherCentre: SIMD2<Double> {
        blockCentre + layout.pusherDistance * SIMD2(cos(layout.pusherBearing), sin(layout.pusherBearing))
    }

    /// "SparsePushingTask".
    public var name: String { "SparsePushingTask" }
    /// Pusher − block, goal − block, block velocity, block position.
    public var observationSpace: Box {
        let t = Float(world.tableHalfSize)
        return Box(low: [-2 * t, -2 * t, -2 * t, -2 * t, -5, -5, -t, -t], high: [2 * t, 2 * t, 2 * t, 2 * t, 5, 5, t, t])
    }
    /// As `BlockPushing`.
    public var actionSpace: Box { world.actionSpace }
    /// The layout's time limit.
    public var maxEpisodeSteps: Int { world.maxEpisodeSteps }
    /// The physical state.
    public var state: BlockPushing.State {
        get { world.state }
        set { world.state = newValue }
    }
    /// Steps since the last reset.
    public var elapsedSteps: Int {
        get { world.elapsedSteps }
        set { world.elapsedSteps = newValue }
    }
    /// The agent's observation: where the pusher and the goal are relative to the block, the
    /// block's velocity and its position on the table.
    public var observation: [Float] { Self.agentObservation(fromWorld: world.observation) }

    /// The agent's observation from `BlockPushing`'s (pusher, block, block velocity, goal − block).
    public static func agentObservation(fromWorld o: [Float]) -> [Float] {
        [o[0] - o[2], o[1] - o[3], o[6], o[7], o[4], o[5], o[2], o[3]]
    }

    /// `BlockPushing`'s observation (what the scripted experts read) from the agent's.
    public static func worldObservation(fromAgent o: [Float]) -> [Float] {
        [o[0] + o[6], o[1] + o[7], o[6], o[7], o[4], o[5], o[2], o[3]]
    }

    /// A scripted pusher as a policy of this task (it reads the world's observation).
    public static func policy(of expert: PushingExpert) -> Rollout.Policy {
        { observation, rng in expert.action(for: worldObservation(fromAgent: observation), rng: &rng) }
    }

    /// Block and pusher at their jittered start positions, the block at rest.
    public mutating func reset(rng: inout RandomSource) -> [Float] {
        let j = layout.jitter
        let block = blockCentre + SIMD2(rng.uniform(-j, j), rng.uniform(-j, j))
        let pusher = pusherCentre + SIMD2(rng.uniform(-j, j), rng.uniform(-j, j))
        return reset(to: BlockPushing.State(pusher: pusher, block: block))
    }

    /// One step of the physics with the sparse task reward.
    public mutating func step(_ action: [Float]) throws -> Step {
        var step = try world.step(action)
        step.observation = observation
        return step
    }
}
