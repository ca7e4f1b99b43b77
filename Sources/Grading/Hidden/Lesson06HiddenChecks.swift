import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 6 (BCQ): kept out of the student handout.
let lesson06HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "6.1h", lesson: 6, name: "batchConstrainedTabularUpdate", points: 1, visibility: .hidden) { set in
        let expect = Expect("6.1h", "batchConstrainedTabularUpdate")
        var rng = RandomSource(seed: 61)
        for trial in 0..<200 {
            let count = 1 + rng.index(below: 6)
            let next = (0..<count).map { _ in rng.uniform(-5.0, 5.0) }
            let flags = (0..<count).map { _ in rng.bernoulli(0.5) }
            let value = rng.uniform(-3.0, 3.0), reward = rng.uniform(-1.0, 1.0)
            let terminal = rng.bernoulli(0.2)
            let alpha = rng.unit(), gamma = rng.unit()
            let supported = zip(next, flags).filter { $0.1 }.map(\.0)
            let bootstrap = terminal ? 0 : (supported.max().map { gamma * $0 } ?? 0)
            let wanted = (1 - alpha) * value + alpha * (reward + bootstrap)
            let got = try set.batchConstrained.batchConstrainedTabularUpdate(
                value: value, reward: reward, nextValues: next, nextActionInBatch: flags, terminal: terminal,
                learningRate: alpha, discount: gamma)
            try expect.close(got, wanted, tolerance: 1e-9,
                             "(random case \(trial): Q \(value), r \(reward), next \(next), in batch \(flags), terminal \(terminal), α \(alpha), γ \(gamma))")
        }
    },
    ExerciseCheck(id: "6.2h", lesson: 6, name: "vaeLoss", points: 1, visibility: .hidden) { set in
        let expect = Expect("6.2h", "vaeLoss")
        var rng = RandomSource(seed: 62)
        let b = 5, k = 2, m = 4
        let actions = Matrix.randomUniform(b, k, low: -1, high: 1, rng: &rng)
        let mean = Matrix.randomNormal(b, m, rng: &rng)
        let logStd = Matrix.randomUniform(b, m, low: -2, high: 1, rng: &rng)
        let noise = Matrix.randomNormal(b, m, rng: &rng)
        let weight = Matrix.randomNormal(m, k, std: 0.5, rng: &rng)
        let terms = try set.batchConstrained.vaeLoss(actions: Tensor(actions), mean: Tensor(mean), logStd: Tensor(logStd),
                                                     noise: noise, klWeight: 0.3) { tanh($0.matmul(Tensor(weight))) }
        var reconstruction = 0.0, kl = 0.0
        for i in 0..<b {
            var z = [Double](repeating: 0, count: m)
            for j in 0..<m {
                let s = Foundation.exp(Double(logStd[i, j]))
                z[j] = Double(mean[i, j]) + s * Double(noise[i, j])
                kl += 0.5 * (Double(mean[i, j] * mean[i, j]) + s * s - 1 - 2 * Double(logStd[i, j]))
            }
            for c in 0..<k {
                var pre = 0.0
                for j in 0..<m { pre += z[j] * Double(weight[j, c]) }
                let error = Double(actions[i, c]) - Foundation.tanh(pre)
                reconstruction += error * error
            }
        }
        reconstruction /= Double(b * k)
        kl /= Double(b * m)
        try expect.close(Double(terms.reconstruction.scalar), reconstruction, tolerance: 1e-4, "reconstruction (random 5×2 actions, 4 latents)")
        try expect.close(Double(terms.klDivergence.scalar), kl, tolerance: 1e-4, "KL (random 5×4 μ and log σ)")
        try expect.close(Double(terms.total.scalar), reconstruction + 0.3 * kl, tolerance: 1e-4, "total (KL weight 0.3)")
    },
    ExerciseCheck(id: "6.3h", lesson: 6, name: "softClippedDoubleQTarget", points: 1, visibility: .hidden) { set in
        let expect = Expect("6.3h", "softClippedDoubleQTarget")
        var rng = RandomSource(seed: 63)
        let b = 40, n = 10
        let rewards = Matrix.randomUniform(b, 1, low: -16, high: 0, rng: &rng)
        let q1 = Matrix.randomNormal(b, n, mean: -300, std: 50, rng: &rng)
        let q2 = Matrix.randomNormal(b, n, mean: -300, std: 50, rng: &rng)
        let terminals = Matrix(columnVector: (0..<b).map { _ in rng.bernoulli(0.1) ? 1 : 0 })
        let y = try set.batchConstrained.softClippedDoubleQTarget(rewards: rewards, nextQ1: q1, nextQ2: q2, terminals: terminals,
                                                                 discount: 0.99, lambda: 0.75)
        let wanted = (0..<b).map { r -> Double in
            let best = (0..<n).map { i -> Double in
                let a = Double(q1[r, i]), c = Double(q2[r, i])
                return 0.75 * min(a, c) + 0.25 * max(a, c)
            }.max()!
            return Double(rewards[r, 0]) + 0.99 * (1 - Double(terminals[r, 0])) * best
        }
        try expect.close(y.scalars.map(Double.init), wanted, tolerance: 1e-5, "(40 Pendulum-like transitions, 10 candidates, γ 0.99, λ 0.75)")
    },
    ExerciseCheck(id: "6.4h", lesson: 6, name: "boundedPerturbation", points: 1, visibility: .hidden) { set in
        let expect = Expect("6.4h", "boundedPerturbation")
        var rng = RandomSource(seed: 64)
        let actions = Matrix.randomUniform(50, 3, low: -1, high: 1, rng: &rng)
        let raw = Tensor(Matrix.randomNormal(50, 3, std: 3, rng: &rng))
        for phi: Float in [0, 0.05, 0.3, 2] {
            let y = try set.batchConstrained.boundedPerturbation(actions: Tensor(actions), rawPerturbation: raw,
                                                                 maxPerturbation: phi, low: -1, high: 1)
            let wanted = (0..<actions.count).map { i -> Double in
                let a = Double(actions.scalars[i]) + Double(phi) * Foundation.tanh(Double(raw.value.scalars[i]))
                return min(max(a, -1), 1)
            }
            try expect.close(y.value.scalars.map(Double.init), wanted, tolerance: 1e-5, "(random 50×3 actions, Φ \(phi))")
            let shift = zip(y.value.scalars, actions.scalars).map { abs($0 - $1) }.max() ?? 0
            try expect.that(shift <= phi + 1e-6, "(Φ \(phi)) moved an action by \(shift) > Φ")
        }
    },
    ExerciseCheck(id: "6.5h", lesson: 6, name: "selectBestAction", points: 1, visibility: .hidden) { set in
        let expect = Expect("6.5h", "selectBestAction")
        var rng = RandomSource(seed: 65)
        let states = 30, n = 10, k = 2
        let candidates = Matrix.randomUniform(states * n, k, low: -1, high: 1, rng: &rng)
        let values = Matrix.randomNormal(states * n, 1, mean: -200, std: 30, rng: &rng)
        let chosen = try set.batchConstrained.selectBestAction(candidates: candidates, values: values, candidatesPerState: n)
        var wanted: [Double] = []
        for s in 0..<states {
            let rows = (s * n)..<((s + 1) * n)
            let best = rows.max { values[$0, 0] < values[$1, 0] }!
            wanted += candidates.row(best).map(Double.init)
        }
        try expect.close(chosen.scalars.map(Double.init), wanted, tolerance: 0, "(30 states × 10 random candidates)")
    },
]
