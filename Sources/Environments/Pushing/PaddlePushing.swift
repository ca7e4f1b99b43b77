import Foundation
import Numerics

/// Another embodiment for the same block: a round paddle twice the pusher's radius, driven by a
/// speed and a heading instead of a velocity (lesson 9's demonstrator "whose action space differs
/// from the imitator's").
///
/// The table, the block, the goal, the physics and the reward are those of the wrapped
/// ``BlockPushing``; only the body that pushes and its actuator differ:
/// - Body: a disc of radius `paddleRadius` (0.1 by default; the pusher's is 0.05), so in contact
///   its centre is 0.2 from the block's instead of 0.15.
/// - Action (speed, heading) ∈ [0, 1] × [−1, 1]: the paddle moves with velocity
///   speed · maxSpeed · (cos πh, sin πh). ``command(forVelocity:)`` turns a velocity command of the
///   pusher's action space into this one.
/// - Observation and state: ``BlockPushing``'s, with the paddle's centre where the pusher's was;
///   the block's features (`BlockPushing.blockFeatures`) mean the same for both bodies.
public struct PaddlePushing: ContinuousEnvironment {
    /// The table with the paddle in place of the pusher (its `pusherRadius` is the paddle's).
    public var table: BlockPushing

    /// `table`'s task with a paddle of radius `paddleRadius` in place of its pusher.
    public init(_ table: BlockPushing, paddleRadius: Double = 0.1) {
        var table = table
        table.pusherRadius = paddleRadius
        self.table = table
    }

    public var name: String { "PaddlePushing" }
    /// ``BlockPushing``'s observation: paddle position, then the block's features.
    public var observationSpace: Box { table.observationSpace }
    /// (speed, heading) ∈ [0, 1] × [−1, 1].
    public var actionSpace: Box { Box(low: [0, -1], high: [1, 1]) }
    public var maxEpisodeSteps: Int { table.maxEpisodeSteps }
    public var state: BlockPushing.State {
        get { table.state }
        set { table.state = newValue }
    }
    public var elapsedSteps: Int {
        get { table.elapsedSteps }
        set { table.elapsedSteps = newValue }
    }
    public var observation: [Float] { table.observation }

    /// ``BlockPushing``'s reset (the paddle where the pusher would start).
    public mutating func reset(rng: inout RandomSource) -> [Float] { table.reset(rng: &rng) }

    /// Moves the paddle at the commanded speed and heading; the block reacts as in ``BlockPushing``.
    ///
    /// - Throws: ``EnvironmentError`` for an action of the wrong size or with a non-finite entry.
    public mutating func step(_ action: [Float]) throws -> Step {
        let clipped = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        let angle = Double.pi * Double(clipped[1])
        let speed = Double(clipped[0])
        return try table.step([Float(speed * cos(angle)), Float(speed * sin(angle))])
    }

    /// The paddle's command for the pusher's velocity command `velocity` ∈ [−1, 1]²: the same
    /// velocity, written as a speed (capped at 1) and a heading.
    public static func command(forVelocity velocity: [Float]) -> [Float] {
        let x = Double(velocity[0]), y = Double(velocity[1])
        let speed = min((x * x + y * y).squareRoot(), 1)
        return [Float(speed), speed > 0 ? Float(atan2(y, x) / Double.pi) : 0]
    }
}
