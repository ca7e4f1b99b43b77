import Environments
import Numerics

/// A one-dimensional task for the policy-gradient and GAIL tests: a point at x moves by 0.5·a;
/// the reward is −x'², so the best action is a = −x / 0.5 clipped, and the scripted expert
/// plays a = −x. The episode terminates when |x| leaves 1.5 and is cut after 20 steps.
struct LineWorld: ContinuousEnvironment {
    struct State: Codable, Equatable, Sendable {
        var x: Double
    }

    var name: String { "LineWorld" }
    var observationSpace: Box { Box(low: [-1.5], high: [1.5]) }
    var actionSpace: Box { Box(low: [-1], high: [1]) }
    var maxEpisodeSteps = 20
    var state = State(x: 0)
    var elapsedSteps = 0
    var observation: [Float] { [Float(state.x)] }

    mutating func reset(rng: inout RandomSource) -> [Float] {
        reset(to: State(x: rng.uniform(-1.0, 1.0)))
    }

    mutating func step(_ action: [Float]) throws -> Step {
        let a = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        state.x += 0.5 * Double(a[0])
        elapsedSteps += 1
        let terminated = abs(state.x) > 1.5
        let reward = -state.x * state.x
        return Step(observation: observation, reward: reward, terminated: terminated,
                    truncated: !terminated && elapsedSteps >= maxEpisodeSteps,
                    info: StepInfo(taskReward: reward))
    }
}

/// LineWorld's expert: a = −x.
struct LineWorldExpert: Expert {
    let actionSpace = Box(low: [-1], high: [1])
    var knobs = ExpertKnobs.perfect
    func controllerAction(for observation: [Float]) -> [Float] { [-observation[0]] }
    func worseControllerAction(for observation: [Float]) -> [Float] { [0] }
}
