import Foundation
import Numerics

/// Push a disc-shaped block into a goal region with a round pusher, on a square table.
///
/// - Table [−1, 1]²; pusher radius 0.05, block radius 0.1, goal radius 0.12 (success when the
///   block's centre is within it). The goal is fixed at (0.5, 0.5) unless `randomGoal`.
/// - Action: the pusher's velocity in [−1, 1]², times `maxSpeed` (0.5 per second); dt = 0.1 s.
/// - Physics, in `substeps` (10) sub-steps per step so the pusher moves at most 0.005 per sub-step
///   (well below the 0.15 contact distance, so nothing tunnels): the pusher moves kinematically;
///   the block slides with its velocity and slows by Coulomb friction (deceleration
///   `frictionDeceleration`, 3 per s²) until it stops; on contact the block is moved out along the
///   centre line and takes on at least the pusher's velocity along it; the table's edges stop
///   both (a block against an edge stops the pusher). After every sub-step pusher and block do not
///   overlap.
/// - Observation (8 numbers): pusher position (`pusherFeatures` = 0..<2), then the block's
///   features (`blockFeatures` = 2..<8): block position, block velocity, goal − block position.
/// - Reward: sparse task reward 1 on the step the block enters the goal, which also terminates the
///   episode; 0 otherwise (`info.taskReward` is always this). With `shapedReward` the reward adds
///   the potential-based term (Φ(s) − Φ(s′)), Φ = |block − goal| + 0.25·max(|pusher − block| − 0.15, 0).
/// - Truncated after `maxEpisodeSteps` (150).
/// - Reset: block ~ U[−0.6, 0.3]², pusher ~ U[−0.9, 0.9]² at least 0.2 from the block (rejection
///   sampling), block at rest; with `randomGoal` the goal ~ U[0.2, 0.8]² at least 0.6 from the block.
public struct BlockPushing: ContinuousEnvironment {
    /// Positions and the block's velocity.
    public struct State: Codable, Equatable, Sendable {
        /// Pusher centre.
        public var pusher: SIMD2<Double>
        /// Block centre.
        public var block: SIMD2<Double>
        /// Block velocity.
        public var blockVelocity: SIMD2<Double>
        /// Goal centre.
        public var goal: SIMD2<Double>

        /// A state with the given positions (block at rest unless given).
        public init(pusher: SIMD2<Double>, block: SIMD2<Double>, blockVelocity: SIMD2<Double> = .zero,
                    goal: SIMD2<Double> = BlockPushing.defaultGoal) {
            self.pusher = pusher
            self.block = block
            self.blockVelocity = blockVelocity
            self.goal = goal
        }
    }

    /// The fixed goal (0.5, 0.5).
    public static let defaultGoal = SIMD2<Double>(0.5, 0.5)
    /// Observation indices of the pusher's features.
    public static let pusherFeatures = 0..<2
    /// Observation indices of the block's features (position, velocity, goal − position).
    public static let blockFeatures = 2..<8

    /// "BlockPushing".
    public let name = "BlockPushing"
    /// Half the side of the square table.
    public var tableHalfSize = 1.0
    /// Pusher radius.
    public var pusherRadius = 0.05
    /// Block radius.
    public var blockRadius = 0.1
    /// Goal radius.
    public var goalRadius = 0.12
    /// Pusher speed of action 1.
    public var maxSpeed = 0.5
    /// Time step.
    public var dt = 0.1
    /// Sub-steps per step.
    public var substeps = 10
    /// Friction deceleration of the sliding block.
    public var frictionDeceleration = 3.0
    /// Add the potential-based shaping term to the reward.
    public var shapedReward: Bool
    /// Draw a new goal at every reset.
    public var randomGoal: Bool
    /// The time limit.
    public var maxEpisodeSteps: Int
    /// The current state.
    public var state: State
    /// Steps taken since the last reset.
    public var elapsedSteps: Int = 0

    /// A pushing task (sparse reward, fixed goal, 150 steps by default).
    public init(maxEpisodeSteps: Int = 150, shapedReward: Bool = false, randomGoal: Bool = false) {
        self.maxEpisodeSteps = maxEpisodeSteps
        self.shapedReward = shapedReward
        self.randomGoal = randomGoal
        self.state = State(pusher: [-0.5, -0.5], block: [-0.2, -0.2])
    }

    /// Pusher, block position, block velocity, goal − block.
    public var observationSpace: Box {
        let t = Float(tableHalfSize)
        return Box(low: [-t, -t, -t, -t, -5, -5, -2 * t, -2 * t], high: [t, t, t, t, 5, 5, 2 * t, 2 * t])
    }

    /// Pusher velocity in [−1, 1]².
    public var actionSpace: Box { Box(low: -1, high: 1, dimension: 2) }

    /// The observation of the current state.
    public var observation: [Float] {
        let s = state
        return [Float(s.pusher.x), Float(s.pusher.y), Float(s.block.x), Float(s.block.y),
                Float(s.blockVelocity.x), Float(s.blockVelocity.y),
                Float(s.goal.x - s.block.x), Float(s.goal.y - s.block.y)]
    }

    /// Whether the block's centre is inside the goal region.
    public var isBlockInGoal: Bool { norm(state.block - state.goal) < goalRadius }

    /// Draws block, pusher and (with `randomGoal`) goal as described on the type.
    public mutating func reset(rng: inout RandomSource) -> [Float] {
        var goal = Self.defaultGoal
        let block = SIMD2(rng.uniform(-0.6, 0.3), rng.uniform(-0.6, 0.3))
        var pusher: SIMD2<Double>
        repeat {
            pusher = SIMD2(rng.uniform(-0.9, 0.9), rng.uniform(-0.9, 0.9))
        } while norm(pusher - block) < 0.2
        if randomGoal {
            repeat {
                goal = SIMD2(rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8))
            } while norm(goal - block) < 0.6
        }
        return reset(to: State(pusher: pusher, block: block, goal: goal))
    }

    /// The shaping potential Φ (see the type's description).
    public func potential(_ s: State) -> Double {
        norm(s.block - s.goal) + 0.25 * max(norm(s.pusher - s.block) - (pusherRadius + blockRadius), 0)
    }

    /// Moves the pusher with the commanded velocity and lets the block react (see the type).
    public mutating func step(_ action: [Float]) throws -> Step {
        let clipped = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        let before = state
        let velocity = SIMD2(Double(clipped[0]), Double(clipped[1])) * maxSpeed
        let h = dt / Double(max(substeps, 1))
        for _ in 0..<max(substeps, 1) { substep(pusherVelocity: velocity, h: h) }
        elapsedSteps += 1
        let success = isBlockInGoal
        let task = success ? 1.0 : 0.0
        let reward = shapedReward ? task + potential(before) - potential(state) : task
        return Step(observation: observation, reward: reward, terminated: success,
                    truncated: elapsedSteps >= maxEpisodeSteps,
                    info: StepInfo(succeeded: success, taskReward: task))
    }

    mutating func substep(pusherVelocity: SIMD2<Double>, h: Double) {
        let pusherLimit = tableHalfSize - pusherRadius
        let blockLimit = tableHalfSize - blockRadius
        let contact = pusherRadius + blockRadius
        let start = state.pusher
        state.pusher = clamp(state.pusher + pusherVelocity * h, limit: pusherLimit)

        // The block slides and slows down.
        let speed = norm(state.blockVelocity)
        if speed > 0 {
            state.block += state.blockVelocity * h
            let slower = max(speed - frictionDeceleration * h, 0)
            state.blockVelocity *= slower / speed
        }
        let (clamped, hitX, hitY) = clampReporting(state.block, limit: blockLimit)
        state.block = clamped
        if hitX { state.blockVelocity.x = 0 }
        if hitY { state.blockVelocity.y = 0 }

        // Contact: move the block out along the centre line and give it the pusher's normal speed.
        var offset = state.block - state.pusher
        var distance = norm(offset)
        guard distance < contact else { return }
        let normal = distance > 1e-12 ? offset / distance
            : (norm(pusherVelocity) > 0 ? pusherVelocity / norm(pusherVelocity) : SIMD2(1, 0))
        state.block = state.pusher + normal * contact
        let push = (pusherVelocity * normal).sum() - (state.blockVelocity * normal).sum()
        if push > 0 { state.blockVelocity += normal * push }
        let (wallClamped, wallX, wallY) = clampReporting(state.block, limit: blockLimit)
        state.block = wallClamped
        if wallX { state.blockVelocity.x = 0 }
        if wallY { state.blockVelocity.y = 0 }

        // A block held by an edge stops the pusher instead.
        offset = state.block - state.pusher
        distance = norm(offset)
        guard distance < contact else { return }
        let back = distance > 1e-12 ? offset / distance : normal
        let wanted = state.block - back * contact
        state.pusher = clamp(wanted, limit: pusherLimit)
        guard norm(state.block - state.pusher) < contact - 1e-12 else { return }
        // Squeezed between the block and an edge: slide along that edge to the contact point.
        let b = state.block
        if state.pusher.x != wanted.x {
            let dx = state.pusher.x - b.x
            let reach = max(contact * contact - dx * dx, 0).squareRoot()
            state.pusher.y = state.pusher.y <= b.y ? b.y - reach : b.y + reach
        } else {
            let dy = state.pusher.y - b.y
            let reach = max(contact * contact - dy * dy, 0).squareRoot()
            state.pusher.x = state.pusher.x <= b.x ? b.x - reach : b.x + reach
        }
        state.pusher = clamp(state.pusher, limit: pusherLimit)
        if norm(state.block - state.pusher) < contact - 1e-12 { state.pusher = start }
    }

    func clamp(_ p: SIMD2<Double>, limit: Double) -> SIMD2<Double> {
        SIMD2(min(max(p.x, -limit), limit), min(max(p.y, -limit), limit))
    }

    func clampReporting(_ p: SIMD2<Double>, limit: Double) -> (SIMD2<Double>, Bool, Bool) {
        let c = clamp(p, limit: limit)
        return (c, c.x != p.x, c.y != p.y)
    }
}

/// The Euclidean length of a 2-D vector.
@inline(__always)
func norm(_ v: SIMD2<Double>) -> Double { (v * v).sum().squareRoot() }
