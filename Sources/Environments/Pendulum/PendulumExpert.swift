import Foundation
import Numerics

/// A scripted swing-up-and-balance controller for `Pendulum`.
///
/// - Near upright (|θ| < 1 rad and |θ̇| < 3 rad/s): the discrete-time LQR of the linearised
///   dynamics with Pendulum-v1's own cost weights (Q = diag(1, 0.1), R = 0.001), u = −K·[θ, θ̇].
/// - Elsewhere: energy shaping. With E = ½θ̇² + 15(cos θ − 1) (zero when upright at rest;
///   dE/dt = 3uθ̇), the torque u = clip(k·(0 − E)·θ̇, ±2) pumps energy in until the pendulum
///   reaches the top. With `planningHorizon` > 0 the expert improves on this by a one-step look-ahead
///   through the known model: it tries u ∈ {−2, −1, 0, 1, 2}, follows the base controller for
///   `planningHorizon` steps and keeps the torque of the cheapest rollout (it mostly picks the
///   quicker swing direction).
/// - Worse controller (blended in by `knobs.suboptimality`): zero torque, so a blend weight s
///   makes a weaker expert that applies (1 − s) of its torque.
///
/// Measured (release build, `ExpertPerformanceTests`): over 100 episodes of `Rollout.run` with seed 0
/// (episodes seeded 0…99, Gymnasium's reset distribution), mean return −143.8 ± 84.7 (std over
/// episodes) with the default settings; −154.8 ± 99.4 without look-ahead (`planningHorizon: 0`).
/// Noise 1.0 brings it to −283 and suboptimality 0.5 to −711 (50 episodes).
public struct PendulumExpert: Expert {
    /// The pendulum's torque range.
    public let actionSpace = Box(low: [-2], high: [2])
    /// Noise and suboptimality.
    public var knobs: ExpertKnobs
    /// Energy-shaping gain k (0.3 by default).
    public var energyGain: Double
    /// Steps of the look-ahead rollouts (0 turns the look-ahead off).
    public var planningHorizon: Int

    /// The LQR gain K for Pendulum-v1's linearisation about upright and its cost weights.
    public static let lqrGain: (angle: Double, velocity: Double) = {
        let dt = Pendulum.dt
        // x' = A x + B u, linearised about θ = 0 with θ̇' computed first (semi-implicit Euler).
        let a = [[1 + 15 * dt * dt, dt], [15 * dt, 1.0]]
        let b = [3 * dt * dt, 3 * dt]
        let q = [1.0, 0.1], r = 0.001
        var p = [[q[0], 0], [0, q[1]]]
        var k = [0.0, 0.0]
        for _ in 0..<2000 {
            // K = (R + BᵀPB)⁻¹ BᵀPA;  P = Q + Aᵀ P (A − B K)
            let pb = [p[0][0] * b[0] + p[0][1] * b[1], p[1][0] * b[0] + p[1][1] * b[1]]
            let denominator = r + b[0] * pb[0] + b[1] * pb[1]
            let bpa = [pb[0] * a[0][0] + pb[1] * a[1][0], pb[0] * a[0][1] + pb[1] * a[1][1]]
            k = [bpa[0] / denominator, bpa[1] / denominator]
            let closed = [[a[0][0] - b[0] * k[0], a[0][1] - b[0] * k[1]],
                          [a[1][0] - b[1] * k[0], a[1][1] - b[1] * k[1]]]
            let pc = [[p[0][0] * closed[0][0] + p[0][1] * closed[1][0], p[0][0] * closed[0][1] + p[0][1] * closed[1][1]],
                      [p[1][0] * closed[0][0] + p[1][1] * closed[1][0], p[1][0] * closed[0][1] + p[1][1] * closed[1][1]]]
            p = [[q[0] + a[0][0] * pc[0][0] + a[1][0] * pc[1][0], a[0][0] * pc[0][1] + a[1][0] * pc[1][1]],
                 [a[0][1] * pc[0][0] + a[1][1] * pc[1][0], q[1] + a[0][1] * pc[0][1] + a[1][1] * pc[1][1]]]
        }
        return (k[0], k[1])
    }()

    /// An expert with the given knobs, energy gain and look-ahead horizon.
    public init(knobs: ExpertKnobs = .perfect, energyGain: Double = 0.3, planningHorizon: Int = 60) {
        self.knobs = knobs
        self.energyGain = energyGain
        self.planningHorizon = planningHorizon
    }

    /// The controller's torque for an observation [cos θ, sin θ, θ̇].
    public func controllerAction(for observation: [Float]) -> [Float] {
        let state = Pendulum.State(angle: atan2(Double(observation[1]), Double(observation[0])),
                                   angularVelocity: Double(observation[2]))
        return [Float(torque(in: state))]
    }

    /// Zero torque.
    public func worseControllerAction(for observation: [Float]) -> [Float] { [0] }

    /// The controller's torque in a state.
    public func torque(in state: Pendulum.State) -> Double {
        if planningHorizon <= 0 || Self.isNearUpright(state) { return baseTorque(in: state) }
        var bestTorque = 0.0
        var bestCost = Double.infinity
        for candidate in [-2.0, -1.0, 0.0, 1.0, 2.0] {
            var cost = Pendulum.cost(state, torque: candidate)
            var s = Pendulum.nextState(state, torque: candidate)
            for _ in 0..<planningHorizon {
                let u = baseTorque(in: s)
                cost += Pendulum.cost(s, torque: u)
                s = Pendulum.nextState(s, torque: u)
            }
            if cost < bestCost {
                bestCost = cost
                bestTorque = candidate
            }
        }
        return bestTorque
    }

    /// Energy shaping far from upright, LQR near it (no look-ahead).
    public func baseTorque(in state: Pendulum.State) -> Double {
        let angle = Pendulum.normalizedAngle(state.angle)
        let velocity = state.angularVelocity
        let u: Double
        if Self.isNearUpright(state) {
            u = -(Self.lqrGain.angle * angle + Self.lqrGain.velocity * velocity)
        } else {
            let energy = 0.5 * velocity * velocity + 15 * (cos(angle) - 1)
            u = energyGain * (0 - energy) * velocity
        }
        return min(max(u, -Pendulum.maxTorque), Pendulum.maxTorque)
    }

    static func isNearUpright(_ state: Pendulum.State) -> Bool {
        abs(Pendulum.normalizedAngle(state.angle)) < 1.0 && abs(state.angularVelocity) < 3.0
    }
}
