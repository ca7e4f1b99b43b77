import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 5 (off-policy RL on a fixed batch): kept out of the student handout.
let lesson05HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "5.1h", lesson: 5, name: "criticTarget", points: 1, visibility: .hidden) { set in
        let expect = Expect("5.1h", "criticTarget")
        var rng = RandomSource(seed: 51)
        let n = 50
        let rewards = Matrix.randomNormal(n, 1, rng: &rng)
        let next = Matrix.randomNormal(n, 1, std: 30, rng: &rng)
        let terminals = Matrix(columnVector: (0..<n).map { _ in rng.bernoulli(0.3) ? 1 : 0 })
        let timeouts = Matrix(columnVector: (0..<n).map { _ in rng.bernoulli(0.3) ? 1 : 0 })
        let y = try set.offPolicyLearning.criticTarget(rewards: rewards, nextValues: next, terminals: terminals,
                                                       timeouts: timeouts, discount: 0.97)
        let expected = (0..<n).map { i in Double(rewards[i, 0]) + 0.97 * (1 - Double(terminals[i, 0])) * Double(next[i, 0]) }
        try expect.close(y.scalars.map(Double.init), expected, tolerance: 1e-4,
                         "(50 random transitions, random terminals and timeouts, γ: 0.97)")
    },
    ExerciseCheck(id: "5.3h", lesson: 5, name: "qLearningUpdate", points: 1, visibility: .hidden) { set in
        let expect = Expect("5.3h", "qLearningUpdate")
        let value = try set.offPolicyLearning.qLearningUpdate(value: 2, reward: -1, nextValues: [.infinity, 3],
                                                              terminal: true, learningRate: 0.25, discount: 0.9)
        try expect.close(value, 1.25, "(Q: 2, r: −1, Q(s', ·): [+inf, 3], terminal, α: 0.25, γ: 0.9)",
                         hint: "a terminal transition must not read Q(s', ·) at all: 0 · ∞ is NaN")
    },
    ExerciseCheck(id: "5.4h", lesson: 5, name: "discountedReturns", points: 1, visibility: .hidden) { set in
        let expect = Expect("5.4h", "discountedReturns")
        let rewards = (0..<10_000).map { $0 % 2 == 0 ? 1.0 : -0.5 }
        let returns = try set.offPolicyLearning.discountedReturns(rewards: rewards, discount: 0.999)
        try expect.that(returns.count == rewards.count, "10 000 rewards gave \(returns.count) returns")
        // Σ_k γ^{2k} (1 − 0.5γ) over 5000 pairs.
        let g2 = 0.999 * 0.999
        let expected0 = (1 - 0.5 * 0.999) * (1 - pow(g2, 5000)) / (1 - g2)
        try expect.close(returns[0], expected0, tolerance: 1e-6, "(10 000 alternating rewards 1, −0.5, γ: 0.999) at t = 0")
        try expect.close(returns[9_999], -0.5, tolerance: 1e-12, "(same rewards) at the last step")
        try expect.close(returns[9_998], 1 - 0.5 * 0.999, tolerance: 1e-9, "(same rewards) at the step before the last")
    },
]
