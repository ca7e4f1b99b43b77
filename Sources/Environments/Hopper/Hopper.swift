import Foundation
import Numerics

/// Gymnasium's `Hopper-v4` on the kit's own MuJoCo model (`Hopper.modelXML`): a one-legged planar
/// robot learns to hop forward without falling.
///
/// With the 3-D action a (motor controls for thigh, leg and foot, clipped to [−1, 1]), one step is
/// four MuJoCo steps of 0.002 s (dt = 0.008 s) and
/// - reward = 1 (healthy bonus) + (x' − x)/dt (forward velocity) − 0.001·|a|²;
/// - the episode terminates when the hopper is no longer healthy: height z ≤ 0.7, |torso angle| ≥ 0.2,
///   or some entry of (qpos[2...], qvel) outside (−100, 100); it is truncated after 1000 steps;
///   (also when MuJoCo finds the simulation unstable and resets it, which Gymnasium lets pass: only
///   states far outside the healthy range, such as velocities of 10¹⁰, get there;)
/// - observation = (qpos[1...], clip(qvel, −10, 10)): 11 numbers, the x position left out;
/// - reset: the reference pose (x 0, z 1.25, all angles 0) at rest, plus U[−0.005, 0.005] noise on
///   every coordinate of qpos, then of qvel.
///
/// As in all kit environments, actions are clipped into the action space before anything else,
/// so the control cost is that of the clipped action (Gymnasium charges the unclipped one while
/// MuJoCo clamps it). A copy of a `Hopper` is an independent simulation (copy-on-write).
///
/// Reference returns: a uniform random policy about 18 over about 20 steps; trained agents 3000+.
public struct Hopper: ContinuousEnvironment {
    /// Six generalized coordinates and six velocities.
    static let coordinateCount = 6
    /// MuJoCo steps per environment step (Gymnasium's `frame_skip`).
    public static let frameSkip = 4
    /// The healthy bonus per step.
    public static let healthyReward = 1.0
    /// The weight of the forward velocity in the reward.
    public static let forwardRewardWeight = 1.0
    /// The weight of |a|² in the control cost.
    public static let controlCostWeight = 1e-3
    /// Every entry of (qpos[2...], qvel) must lie strictly inside this range (Gymnasium's `healthy_state_range`).
    public static let healthyStateLimit = 100.0
    /// The torso's height must exceed this (Gymnasium's `healthy_z_range`, (0.7, ∞)).
    public static let minimumHealthyHeight = 0.7
    /// |torso angle| must stay below this (Gymnasium's `healthy_angle_range`, (−0.2, 0.2)).
    public static let healthyAngleLimit = 0.2
    /// Observed velocities are clipped to ±10.
    public static let observedVelocityLimit = 10.0
    /// The half-width of the uniform reset noise (Gymnasium's `reset_noise_scale`).
    public static let resetNoiseScale = 5e-3

    /// "Hopper-v4".
    public let name = "Hopper-v4"
    /// 11 unbounded numbers: qpos[1...] (height, four angles) and the six clipped velocities.
    public let observationSpace = Box(low: -.infinity, high: .infinity, dimension: 11)
    /// The three motor controls, each in [−1, 1].
    public let actionSpace = Box(low: -1, high: 1, dimension: 3)
    /// The time limit (1000 in Gymnasium).
    public var maxEpisodeSteps: Int
    /// Steps taken since the last reset.
    public var elapsedSteps: Int = 0
    /// The MuJoCo simulation (a value: copying the hopper copies it).
    public private(set) var simulation: MuJoCoSimulation

    /// A hopper standing in the reference pose, at rest, with the given time limit.
    public init(maxEpisodeSteps: Int = 1000) {
        self.maxEpisodeSteps = maxEpisodeSteps
        simulation = MuJoCoSimulation(model: Self.model)
    }

    /// The time between two actions: `frameSkip` physics steps (0.008 s).
    public var dt: Double { simulation.model.timestep * Double(Self.frameSkip) }

    /// The current state. Setting it restarts the physics from it (time, controls and the solver's
    /// warm start reset, as Gymnasium's `reset` then `set_state`); `elapsedSteps` is left alone.
    public var state: State {
        // MuJoCo keeps qpos and qvel finite (it resets a simulation whose numbers blow up).
        get { State(unchecked: simulation.qpos, simulation.qvel) }
        set {
            // A `State` is checked when made, so this cannot throw.
            try? simulation.setState(qpos: newValue.qpos, qvel: newValue.qvel)
        }
    }

    /// The observation of the current state.
    public var observation: [Float] { Self.observation(of: state) }

    /// Whether the current state is healthy (the episode goes on).
    public var isHealthy: Bool { Self.isHealthy(state) }

    /// (qpos[1...], clip(qvel, −10, 10)) as 11 `Float`s.
    public static func observation(of state: State) -> [Float] {
        let limit = observedVelocityLimit
        return state.qpos.dropFirst().map { Float($0) } + state.qvel.map { Float(min(max($0, -limit), limit)) }
    }

    /// Gymnasium's `is_healthy`: z > 0.7, −0.2 < angle < 0.2, and every entry of (qpos[2...], qvel)
    /// strictly inside (−100, 100).
    public static func isHealthy(_ state: State) -> Bool {
        let inRange = (state.qpos.dropFirst(2) + state.qvel).allSatisfy { abs($0) < healthyStateLimit }
        return inRange && state.height > minimumHealthyHeight && abs(state.angle) < healthyAngleLimit
    }

    /// The reward for a step that moved the torso from `xBefore` to `xAfter` under the (clipped) action.
    public func reward(xBefore: Double, xAfter: Double, action: [Float]) -> Double {
        let controlCost = Self.controlCostWeight * action.reduce(0) { $0 + Double($1) * Double($1) }
        return Self.healthyReward + Self.forwardRewardWeight * (xAfter - xBefore) / dt - controlCost
    }

    /// The reference pose at rest plus U[−0.005, 0.005] on each of the six qpos, then the six qvel.
    public mutating func reset(rng: inout RandomSource) -> [Float] {
        let scale = Self.resetNoiseScale
        let qpos = simulation.model.referencePositions.map { $0 + rng.uniform(-scale, scale) }
        let qvel = (0..<Self.coordinateCount).map { _ in rng.uniform(-scale, scale) }
        return reset(to: State(unchecked: qpos, qvel))
    }

    /// Applies `action` (clipped into [−1, 1]³) for `frameSkip` physics steps.
    ///
    /// - Throws: `EnvironmentError.wrongActionCount` for an action that is not three numbers,
    ///   `.nanAction` for an action containing NaN.
    public mutating func step(_ action: [Float]) throws -> Step {
        let clipped = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        let xBefore = simulation.qpos[0]
        let instabilities = simulation.instabilityCount
        try simulation.step(controls: clipped.map { Double($0) }, frames: Self.frameSkip)
        let after = state
        let reward = reward(xBefore: xBefore, xAfter: after.x, action: clipped)
        elapsedSteps += 1
        // A simulation that blew up was put back into the reference pose by MuJoCo: not a healthy hopper.
        let blewUp = simulation.instabilityCount > instabilities
        return Step(observation: Self.observation(of: after), reward: reward,
                    terminated: blewUp || !Self.isHealthy(after),
                    truncated: elapsedSteps >= maxEpisodeSteps, info: StepInfo(taskReward: reward))
    }
}
