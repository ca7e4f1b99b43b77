import Algorithms
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// The graded checks of lesson 6 (BCQ), visible to students.
let lesson06Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "6.1", lesson: 6, name: "batchConstrainedTabularUpdate", points: 2) { set in
        let expect = Expect("6.1", "batchConstrainedTabularUpdate")
        let f = set.batchConstrained
        func update(_ value: Double, _ reward: Double, _ next: [Double], _ inBatch: [Bool], terminal: Bool = false,
                    alpha: Double = 0.5, gamma: Double = 0.9) throws -> Double {
            try f.batchConstrainedTabularUpdate(value: value, reward: reward, nextValues: next, nextActionInBatch: inBatch,
                                                terminal: terminal, learningRate: alpha, discount: gamma)
        }
        try expect.close(try update(0, 1, [5, 2, 9], [true, true, false]), 2.75,
                         "(Q 0, r 1, next [5, 2, 9] with only the first two in the batch, α 0.5, γ 0.9)",
                         hint: "the maximum runs over the batch's actions only: 9 was never tried, so the target is 1 + 0.9·5")
        try expect.close(try update(2, -1, [-3, -1, -2], [true, false, true]), 0.5 * 2 + 0.5 * (-1 + 0.9 * -2),
                         "(Q 2, r −1, next [−3, −1, −2] with the first and last in the batch, α 0.5, γ 0.9)",
                         hint: "the best supported next value is −2, not −1")
        try expect.close(try update(4, 1, [7, 8], [true, true], terminal: true), 2.5,
                         "(Q 4, r 1, a terminal next state, α 0.5)", hint: "no bootstrap from a terminal state")
        try expect.close(try update(4, 1, [7, 8], [false, false]), 2.5,
                         "(Q 4, r 1, no action of s' in the batch, α 0.5)",
                         hint: "when the batch holds no action in s', the target is r alone")
        try expect.close(try update(3, 1, [], [], terminal: true), 2, "(Q 3, r 1, terminal, no next values, α 0.5)")
        try expect.close(try update(3, 1, [5], [true], alpha: 1), 1 + 0.9 * 5, "(α 1: the new value is the target)")
        try expect.close(try update(3, 1, [5], [true], alpha: 0), 3, "(α 0: the value does not move)")
        try expect.close(try update(0, 0, [-1e9, 2], [true, false], alpha: 1, gamma: 1), -1e9,
                         "(r 0, next [−1e9, 2] with only −1e9 in the batch, α 1, γ 1)",
                         hint: "start the maximum from the supported values, not from 0")
        try lesson06Rejects(expect, "(3 next values, 2 batch flags)") { _ = try update(0, 0, [1, 2, 3], [true, false]) }
        try lesson06Rejects(expect, "(α 1.5)") { _ = try update(0, 0, [1], [true], alpha: 1.5) }
        try lesson06Rejects(expect, "(γ −0.1)") { _ = try update(0, 0, [1], [true], gamma: -0.1) }
        try lesson06TabularBehaviourCheck(f, expect)
    },
    ExerciseCheck(id: "6.2", lesson: 6, name: "vaeLoss", points: 3) { set in
        let expect = Expect("6.2", "vaeLoss")
        let f = set.batchConstrained
        func terms(_ a: [[Float]], _ mu: [[Float]], _ logStd: [[Float]], _ noise: [[Float]], weight: Float = 0.5,
                   scale: Float = 2) throws -> VAELossTerms {
            try f.vaeLoss(actions: Tensor(Matrix(a)), mean: Tensor(Matrix(mu)), logStd: Tensor(Matrix(logStd)),
                          noise: Matrix(noise), klWeight: weight) { $0 * scale }
        }
        // μ 0, σ 1, ε 0.5: z = 0.5, ã = 2z = 1, a = 0 → reconstruction 1, KL 0.
        let one = try terms([[0]], [[0]], [[0]], [[0.5]])
        try expect.that(one.total.rows == 1 && one.total.cols == 1, "the total must be a 1×1 tensor, got \(one.total.value.shapeDescription)")
        try expect.close(Double(one.reconstruction.scalar), 1, "reconstruction (a 0, μ 0, log σ 0, ε 0.5, decode z ↦ 2z)",
                         hint: "z = μ + σ·ε, ã = decode(z)")
        try expect.close(Double(one.klDivergence.scalar), 0, "KL (μ 0, log σ 0): the posterior is the prior")
        try expect.close(Double(one.total.scalar), 1, "total (a 0, μ 0, log σ 0, ε 0.5, decode z ↦ 2z)")
        // μ 1, σ 2, ε −0.25: z = 0.5, ã = 1, a = 1 → reconstruction 0; KL = ½(1 + 4 − 1 − 2 log 2).
        let log2 = Float(Foundation.log(2.0))
        let shifted = try terms([[1]], [[1]], [[log2]], [[-0.25]], weight: 0.5)
        let kl = 0.5 * (4 - 2 * Foundation.log(2.0))
        try expect.close(Double(shifted.reconstruction.scalar), 0, "reconstruction (a 1, μ 1, σ 2, ε −0.25, decode z ↦ 2z)",
                         hint: "σ = exp(log σ) multiplies ε")
        try expect.close(Double(shifted.klDivergence.scalar), kl, "KL (μ 1, σ 2)", hint: "½(μ² + σ² − 1 − 2 log σ)")
        try expect.close(Double(shifted.total.scalar), 0.5 * kl, "total (μ 1, σ 2, KL weight 0.5)")
        try expect.close(Double(try terms([[1]], [[1]], [[log2]], [[-0.25]], weight: 0).total.scalar), 0,
                         "total with KL weight 0")
        // Two examples, two action and three latent coordinates (decode keeps the first two latent
        // coordinates): every average runs over all entries.
        let sliced = try f.vaeLoss(actions: Tensor(Matrix([[1, 0], [0, 0]])), mean: Tensor(Matrix([[0, 0, 1], [1, 1, 0]])),
                                   logStd: Tensor(Matrix.zeros(2, 3)), noise: Matrix.zeros(2, 3), klWeight: 1) {
            $0.columns(0..<2)
        }
        // ã = [[0, 0], [1, 1]]: squared errors 1, 0, 1, 1 → mean 0.75; KL terms ½·(0, 0, 1, 1, 1, 0) → mean 0.25.
        try expect.close(Double(sliced.reconstruction.scalar), 0.75, "reconstruction of a 2×2 batch (squared errors 1, 0, 1, 1)",
                         hint: "average the squares over every entry, batch and coordinates, as PyTorch's mse_loss does")
        try expect.close(Double(sliced.klDivergence.scalar), 0.25, "KL of a 2×3 batch (μ² entries 0, 0, 1, 1, 1, 0, σ 1)",
                         hint: "average the KL terms over every latent entry")
        // Gradients reach μ, log σ (through z) and the decoder.
        let mu = Tensor(Matrix([[0.3], [-0.2]])), logStd = Tensor(Matrix([[-0.5], [0.4]]))
        let weight = Tensor(Matrix([[1.5]]))
        let eps: [Float] = [0.7, -1.1], actions: [Float] = [0.2, -0.4]
        let loss = try f.vaeLoss(actions: Tensor(Matrix(columnVector: actions)), mean: mu, logStd: logStd,
                                 noise: Matrix(columnVector: eps), klWeight: 0.5) { $0.matmul(weight) }
        let grads = loss.total.gradients(for: [mu, logStd, weight])
        var wantMu: [Double] = [], wantLogStd: [Double] = [], wantWeight = 0.0
        for i in 0..<2 {
            let m = Double(mu.value[i, 0]), ls = Double(logStd.value[i, 0]), s = Foundation.exp(ls)
            let z = m + s * Double(eps[i]), residual = Double(actions[i]) - 1.5 * z
            wantMu.append((-2 * 1.5 * residual + 0.5 * m) / 2)
            wantLogStd.append((-2 * 1.5 * residual * s * Double(eps[i]) + 0.5 * (s * s - 1)) / 2)
            wantWeight += -2 * residual * z / 2
        }
        try expect.close(grads[0].scalars.map(Double.init), wantMu, tolerance: 1e-3, "gradient with respect to μ",
                         hint: "write z = μ + exp(log σ)·ε with Tensor operations so gradients flow through z")
        try expect.close(grads[1].scalars.map(Double.init), wantLogStd, tolerance: 1e-3, "gradient with respect to log σ")
        try expect.close(Double(grads[2].scalar), wantWeight, tolerance: 1e-3, "gradient with respect to the decoder's weight")
        try lesson06Rejects(expect, "(an empty batch)") {
            _ = try f.vaeLoss(actions: Tensor(Matrix.zeros(0, 1)), mean: Tensor(Matrix.zeros(0, 2)),
                              logStd: Tensor(Matrix.zeros(0, 2)), noise: Matrix.zeros(0, 2), klWeight: 0.5) { $0 }
        }
        try lesson06Rejects(expect, "(mean 2×2, logStd 2×3)") {
            _ = try f.vaeLoss(actions: Tensor(Matrix.zeros(2, 1)), mean: Tensor(Matrix.zeros(2, 2)),
                              logStd: Tensor(Matrix.zeros(2, 3)), noise: Matrix.zeros(2, 2), klWeight: 0.5) { $0.columns(0..<1) }
        }
        try lesson06Rejects(expect, "(KL weight −1)") { _ = try terms([[0]], [[0]], [[0]], [[0]], weight: -1) }
        try lesson06VAEBehaviourCheck(f, expect)
    },
    ExerciseCheck(id: "6.3", lesson: 6, name: "softClippedDoubleQTarget", points: 3) { set in
        let expect = Expect("6.3", "softClippedDoubleQTarget")
        let f = set.batchConstrained
        func target(_ r: [Float], _ q1: [[Float]], _ q2: [[Float]], _ done: [Float], gamma: Float = 0.5,
                    lambda: Float = 0.75) throws -> [Double] {
            let y = try f.softClippedDoubleQTarget(rewards: Matrix(columnVector: r), nextQ1: Matrix(q1), nextQ2: Matrix(q2),
                                                   terminals: Matrix(columnVector: done), discount: gamma, lambda: lambda)
            try expect.that(y.rows == r.count && y.cols == 1, "the targets must be \(r.count)×1, got \(y.shapeDescription)")
            return y.scalars.map(Double.init)
        }
        // Row 0: candidates (min, max) = (2, 6), (4, 5), (0, 10) → 0.75·min + 0.25·max = 3, 4.25, 2.5 → best 4.25.
        // Row 1: terminal → r.
        let q1: [[Float]] = [[2, 5, 10], [1, 1, 1]], q2: [[Float]] = [[6, 4, 0], [3, 3, 3]]
        try expect.close(try target([1, -2], q1, q2, [0, 1]), [1 + 0.5 * 4.25, -2],
                         "(r [1, −2], Q'₁ [[2, 5, 10], [1, 1, 1]], Q'₂ [[6, 4, 0], [3, 3, 3]], terminal [0, 1], γ 0.5, λ 0.75)",
                         hint: "mix min and max per candidate first, then take the best candidate")
        try expect.close(try target([1, -2], q1, q2, [0, 0], lambda: 1), [1 + 0.5 * 4, -2 + 0.5 * 1],
                         "(the same with λ 1: TD3's clipped double Q, no terminal)")
        try expect.close(try target([1, -2], q1, q2, [0, 0], lambda: 0), [1 + 0.5 * 10, -2 + 0.5 * 3],
                         "(the same with λ 0: the maximum of the two critics)")
        try expect.close(try target([-1, -1], [[-4], [-8]], [[-6], [-2]], [0, 0], gamma: 1), [-1 - 5.5, -1 - 6.5],
                         "(one candidate, negative values, γ 1)",
                         hint: "with all values negative the maximum is still the largest, not 0")
        try expect.close(try target([3, 4], q1, q2, [0, 0], gamma: 0), [3, 4], "(γ 0: the target is r)")
        try lesson06Rejects(expect, "(nextQ1 2×3, nextQ2 2×2)") { _ = try target([0, 0], q1, [[1, 1], [1, 1]], [0, 0]) }
        try lesson06Rejects(expect, "(rewards 3×1, nextQ 2×3)") { _ = try target([0, 0, 0], q1, q2, [0, 0, 0]) }
        try lesson06Rejects(expect, "(n = 0 candidates)") {
            _ = try f.softClippedDoubleQTarget(rewards: Matrix.zeros(2, 1), nextQ1: Matrix.zeros(2, 0), nextQ2: Matrix.zeros(2, 0),
                                               terminals: Matrix.zeros(2, 1), discount: 0.9, lambda: 0.75)
        }
        try lesson06Rejects(expect, "(λ 1.5)") { _ = try target([0, 0], q1, q2, [0, 0], lambda: 1.5) }
        try lesson06Rejects(expect, "(γ −1)") { _ = try target([0, 0], q1, q2, [0, 0], gamma: -1) }
    },
    ExerciseCheck(id: "6.4", lesson: 6, name: "boundedPerturbation", points: 2) { set in
        let expect = Expect("6.4", "boundedPerturbation")
        let f = set.batchConstrained
        func perturbed(_ a: [[Float]], _ raw: [[Float]], phi: Float = 0.05, low: Float = -1, high: Float = 1) throws -> [Double] {
            let y = try f.boundedPerturbation(actions: Tensor(Matrix(a)), rawPerturbation: Tensor(Matrix(raw)),
                                              maxPerturbation: phi, low: low, high: high)
            try expect.that(y.rows == a.count && y.cols == a[0].count,
                            "the result must have the actions' shape \(a.count)×\(a[0].count), got \(y.value.shapeDescription)")
            return y.value.scalars.map(Double.init)
        }
        try expect.close(try perturbed([[0.5], [-0.2]], [[0], [0]]), [0.5, -0.2], "(raw 0: no perturbation)")
        try expect.close(try perturbed([[0.5, 0.5]], [[50, -50]]), [0.55, 0.45], tolerance: 1e-5,
                         "(a [0.5, 0.5], raw [50, −50], Φ 0.05)", hint: "Φ·tanh(raw) is at most Φ in size")
        try expect.close(try perturbed([[0.2]], [[0.5]], phi: 0.5), [0.2 + 0.5 * Foundation.tanh(0.5)], tolerance: 1e-5,
                         "(a 0.2, raw 0.5, Φ 0.5)", hint: "the perturbation is Φ·tanh(raw), not raw clamped to [−Φ, Φ]")
        try expect.close(try perturbed([[0.98], [-0.99]], [[10], [-10]]), [1, -1], tolerance: 1e-6,
                         "(a [0.98, −0.99], raw [10, −10], Φ 0.05)", hint: "clip the perturbed action into [low, high]")
        try expect.close(try perturbed([[1.5]], [[3]], phi: 0), [1], "(Φ 0, a 1.5 outside [−1, 1])")
        try expect.close(try perturbed([[1.5]], [[0.3]], phi: 0.1, low: -2, high: 2), [1.5 + 0.1 * Foundation.tanh(0.3)],
                         tolerance: 1e-5, "(bounds [−2, 2])")
        // The gradient with respect to raw is Φ(1 − tanh²(raw)), and 0 where the clip is active.
        let raw = Tensor(Matrix([[0.3], [-1.0], [2.0]]))
        let y = try f.boundedPerturbation(actions: Tensor(Matrix([[0], [0.1], [0.99]])), rawPerturbation: raw,
                                          maxPerturbation: 0.2, low: -1, high: 1)
        let gradient = y.sum().gradient(for: raw).scalars.map(Double.init)
        let wanted = [0.3, -1.0].map { 0.2 * (1 - Foundation.tanh($0) * Foundation.tanh($0)) } + [0]
        try expect.close(gradient, wanted, tolerance: 1e-4, "gradient with respect to rawPerturbation (the last row is clipped)",
                         hint: "build it from Tensor operations: tanh, *, +, clamp")
        try lesson06Rejects(expect, "(actions 2×1, raw 1×1)") { _ = try perturbed([[0], [0]], [[0]]) }
        try lesson06Rejects(expect, "(Φ −0.1)") { _ = try perturbed([[0]], [[0]], phi: -0.1) }
        try lesson06Rejects(expect, "(low 1 > high −1)") { _ = try perturbed([[0]], [[0]], low: 1, high: -1) }
    },
    ExerciseCheck(id: "6.5", lesson: 6, name: "selectBestAction", points: 2) { set in
        let expect = Expect("6.5", "selectBestAction")
        let f = set.batchConstrained
        func best(_ candidates: [[Float]], _ values: [Float], _ n: Int) throws -> Matrix {
            try f.selectBestAction(candidates: Matrix(candidates), values: Matrix(columnVector: values), candidatesPerState: n)
        }
        let candidates: [[Float]] = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [-0.1, -0.2], [-0.3, -0.4], [-0.5, -0.6]]
        let chosen = try best(candidates, [1, 3, 2, 0, 0, 5], 3)
        try expect.that(chosen.rows == 2 && chosen.cols == 2, "2 states with 3 candidates of 2 numbers must give 2×2, got \(chosen.shapeDescription)")
        try expect.close(chosen.scalars.map(Double.init), [0.3, 0.4, -0.5, -0.6].map { Double(Float($0)) },
                         "(values [1, 3, 2 | 0, 0, 5], n 3)",
                         hint: "for each state, its own candidate with the highest value; state b owns rows b·n ..< (b+1)·n")
        try expect.close(try best(candidates, [-7, -9, -8, -3, -1, -2], 3).scalars.map(Double.init),
                         [0.1, 0.2, -0.3, -0.4].map { Double(Float($0)) }, "(all values negative)",
                         hint: "start from the first candidate's value, not from 0")
        try expect.close(try best(candidates, [2, 2, 1, 4, 4, 4], 3).scalars.map(Double.init),
                         [0.1, 0.2, -0.1, -0.2].map { Double(Float($0)) }, "(ties: take the first)")
        try expect.close(try best(candidates, [1, 2, 3, 4, 5, 6], 1).scalars.map(Double.init),
                         candidates.flatMap { $0 }.map(Double.init), "(n 1: every candidate is its state's only one)")
        try expect.close(try best(candidates, [1, 2, 3, 4, 5, 6], 6).scalars.map(Double.init),
                         [-0.5, -0.6].map { Double(Float($0)) }, "(n 6: one state)")
        try lesson06Rejects(expect, "(6 candidates, n 4)") { _ = try best(candidates, [1, 2, 3, 4, 5, 6], 4) }
        try lesson06Rejects(expect, "(n 0)") { _ = try best(candidates, [1, 2, 3, 4, 5, 6], 0) }
        try lesson06Rejects(expect, "(6 candidates, 5 values)") { _ = try best(candidates, [1, 2, 3, 4, 5], 3) }
        try lesson06Rejects(expect, "(a NaN value)") { _ = try best(candidates, [1, .nan, 3, 4, 5, 6], 3) }
        // Behaviour: choosing among a grid of candidates maximises a known function in every state.
        let grid = (0..<21).map { Float($0) / 10 - 1 }
        var rows: [[Float]] = [], values: [Float] = []
        let peaks: [Float] = [-0.6, 0.0, 0.3, 0.9]
        for peak in peaks {
            for a in grid {
                rows.append([a])
                values.append(-(a - peak) * (a - peak) - 100)
            }
        }
        let picked = try best(rows, values, grid.count).scalars
        try expect.close(picked.map(Double.init), peaks.map(Double.init), tolerance: 1e-5,
                         "(21 candidates on [−1, 1] per state, values −(a − peak)² − 100, peaks [−0.6, 0, 0.3, 0.9])")
    },
]

/// Fails unless `body` throws an error of the implementation's own (an unwritten stub's
/// `NotImplemented` passes through, so the check reports it as such).
func lesson06Rejects(_ expect: Expect, _ call: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as NotImplemented {
        throw error
    } catch {
        return
    }
    throw CheckFailure("exercise \(expect.exercise) \(call): expected an error for this bad input, got a result")
}

/// Behaviour of 6.1: sweeps of the update over a tiny batch find the best policy the batch
/// supports, where the same sweeps with an unconstrained maximum would chase an action the batch
/// never tried.
///
/// A chain 0 → 1 → 2 (terminal). In state 0 the batch tried action 0 (to state 1, reward 0) and
/// action 1 (reward 0.5, terminal); in state 1 only action 0 (reward 1, terminal). Action 1 in
/// state 1 never appears, and its table entry starts optimistic at 10. With γ = 0.9 the best
/// supported values are Q(1,0) = 1, Q(0,0) = 0.9, Q(0,1) = 0.5.
private func lesson06TabularBehaviourCheck(_ f: any BCQExercises, _ expect: Expect) throws {
    // (s, a, r, s', terminal)
    let batch: [(Int, Int, Double, Int, Bool)] = [(0, 0, 0, 1, false), (0, 1, 0.5, 2, true), (1, 0, 1, 2, true)]
    var q: [[Double]] = [[10, 10], [10, 10], [0, 0]]
    let inBatch: [[Bool]] = [[true, true], [true, false], [false, false]]
    for _ in 0..<200 {
        for (s, a, r, next, terminal) in batch {
            q[s][a] = try f.batchConstrainedTabularUpdate(value: q[s][a], reward: r, nextValues: q[next],
                                                          nextActionInBatch: inBatch[next], terminal: terminal,
                                                          learningRate: 0.5, discount: 0.9)
        }
    }
    try expect.close([q[0][0], q[0][1], q[1][0]], [0.9, 0.5, 1], tolerance: 1e-3,
                     "(200 sweeps over a 3-transition batch of a chain, the unseen Q(1, 1) starting at 10): Q(0,0), Q(0,1), Q(1,0)",
                     hint: "the unseen Q(1, 1) = 10 must never enter a target")
}

/// Behaviour of 6.2: a conditional VAE trained with this loss learns the batch's action in each
/// of two states (0.6 in state +1, −0.6 in state −1) and its samples stay near it.
private func lesson06VAEBehaviourCheck(_ f: any BCQExercises, _ expect: Expect) throws {
    var rng = RandomSource(seed: 6)
    let vae = ConditionalVAE(observationSize: 1, actionSize: 1, latentSize: 2, hiddenSizes: [32, 32], rng: &rng)
    let optimizer = Adam(parameters: vae.parameters, learningRate: 3e-3)
    let states = Matrix(columnVector: (0..<64).map { $0 % 2 == 0 ? 1 : -1 })
    let actions = Matrix(columnVector: (0..<64).map { $0 % 2 == 0 ? 0.6 : -0.6 })
    let s = Tensor(states)
    for _ in 0..<400 {
        let (mean, logStd) = vae.encode(states: s, actions: Tensor(actions))
        let terms = try f.vaeLoss(actions: Tensor(actions), mean: mean, logStd: logStd,
                                  noise: Matrix.randomNormal(64, 2, rng: &rng), klWeight: 0.5) { vae.decode(states: s, latent: $0) }
        guard terms.total.scalar.isFinite else {
            throw CheckFailure("exercise \(expect.exercise): the VAE loss became \(terms.total.scalar) while training")
        }
        optimizer.step(terms.total.gradients(for: optimizer.parameters))
    }
    let probe = Matrix(columnVector: Array(repeating: 1, count: 100) + Array(repeating: -1, count: 100))
    let samples = vae.sample(states: probe, latentClip: 0.5, rng: &rng).scalars
    let up = samples[0..<100].reduce(0, +) / 100, down = samples[100..<200].reduce(0, +) / 100
    try expect.that(abs(up - 0.6) < 0.1 && abs(down + 0.6) < 0.1,
                    "a conditional VAE trained 400 steps with your loss on actions 0.6 (state +1) and −0.6 (state −1) "
                    + "samples means \(up) and \(down); expected within 0.1 of ±0.6")
}
