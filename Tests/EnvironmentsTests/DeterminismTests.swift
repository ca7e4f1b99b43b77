import Datasets
import Environments
import Foundation
import Numerics
import Testing

/// Same seed, same episode; a state read out and written back continues identically.
@Suite struct DeterminismTests {
    func randomPolicy(_ observation: [Float], _ rng: inout RandomSource, size: Int) -> [Float] {
        (0..<size).map { _ in Float(rng.uniform(-1.5, 1.5)) }
    }

    func checkDeterministic<Env: ContinuousEnvironment>(_ env: Env) throws {
        let size = env.actionSize
        let a = try Rollout.run(env, episodes: 3, seed: 7) { o, rng in randomPolicy(o, &rng, size: size) }
        let b = try Rollout.run(env, episodes: 3, seed: 7) { o, rng in randomPolicy(o, &rng, size: size) }
        let c = try Rollout.run(env, episodes: 3, seed: 8) { o, rng in randomPolicy(o, &rng, size: size) }
        #expect(a.map(\.observations) == b.map(\.observations))
        #expect(a.map(\.rewards) == b.map(\.rewards))
        #expect(a.map(\.states) == b.map(\.states))
        #expect(a.map(\.observations) != c.map(\.observations))
    }

    @Test func everyEnvironmentIsDeterministicUnderASeed() throws {
        try checkDeterministic(Pendulum())
        try checkDeterministic(LaneKeepingCar())
        try checkDeterministic(LaneKeepingCar.withObstacle())
        try checkDeterministic(BlockPushing())
        try checkDeterministic(BlockPushing(shapedReward: true, randomGoal: true))
    }

    func checkStateRoundTrip<Env: ContinuousEnvironment>(_ env: Env) throws {
        var original = env
        _ = original.reset(seed: 5)
        let size = env.actionSize
        for t in 0..<17 { _ = try original.step((0..<size).map { Float(sin(Double(t + $0))) }) }
        // Through JSON, into a fresh environment.
        let json = try JSONEncoder().encode(original.state)
        let decoded = try JSONDecoder().decode(Env.State.self, from: json)
        #expect(decoded == original.state)
        var copy = env
        let observation = copy.reset(to: decoded)
        #expect(observation == original.observation)
        for t in 0..<20 {
            let action = (0..<size).map { Float(cos(Double(3 * t + $0))) }
            let x = try original.step(action), y = try copy.step(action)
            #expect(x.observation == y.observation && x.reward == y.reward && x.terminated == y.terminated)
        }
        #expect(copy.state == original.state)
    }

    @Test func stateGetSetRoundTrips() throws {
        try checkStateRoundTrip(Pendulum())
        try checkStateRoundTrip(LaneKeepingCar())
        try checkStateRoundTrip(LaneKeepingCar.withObstacle())
        try checkStateRoundTrip(BlockPushing())
    }

    @Test func nanActionsThrowInEveryEnvironment() throws {
        func check<Env: ContinuousEnvironment>(_ env: Env) throws {
            var e = env
            _ = e.reset(seed: 1)
            _ = try e.step(Array(repeating: 0, count: e.actionSize))
            var action = Array(repeating: Float(0), count: e.actionSize)
            action[action.count - 1] = .nan
            #expect(throws: EnvironmentError.nanAction(environment: e.name, step: 1, action: action)) { try e.step(action) }
        }
        try check(Pendulum())
        try check(LaneKeepingCar())
        try check(BlockPushing())
    }

    @Test func actionsBeyondTheBoundsAreClipped() throws {
        var a = LaneKeepingCar(), b = LaneKeepingCar()
        _ = a.reset(seed: 2)
        _ = b.reset(seed: 2)
        #expect(try a.step([7]) == b.step([1]))
        var p = BlockPushing(), q = BlockPushing()
        _ = p.reset(seed: 2)
        _ = q.reset(seed: 2)
        #expect(try p.step([-3, .infinity]) == q.step([-1, 1]))
    }

    @Test func rolloutSeedsFixInitialStatesWhateverThePolicy() throws {
        let zero = try Rollout.run(Pendulum(), episodes: 4, seed: 100) { _, _ in [0] }
        let expert = try Rollout.run(Pendulum(), expert: PendulumExpert(knobs: .init(noise: 0.5)), episodes: 4, seed: 100)
        #expect(zero.map { $0.states[0] } == expert.map { $0.states[0] })
        #expect(zero.allSatisfy { $0.count == 200 && $0.truncated && !$0.terminated })
        #expect(zero.allSatisfy { $0.observations.count == 201 && $0.states.count == 201 })
    }
}
