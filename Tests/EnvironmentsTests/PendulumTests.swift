import Foundation
import Numerics
import Testing
import Environments

@Suite struct PendulumTests {
    /// One step by hand from Gymnasium's formulas.
    func handStep(angle: Double, velocity: Double, torque: Double) -> (angle: Double, velocity: Double, reward: Double) {
        let u = min(max(torque, -2), 2)
        var a = (angle + .pi).truncatingRemainder(dividingBy: 2 * .pi)
        if a < 0 { a += 2 * .pi }
        a -= .pi
        let cost = a * a + 0.1 * velocity * velocity + 0.001 * u * u
        var newVelocity = velocity + (3 * 10.0 / 2 * sin(angle) + 3.0 * u) * 0.05
        newVelocity = min(max(newVelocity, -8), 8)
        return (angle + newVelocity * 0.05, newVelocity, -cost)
    }

    @Test(arguments: [
        (0.3, -0.5, 1.0),      // ordinary step
        (2.0, 1.0, 5.0),       // torque beyond +2 is clipped
        (-2.5, 0.2, -7.0),     // torque beyond −2 is clipped
        (1.2, 7.9, 2.0),       // speed clipped at +8 after the update
        (-1.2, -7.95, -2.0),   // speed clipped at −8 after the update
        (7.5, 0.0, 0.0),       // unwrapped angle beyond 2π: cost uses the normalized angle
        (-4.0, 3.0, 0.5),      // angle below −π
    ])
    func stepMatchesFormulas(angle: Double, velocity: Double, torque: Double) throws {
        var env = Pendulum()
        _ = env.reset(to: .init(angle: angle, angularVelocity: velocity))
        let step = try env.step([Float(torque)])
        let expected = handStep(angle: angle, velocity: velocity, torque: Double(Float(torque)))
        #expect(abs(env.state.angle - expected.angle) < 1e-12)
        #expect(abs(env.state.angularVelocity - expected.velocity) < 1e-12)
        #expect(abs(step.reward - expected.reward) < 1e-12)
        #expect(step.observation == [Float(cos(expected.angle)), Float(sin(expected.angle)), Float(expected.velocity)])
        #expect(!step.terminated && !step.truncated)
    }

    @Test func hardCodedNumbers() throws {
        // θ = 1, θ̇ = 0, u = 2: θ̇' = (15 sin 1 + 6)·0.05, cost = 1 + 0.004.
        var env = Pendulum()
        _ = env.reset(to: .init(angle: 1, angularVelocity: 0))
        let step = try env.step([2])
        #expect(abs(env.state.angularVelocity - 0.9311032386059225) < 1e-12)
        #expect(abs(env.state.angle - (1 + 0.9311032386059225 * 0.05)) < 1e-12)
        #expect(abs(step.reward - (-1.004)) < 1e-12)
        // Speed clip: θ̇ = 8, sin θ > 0 pushes it beyond 8.
        _ = env.reset(to: .init(angle: 1.5, angularVelocity: 8))
        _ = try env.step([2])
        #expect(env.state.angularVelocity == 8)
        #expect(abs(env.state.angle - 1.9) < 1e-12)
    }

    @Test func truncatesAt200Steps() throws {
        var env = Pendulum()
        _ = env.reset(seed: 3)
        var steps = 0
        while true {
            let step = try env.step([0])
            steps += 1
            #expect(!step.terminated)
            if step.truncated { break }
        }
        #expect(steps == 200)
    }

    @Test func resetDistribution() {
        var env = Pendulum()
        var rng = RandomSource(seed: 11)
        var maxAngle = 0.0, maxVelocity = 0.0
        for _ in 0..<2000 {
            _ = env.reset(rng: &rng)
            maxAngle = max(maxAngle, abs(env.state.angle))
            maxVelocity = max(maxVelocity, abs(env.state.angularVelocity))
        }
        #expect(maxAngle <= .pi && maxAngle > 3.1)
        #expect(maxVelocity <= 1 && maxVelocity > 0.99)
    }

    @Test func nanActionThrowsNamingEnvironmentAndStep() throws {
        var env = Pendulum()
        _ = env.reset(seed: 0)
        _ = try env.step([0])
        _ = try env.step([1])
        do {
            _ = try env.step([.nan])
            Issue.record("expected a throw")
        } catch {
            let message = "\(error)"
            #expect(message.contains("Pendulum-v1") && message.contains("step 2") && message.contains("NaN"))
        }
        #expect(throws: EnvironmentError.self) { try env.step([0, 1]) }
    }
}
