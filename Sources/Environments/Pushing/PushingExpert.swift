import Foundation

/// A scripted pusher for `BlockPushing`: get behind the block on the line from the goal through
/// the block, then push along that line.
///
/// With u the unit vector from block to goal and R = pusher radius + block radius:
/// - Aligned (the pusher is behind the block: its offset from the block has component < −0.7·R
///   along u and less than 0.03 across): push, velocity = `speed`·(u + 3·correction), where the
///   correction pulls the pusher back onto the line.
/// - Otherwise: go to the approach point block − (R + 0.05)·u. If the pusher is not already behind
///   the block, it first goes round it, towards the point (R + 0.08) beside the block on its own
///   side; inside a 0.05 margin around the block the inward component of its velocity is removed,
///   so it slides round instead of knocking the block.
/// - Worse controller (blended in by `knobs.suboptimality`): head straight at the block, which
///   pushes it off the line unless the pusher is already behind it.
///
/// `speed` scales the commanded velocity (1 = full speed). Presets: `.optimal` (the expert as
/// designed) and `.demonstrator` (noise 0.5, suboptimality 0.3, speed 0.5: the imperfect
/// demonstrator of lessons 7 and 8).
///
/// Measured (release, `ExpertPerformanceTests`, 100 episodes of `Rollout.run` seed 0, 150-step
/// limit): `.optimal` succeeds in 100% of episodes in 37.0 steps on average; `.demonstrator` in
/// 85%, taking 109.6 steps on average (counting failures as 150).
public struct PushingExpert: Expert {
    /// Pusher velocity in [−1, 1]².
    public let actionSpace = Box(low: -1, high: 1, dimension: 2)
    /// Noise and suboptimality.
    public var knobs: ExpertKnobs
    /// Speed factor in (0, 1].
    public var speed: Double
    /// Sum of pusher and block radii the expert assumes.
    public var contactDistance: Double
    /// Pusher displacement per unit action per step (maxSpeed·dt), to avoid overshooting waypoints.
    public var stepLength: Double

    /// The expert as designed.
    public static let optimal = PushingExpert()
    /// The noisy, slower, blended demonstrator of lessons 7 and 8.
    public static let demonstrator = PushingExpert(knobs: ExpertKnobs(noise: 0.5, suboptimality: 0.3), speed: 0.5)

    /// An expert for `env`'s geometry with the given knobs and speed factor.
    public init(for env: BlockPushing = BlockPushing(), knobs: ExpertKnobs = .perfect, speed: Double = 1) {
        self.knobs = knobs
        self.speed = speed
        self.contactDistance = env.pusherRadius + env.blockRadius
        self.stepLength = env.maxSpeed * env.dt
    }

    /// The scripted push described on the type.
    public func controllerAction(for observation: [Float]) -> [Float] {
        let pusher = SIMD2(Double(observation[0]), Double(observation[1]))
        let block = SIMD2(Double(observation[2]), Double(observation[3]))
        let toGoal = SIMD2(Double(observation[6]), Double(observation[7]))
        let goalDistance = norm(toGoal)
        guard goalDistance > 1e-9 else { return [0, 0] }
        let u = toGoal / goalDistance
        let across = SIMD2(-u.y, u.x)
        let relative = pusher - block
        let along = (relative * u).sum()
        let side = (relative * across).sum()
        let r = contactDistance

        var velocity: SIMD2<Double>
        if along < -0.7 * r && abs(side) < 0.03 {
            // Push, steering back onto the line through block and goal.
            velocity = u + 3 * (-side / r) * across
            velocity /= max(norm(velocity), 1e-9)
        } else {
            let approach = block - (r + 0.05) * u
            var target = approach
            if along > -0.5 * r {
                let sign = side >= 0 ? 1.0 : -1.0
                target = block + sign * (r + 0.08) * across - 0.8 * r * u
            }
            let toTarget = target - pusher
            let distance = norm(toTarget)
            velocity = distance > 1e-9 ? toTarget / distance * min(1, distance / stepLength) : .zero
            // Slide round the block instead of hitting it.
            let gap = norm(relative)
            if gap < r + 0.05 && gap > 1e-9 {
                let outward = relative / gap
                let inward = -(velocity * outward).sum()
                if inward > 0 { velocity += inward * outward }
            }
        }
        velocity *= speed
        return [Float(velocity.x), Float(velocity.y)]
    }

    /// Straight at the block.
    public func worseControllerAction(for observation: [Float]) -> [Float] {
        let toBlock = SIMD2(Double(observation[2] - observation[0]), Double(observation[3] - observation[1]))
        let distance = norm(toBlock)
        guard distance > 1e-9 else { return [0, 0] }
        let v = toBlock / distance * speed
        return [Float(v.x), Float(v.y)]
    }
}
