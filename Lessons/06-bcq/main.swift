// Scratch harness (temporary).
import Algorithms
import Environments
import Foundation
import Implementations
import Numerics

Matrix.setBLASThreads(1)
let set = exerciseSet(for: .reference).set
let args = CommandLine.arguments
let steps = Int(args.count > 1 ? args[1] : "3000")!
let noise = Double(args.count > 2 ? args[2] : "0.3")!
let phi = Float(args.count > 3 ? args[3] : "0.05")!
var rng = RandomSource(seed: 1)
// Buffer: scripted expert with noise.
let expert = PendulumExpert(knobs: ExpertKnobs(noise: noise), planningHorizon: 0)
var env = Pendulum()
var obs = env.reset(rng: &rng)
var S: [Float] = [], A: [Float] = [], R: [Float] = [], S2: [Float] = [], D: [Float] = []
let n = 20_000
for _ in 0..<n {
    let a = expert.action(for: obs, rng: &rng)
    let st = try env.step(a)
    S += obs; A += a; R.append(Float(st.reward)); S2 += st.observation; D.append(st.terminated ? 1 : 0)
    obs = st.isDone ? env.reset(rng: &rng) : st.observation
}
func evaluate(_ policy: (Matrix) throws -> Matrix) throws -> Double {
    var envs = (0..<10).map { i -> Pendulum in var e = Pendulum(); _ = e.reset(seed: 1000 + UInt64(i)); return e }
    var total = 0.0
    for _ in 0..<200 {
        let states = Matrix(envs.map { $0.observation })
        let actions = try policy(states)
        for i in envs.indices { total += try envs[i].step(actions.row(i)).reward }
    }
    return total / 10
}
print("behaviour return", try evaluate { s in Matrix((0..<s.rows).map { expert.action(for: s.row($0)) }) })
let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: .kit(maxPerturbation: phi),
                  formulas: set.batchConstrained, rng: &rng)
let start = Date()
var trainTime = 0.0
for step in 1...steps {
    let idx = (0..<100).map { _ in rng.index(below: n) }
    let m = { (x: [Float], w: Int) in Matrix(rows: 100, cols: w, values: idx.flatMap { Array(x[($0 * w)..<($0 * w + w)]) }) }
    let t0 = Date()
    let st = try bcq.update(states: m(S, 3), actions: m(A, 1), rewards: m(R, 1), nextStates: m(S2, 3), terminals: m(D, 1), rng: &rng)
    trainTime += Date().timeIntervalSince(t0)
    if step % 1000 == 0 {
        let ret = try evaluate { try bcq.actions(for: $0) }
        var e = Pendulum(); _ = e.reset(seed: 1000)
        let q = try bcq.estimatedValues(states: Matrix(rowVector: e.observation))[0, 0]
        print(step, String(format: "ret %.1f  vae %.4f kl %.3f critic %.3f actor %.2f target %.2f  Q(s0) %.1f  steps/s %.0f", ret, st.vaeLoss, st.klDivergence, st.criticLoss, st.actorLoss, st.meanTarget, q, Double(step) / trainTime))
    }
}
print("total", Date().timeIntervalSince(start))
