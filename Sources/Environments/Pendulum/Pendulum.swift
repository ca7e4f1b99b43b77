import Foundation
import Numerics

/// Gymnasium's `Pendulum-v1`, step for step: swing a pendulum up and keep it upright.
///
/// θ = 0 is upright, the angle is kept unwrapped in the state. With g = 10, m = 1, l = 1,
/// dt = 0.05, a torque u clipped to [−2, 2]:
/// - cost = normalize(θ)² + 0.1·θ̇² + 0.001·u² (on the state before the step), reward = −cost;
/// - θ̇' = clip(θ̇ + (3g/(2l)·sin θ + 3/(m l²)·u)·dt, −8, 8), then θ' = θ + θ̇'·dt;
/// - observation [cos θ, sin θ, θ̇]; reset θ ~ U[−π, π], θ̇ ~ U[−1, 1];
/// - never terminated, truncated after 200 steps (Gymnasium's `TimeLimit`).
///
/// Returns lie between about −16.3·200 and 0; published agents reach about −150 on average.
public struct Pendulum: ContinuousEnvironment {
    /// The pendulum's angle and angular velocity.
    public struct State: Codable, Equatable, Sendable {
        /// Angle from upright in radians, unwrapped (any real number).
        public var angle: Double
        /// Angular velocity in radians per second.
        public var angularVelocity: Double

        /// A state with the given angle and angular velocity.
        public init(angle: Double, angularVelocity: Double) {
            self.angle = angle
            self.angularVelocity = angularVelocity
        }
    }

    /// Largest angular velocity, rad/s (Gymnasium `max_speed`).
    public static let maxSpeed = 8.0
    /// Largest torque (Gymnasium `max_torque`).
    public static let maxTorque = 2.0
    /// Time step in seconds.
    public static let dt = 0.05
    /// Gravity.
    public static let gravity = 10.0
    /// Mass.
    public static let mass = 1.0
    /// Length.
    public static let length = 1.0

    /// "Pendulum-v1".
    public let name = "Pendulum-v1"
    /// [cos θ, sin θ, θ̇] in [−1, 1] × [−1, 1] × [−8, 8].
    public let observationSpace = Box(low: [-1, -1, -Float(maxSpeed)], high: [1, 1, Float(maxSpeed)])
    /// The torque, in [−2, 2].
    public let actionSpace = Box(low: [-Float(maxTorque)], high: [Float(maxTorque)])
    /// The time limit (200 in Gymnasium).
    public var maxEpisodeSteps: Int
    /// The current state.
    public var state: State
    /// Steps taken since the last reset.
    public var elapsedSteps: Int = 0

    /// A pendulum hanging at rest, with the given time limit (Gymnasium's is 200).
    public init(maxEpisodeSteps: Int = 200) {
        self.maxEpisodeSteps = maxEpisodeSteps
        self.state = State(angle: .pi, angularVelocity: 0)
    }

    /// `angle` wrapped into [−π, π), as Gymnasium's `angle_normalize`.
    public static func normalizedAngle(_ angle: Double) -> Double {
        let twoPi = 2 * Double.pi
        let shifted = (angle + .pi).truncatingRemainder(dividingBy: twoPi)
        return (shifted < 0 ? shifted + twoPi : shifted) - .pi
    }

    /// The cost of applying the (already clipped) torque `torque` in `state`.
    public static func cost(_ state: State, torque: Double) -> Double {
        let a = normalizedAngle(state.angle)
        return a * a + 0.1 * state.angularVelocity * state.angularVelocity + 0.001 * torque * torque
    }

    /// The state one step after `state` under the (already clipped) torque `torque`.
    public static func nextState(_ state: State, torque: Double) -> State {
        let acceleration = 3 * gravity / (2 * length) * sin(state.angle) + 3 / (mass * length * length) * torque
        var velocity = state.angularVelocity + acceleration * dt
        velocity = min(max(velocity, -maxSpeed), maxSpeed)
        return State(angle: state.angle + velocity * dt, angularVelocity: velocity)
    }

    /// [cos θ, sin θ, θ̇] of the current state.
    public var observation: [Float] {
        [Float(cos(state.angle)), Float(sin(state.angle)), Float(state.angularVelocity)]
    }

    /// θ ~ U[−π, π], θ̇ ~ U[−1, 1], as Gymnasium draws them.
    public mutating func reset(rng: inout RandomSource) -> [Float] {
        let angle = rng.uniform(-Double.pi, Double.pi)
        let velocity = rng.uniform(-1.0, 1.0)
        return reset(to: State(angle: angle, angularVelocity: velocity))
    }

    /// One step of the dynamics above; the action is the torque (clipped to [−2, 2]).
    public mutating func step(_ action: [Float]) throws -> Step {
        let clipped = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        let torque = Double(clipped[0])
        let cost = Self.cost(state, torque: torque)
        state = Self.nextState(state, torque: torque)
        elapsedSteps += 1
        return Step(observation: observation, reward: -cost, terminated: false,
                    truncated: elapsedSteps >= maxEpisodeSteps, info: StepInfo(taskReward: -cost))
    }
}
