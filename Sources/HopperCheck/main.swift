// hopper-check: drives the kit's Hopper for scripts/checks/hopper_vs_gymnasium.py, which runs the
// same experiments on Gymnasium's Hopper-v4 and compares. Reads one JSON request file, writes JSON
// to standard output.
//
//   hopper-check trace REQUEST.json      {"qpos": [6], "qvel": [6], "actions": [[3], ...]}
//       → {"qpos": [[6], ...], "qvel": [[6], ...], "rewards": [...], "terminated": [...]}, one entry per
//         action, stepping on after termination (no time limit)
//   hopper-check episodes REQUEST.json   {"policy": "random" | "linear", "episodes": N, "seed": S,
//                                         "weights": [[11], [11], [11]], "bias": [3]}
//       → {"lengths": [...], "returns": [...], "stepsPerSecond": x}; the linear policy is
//         a = clip(W·observation + b, −1, 1), the random one uniform on [−1, 1]³
import Environments
import Foundation
import Numerics

struct TraceRequest: Decodable {
    var qpos: [Double]
    var qvel: [Double]
    var actions: [[Float]]
}

struct Trace: Encodable {
    var qpos: [[Double]] = []
    var qvel: [[Double]] = []
    var rewards: [Double] = []
    var terminated: [Bool] = []
}

struct EpisodesRequest: Decodable {
    var policy: String
    var episodes: Int
    var seed: UInt64
    var weights: [[Float]]?
    var bias: [Float]?
}

struct Episodes: Encodable {
    var lengths: [Int] = []
    var returns: [Double] = []
    var stepsPerSecond = 0.0
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
}

func trace(_ request: TraceRequest) throws -> Trace {
    var env = Hopper(maxEpisodeSteps: .max)
    _ = env.reset(to: try Hopper.State(qpos: request.qpos, qvel: request.qvel))
    var result = Trace()
    for action in request.actions {
        let step = try env.step(action)
        result.qpos.append(env.state.qpos)
        result.qvel.append(env.state.qvel)
        result.rewards.append(step.reward)
        result.terminated.append(step.terminated)
    }
    return result
}

func episodes(_ request: EpisodesRequest) throws -> Episodes {
    let policy: (inout RandomSource, [Float]) -> [Float]
    switch request.policy {
    case "random":
        policy = { rng, _ in (0..<3).map { _ in rng.uniform(Float(-1), Float(1)) } }
    case "linear":
        guard let w = request.weights, let b = request.bias, w.count == 3, w.allSatisfy({ $0.count == 11 }), b.count == 3 else {
            throw UsageError(description: "hopper-check: a linear policy needs \"weights\" (3 rows of 11) and \"bias\" (3)")
        }
        policy = { _, o in (0..<3).map { i in min(max(zip(w[i], o).reduce(b[i]) { $0 + $1.0 * $1.1 }, -1), 1) } }
    default:
        throw UsageError(description: "hopper-check: unknown policy \"\(request.policy)\" (random or linear)")
    }
    var result = Episodes()
    var rng = RandomSource(seed: request.seed)
    var steps = 0
    let start = Date()
    for _ in 0..<max(request.episodes, 0) {
        var env = Hopper()
        var observation = env.reset(rng: &rng)
        var total = 0.0
        while true {
            let step = try env.step(policy(&rng, observation))
            observation = step.observation
            total += step.reward
            steps += 1
            if step.isDone { break }
        }
        result.lengths.append(env.elapsedSteps)
        result.returns.append(total)
    }
    result.stepsPerSecond = Double(steps) / max(Date().timeIntervalSince(start), 1e-9)
    return result
}

do {
    let arguments = CommandLine.arguments.dropFirst()
    guard arguments.count == 2, let mode = arguments.first, let path = arguments.last else {
        throw UsageError(description: "usage: hopper-check trace|episodes REQUEST.json")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw UsageError(description: "hopper-check: cannot read \(path)")
    }
    let output: Data
    switch mode {
    case "trace": output = try JSONEncoder().encode(trace(JSONDecoder().decode(TraceRequest.self, from: data)))
    case "episodes": output = try JSONEncoder().encode(episodes(JSONDecoder().decode(EpisodesRequest.self, from: data)))
    default: throw UsageError(description: "hopper-check: unknown mode \"\(mode)\" (trace or episodes)")
    }
    FileHandle.standardOutput.write(output)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
