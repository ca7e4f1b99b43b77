import ExerciseAPI
import Foundation
import Numerics

/// The graded checks of lesson 4 (GAIL), visible to students.
let lesson04Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "4.1", lesson: 4, name: "discriminatorLoss", points: 3) { set in
        try checkDiscriminatorLoss(set.adversarialImitation)
    },
    ExerciseCheck(id: "4.2", lesson: 4, name: "gailReward", points: 2) { set in
        try checkGAILReward(set.adversarialImitation)
    },
    ExerciseCheck(id: "4.3", lesson: 4, name: "reinforceLoss", points: 2) { set in
        try checkReinforceLoss(set.adversarialImitation)
    },
    ExerciseCheck(id: "4.4", lesson: 4, name: "ppoClippedLoss", points: 3) { set in
        try checkPPOClippedLoss(set.adversarialImitation)
    },
    ExerciseCheck(id: "4.5", lesson: 4, name: "generalizedAdvantageEstimates", points: 3) { set in
        try checkGeneralizedAdvantageEstimates(set.adversarialImitation)
    },
]

// MARK: - Independent references (Double precision), used only to compute expected values.

/// The expected discriminator loss: mean softplus(−z_E) + mean softplus(z_π).
func lesson04ExpectedDiscriminatorLoss(_ expert: [Double], _ policy: [Double]) -> Double {
    expert.map { ReferenceMath.softplus(-$0) }.reduce(0, +) / Double(expert.count)
        + policy.map { ReferenceMath.softplus($0) }.reduce(0, +) / Double(policy.count)
}

/// The expected GAE, written as explicit sums over the rest of each episode (not a recursion).
func lesson04ExpectedAdvantages(rewards: [Double], values: [Double], nextValues: [Double],
                                terminated: [Bool], episodeEnds: [Bool], discount: Double, lambda: Double) -> [Double] {
    let n = rewards.count
    let deltas = (0..<n).map { t in rewards[t] + discount * (terminated[t] ? 0 : nextValues[t]) - values[t] }
    return (0..<n).map { t in
        var total = 0.0, weight = 1.0, k = t
        while k < n {
            total += weight * deltas[k]
            if episodeEnds[k] || terminated[k] { break }
            weight *= discount * lambda
            k += 1
        }
        return total
    }
}


/// Compares a 1×1 tensor's value and its gradient with respect to `inputs`.
func lesson04ExpectValueAndGradients(_ expect: Expect, _ loss: Tensor, _ call: String, expected: Double,
                                     inputs: [(String, Tensor, [Double])], tolerance: Double = 1e-4,
                                     mistakes: [KnownMistake] = []) throws {
    try expect.that(loss.rows == 1 && loss.cols == 1, "\(call) returned a \(loss.rows)×\(loss.cols) tensor, expected 1×1")
    try expect.close(Double(loss.scalar), expected, tolerance: tolerance, call, mistakes: mistakes)
    let gradients = loss.gradients(for: inputs.map(\.1))
    for (index, input) in inputs.enumerated() {
        let got = gradients[index].scalars.map(Double.init)
        // Name what the gradient shows: none at all (the graph was cut) or the opposite sign.
        let hint: String?
        if got.allSatisfy({ $0 == 0 }) && input.2.contains(where: { $0 != 0 }) {
            hint = "no gradient reaches \(input.0): did the loss keep its graph back to it?"
        } else if got.count == input.2.count && input.2.contains(where: { $0 != 0 })
                    && zip(got, input.2).allSatisfy({ abs($0 + $1) <= tolerance * max(1, abs($1)) }) {
            hint = "the gradient with respect to \(input.0) has the opposite sign: check the loss's sign and which inputs are labelled 1"
        } else {
            hint = nil
        }
        try expect.close(got, input.2, tolerance: tolerance, "\(call): gradient with respect to \(input.0)", hint: hint)
    }
}

// MARK: - 4.1

private func checkDiscriminatorLoss(_ f: any GAILExercises) throws {
    let expect = Expect("4.1", "discriminatorLoss")
    // Batches of different sizes and asymmetric logits, where each usual slip gives its own value.
    do {
        let (expert, policy): ([Double], [Double]) = ([2, -1], [0.5, 1, -3])
        let call = "discriminatorLoss(expertLogits: \(expert), policyLogits: \(policy))"
        let got = try f.discriminatorLoss(expertLogits: ReferenceMath.column(expert), policyLogits: ReferenceMath.column(policy))
        let right = lesson04ExpectedDiscriminatorLoss(expert, policy)
        let pooled = (expert.map { ReferenceMath.softplus(-$0) } + policy.map(ReferenceMath.softplus)).reduce(0, +)
            / Double(expert.count + policy.count)
        try expect.close(Double(got.scalar), right, call, mistakes: [
            KnownMistake(lesson04ExpectedDiscriminatorLoss(expert.map { -$0 }, policy.map { -$0 }),
                         "the labels are swapped: expert pairs take label 1 (−log D = softplus(−z)), the policy's pairs "
                         + "label 0 (−log(1 − D) = softplus(z))"),
            KnownMistake(pooled, "average each batch on its own, then add the two means (not one mean over both batches)"),
            KnownMistake(-right, "the sign: L_D = −mean log D − mean log(1 − D) is minimised and never negative"),
        ])
    }
    let cases: [([Double], [Double])] = [([0], [0]), ([2, -1], [0.5]), ([3], [-3, 1, 0.25]),
                                         ([100], [-100]), ([-100, 40], [100, -60])]
    for (expert, policy) in cases {
        let zE = ReferenceMath.column(expert), zP = ReferenceMath.column(policy)
        let call = "discriminatorLoss(expertLogits: \(expert), policyLogits: \(policy))"
        let loss = try f.discriminatorLoss(expertLogits: zE, policyLogits: zP)
        let gradE = expert.map { -(1 - ReferenceMath.sigmoid($0)) / Double(expert.count) }
        let gradP = policy.map { ReferenceMath.sigmoid($0) / Double(policy.count) }
        try expect.that(loss.scalar.isFinite, "\(call) gave \(loss.scalar): compute it from softplus, never log(σ(z))")
        try lesson04ExpectValueAndGradients(expect, loss, call, expected: lesson04ExpectedDiscriminatorLoss(expert, policy),
                                            inputs: [("expertLogits", zE, gradE), ("policyLogits", zP, gradP)])
    }
    let low = try f.discriminatorLoss(expertLogits: ReferenceMath.column([4]), policyLogits: ReferenceMath.column([-4])).scalar
    let high = try f.discriminatorLoss(expertLogits: ReferenceMath.column([-4]), policyLogits: ReferenceMath.column([4])).scalar
    try expect.that(low < high, "the loss should be small when D → 1 on expert pairs (z_E = 4, z_π = −4: got \(low)) "
                    + "and large when it is the other way round (got \(high)); check the convention")
    try expect.throwsError("discriminatorLoss with a 2×2 expertLogits tensor") {
        _ = try f.discriminatorLoss(expertLogits: Tensor(Matrix([[1, 2], [3, 4]])), policyLogits: ReferenceMath.column([0]))
    }

    // Behaviour: a logistic-regression discriminator trained with this loss tells x ~ N(1, 0.5²)
    // (expert) from x ~ N(−1, 0.5²) (policy), with D → 1 on the expert side.
    var rng = RandomSource(seed: 41)
    let expertX = Matrix(columnVector: (0..<128).map { _ in rng.normal(mean: Float(1), std: 0.5) })
    let policyX = Matrix(columnVector: (0..<128).map { _ in rng.normal(mean: Float(-1), std: 0.5) })
    let w = Tensor(Matrix(scalar: 0)), b = Tensor(Matrix(scalar: 0))
    for _ in 0..<200 {
        let loss = try f.discriminatorLoss(expertLogits: Tensor(expertX) * w + b, policyLogits: Tensor(policyX) * w + b)
        let g = loss.gradients(for: [w, b])
        w.assign(w.value - g[0] * 0.5)
        b.assign(b.value - g[1] * 0.5)
    }
    let dExpert = (expertX * w.value.scalar + b.value.scalar).map(stableSigmoid).mean()
    let dPolicy = (policyX * w.value.scalar + b.value.scalar).map(stableSigmoid).mean()
    try expect.that(dExpert > 0.85 && dPolicy < 0.15,
                    "a 1-D logistic discriminator trained with your loss should give D ≈ 1 on expert samples and ≈ 0 on "
                    + "policy samples; it gave mean D = \(dExpert) on expert, \(dPolicy) on policy")
}

// MARK: - 4.2

private func checkGAILReward(_ f: any GAILExercises) throws {
    let expect = Expect("4.2", "gailReward")
    let logits: [Double] = [0, 3, -2, 0.5, 100, -100, 30, -30]
    let logD = try f.gailReward(logits: logits.map(Float.init), form: .logD).map(Double.init)
    try expect.close(logD, logits.map { -ReferenceMath.softplus(-$0) }, "gailReward(logits: \(logits), form: .logD)",
                     hint: zip(logD, logits).allSatisfy { abs($0 - ReferenceMath.softplus(-$1)) < 1e-4 }
                        ? "the sign: log D = log σ(z) = −softplus(−z) is ≤ 0" : "log D = log σ(z) = −softplus(−z)")
    let bonus = try f.gailReward(logits: logits.map(Float.init), form: .negativeLogOneMinusD).map(Double.init)
    try expect.close(bonus, logits.map(ReferenceMath.softplus), "gailReward(logits: \(logits), form: .negativeLogOneMinusD)",
                     hint: zip(bonus, logits).allSatisfy { abs($0 + ReferenceMath.softplus($1)) < 1e-4 }
                        ? "the sign: −log(1 − D) = softplus(z) is ≥ 0" : "−log(1 − D) = −log(1 − σ(z)) = softplus(z)")
    try expect.that(logD.allSatisfy { $0.isFinite && $0 <= 0 }, "log D must be finite and ≤ 0 for every logit, got \(logD)")
    try expect.that(bonus.allSatisfy { $0.isFinite && $0 >= 0 }, "−log(1 − D) must be finite and ≥ 0 for every logit, got \(bonus)")
    let empty = try f.gailReward(logits: [], form: .logD)
    try expect.that(empty.isEmpty, "gailReward(logits: [], form: .logD) should be empty, got \(empty)")
}

// MARK: - 4.3

private func checkReinforceLoss(_ f: any GAILExercises) throws {
    let expect = Expect("4.3", "reinforceLoss")
    let cases: [([Double], [Double], [Double])] = [([-1, -2], [3, 1], [1, 1]), ([-0.5], [2], [0]),
                                                   ([-1, -1, -3], [0, 5, -2], [1, 1, 1])]
    for (logp, returns, baselines) in cases {
        let lp = ReferenceMath.column(logp)
        let n = Double(logp.count)
        let call = "reinforceLoss(logProbabilities: \(logp), returns: \(returns), baselines: \(baselines))"
        let loss = try f.reinforceLoss(logProbabilities: lp, returns: returns.map(Float.init), baselines: baselines.map(Float.init))
        let weights = zip(returns, baselines).map { $0 - $1 }
        let expected = -zip(logp, weights).map { $0 * $1 }.reduce(0, +) / n
        let noBaseline = -zip(logp, returns).map { $0 * $1 }.reduce(0, +) / n
        let plusBaseline = -zip(logp, zip(returns, baselines).map { $0 + $1 }).map { $0 * $1 }.reduce(0, +) / n
        try lesson04ExpectValueAndGradients(expect, loss, call, expected: expected,
                                            inputs: [("logProbabilities", lp, weights.map { -$0 / n })],
                                            mistakes: [KnownMistake(-expected, "the sign: minimise −mean log π·(G − b)"),
                                                       KnownMistake(n * expected, "average over the N samples (1/N), do not sum"),
                                                       KnownMistake(noBaseline, "subtract the baseline: the weight is G − b"),
                                                       KnownMistake(plusBaseline, "subtract the baseline: the weight is G − b, not G + b")])
    }
    try expect.throwsError("reinforceLoss with 2 log-probabilities and 3 returns") {
        _ = try f.reinforceLoss(logProbabilities: ReferenceMath.column([-1, -1]), returns: [1, 2, 3], baselines: [0, 0])
    }

    // Behaviour: REINFORCE with a mean baseline moves a Gaussian policy's mean towards the
    // reward's peak, r(a) = −(a − 2)², from μ = 0 with σ = 0.5.
    var rng = RandomSource(seed: 43)
    let mu = Tensor(Matrix(scalar: 0))
    let sigma: Float = 0.5
    for _ in 0..<200 {
        let actions = (0..<64).map { _ in mu.value.scalar + sigma * rng.normal(mean: Float(0), std: 1) }
        let rewards = actions.map { -($0 - 2) * ($0 - 2) }
        let baseline = rewards.reduce(0, +) / Float(rewards.count)
        let z = (Tensor(Matrix(columnVector: actions)) - mu) / sigma
        let logp = square(z) * -0.5
        let loss = try f.reinforceLoss(logProbabilities: logp, returns: rewards,
                                       baselines: [Float](repeating: baseline, count: rewards.count))
        mu.assign(mu.value - loss.gradient(for: mu) * 0.01)
    }
    try expect.that(abs(mu.value.scalar - 2) < 0.3,
                    "REINFORCE with your loss should move the policy mean from 0 to the reward peak at 2; it reached \(mu.value.scalar)")
}

// MARK: - 4.4

private func checkPPOClippedLoss(_ f: any GAILExercises) throws {
    let expect = Expect("4.4", "ppoClippedLoss")
    let eps = 0.2
    // (log π, log π_old, A): ratios inside and outside the clip range, positive and negative A.
    let logp: [Double] = [0, 0.5, -0.5, 0.1, 0.5, -0.5]
    let old: [Double] = [0, 0, 0, 0, 0, 0]
    try checkPPOWithOldLogProbabilities(f, expect)
    let advantages: [Double] = [1, 2, 1, -1, -1, -3]
    let lp = ReferenceMath.column(logp)
    let n = Double(logp.count)
    var expected = 0.0
    var gradient = [Double]()
    for i in logp.indices {
        let ratio = exp(logp[i] - old[i])
        let clipped = min(max(ratio, 1 - eps), 1 + eps)
        let unclippedTerm = ratio * advantages[i], clippedTerm = clipped * advantages[i]
        expected -= min(unclippedTerm, clippedTerm) / n
        let useUnclipped = unclippedTerm <= clippedTerm
        gradient.append(useUnclipped ? -ratio * advantages[i] / n : 0)
    }
    let call = "ppoClippedLoss(logProbabilities: \(logp), oldLogProbabilities: \(old), advantages: \(advantages), clipRange: \(eps))"
    let loss = try f.ppoClippedLoss(logProbabilities: lp, oldLogProbabilities: old.map(Float.init),
                                    advantages: advantages.map(Float.init), clipRange: Float(eps))
    let logClipped = -logp.indices.map { i in
        let ratio = exp(logp[i] - old[i])
        return min(ratio * advantages[i], exp(min(max(logp[i] - old[i], -eps), eps)) * advantages[i])
    }.reduce(0, +) / n
    try lesson04ExpectValueAndGradients(expect, loss, call, expected: expected,
                                        inputs: [("logProbabilities", lp, gradient)],
                                        mistakes: [KnownMistake(logClipped, "clip the ratio itself into [1 − ε, 1 + ε], not the log-ratio into [−ε, ε]")])
    try expect.throwsError("ppoClippedLoss with clipRange 0") {
        _ = try f.ppoClippedLoss(logProbabilities: ReferenceMath.column([0]), oldLogProbabilities: [0], advantages: [1], clipRange: 0)
    }
    try expect.throwsError("ppoClippedLoss with 1 log-probability and 2 advantages") {
        _ = try f.ppoClippedLoss(logProbabilities: ReferenceMath.column([0]), oldLogProbabilities: [0], advantages: [1, 2], clipRange: 0.2)
    }

    // Behaviour: descending the clipped loss on one sample moves the ratio to the edge of the
    // clip range and stops there: up to 1 + ε for A > 0, down to 1 − ε for A < 0.
    for (advantage, edge) in [(Float(1), Float(1.2)), (Float(-1), Float(0.8))] {
        let theta = Tensor(Matrix(scalar: 0))
        for _ in 0..<400 {
            let loss = try f.ppoClippedLoss(logProbabilities: theta, oldLogProbabilities: [0], advantages: [advantage], clipRange: 0.2)
            theta.assign(theta.value - loss.gradient(for: theta) * 0.01)
        }
        let ratio = Foundation.exp(theta.value.scalar)
        try expect.that(abs(ratio - edge) < 0.02,
                        "with advantage \(advantage), gradient steps on your loss should move the ratio π/π_old from 1 to "
                        + "the clip edge \(edge) and stop; it ended at \(ratio)")
    }
}

/// PPO's loss where π_old differs from sample to sample, so that a ratio that ignores it, inverts it
/// or skips the exponential gives a value of its own.
private func checkPPOWithOldLogProbabilities(_ f: any GAILExercises, _ expect: Expect) throws {
    let eps = 0.2
    let logp: [Double] = [-1.0, -0.4, -2.3, -0.7, -1.2]
    let old: [Double] = [-1.1, -0.9, -2.2, -0.5, -1.2]
    let advantages: [Double] = [1.5, -0.5, 2, -1, 0.7]
    func loss(_ ratio: (Double, Double) -> Double, combine: (Double, Double) -> Double = { min($0, $1) },
              clip: (Double) -> Double = { min(max($0, 1 - eps), 1 + eps) }) -> Double {
        -logp.indices.map { i in
            let r = ratio(logp[i], old[i])
            return combine(r * advantages[i], clip(r) * advantages[i])
        }.reduce(0, +) / Double(logp.count)
    }
    let expected = loss { exp($0 - $1) }
    let got = try f.ppoClippedLoss(logProbabilities: ReferenceMath.column(logp), oldLogProbabilities: old.map(Float.init),
                                   advantages: advantages.map(Float.init), clipRange: Float(eps))
    try expect.close(Double(got.scalar), expected,
                     "ppoClippedLoss(logProbabilities: \(logp), oldLogProbabilities: \(old), advantages: \(advantages), clipRange: \(eps))",
                     mistakes: [
                        KnownMistake(loss { l, _ in exp(l) }, "the ratio is π_θ/π_old = exp(log π_θ − log π_old): oldLogProbabilities is ignored"),
                        KnownMistake(loss { exp($1 - $0) }, "the ratio is inverted: ρ = exp(log π_θ − log π_old), not π_old/π_θ"),
                        KnownMistake(loss { $0 - $1 }, "the ratio is exp(log π_θ − log π_old), not the difference of the log-probabilities"),
                        KnownMistake(loss({ exp($0 - $1) }, combine: { max($0, $1) }), "take the min of the two terms (the pessimistic bound), not the max"),
                        KnownMistake(loss({ exp($0 - $1) }, combine: { $1 }), "take the min of the unclipped and the clipped term, not the clipped term alone"),
                        KnownMistake(loss({ exp($0 - $1) }, combine: { u, _ in u }), "clip the ratio into [1 − ε, 1 + ε]: this is the unclipped surrogate"),
                        KnownMistake(-expected, "the sign: the loss to minimise is the negated surrogate"),
                        KnownMistake(loss({ exp($0 - $1) }, clip: { exp(min(max(log($0), -eps), eps)) }),
                                     "clip the ratio itself into [1 − ε, 1 + ε], not the log-ratio into [−ε, ε]"),
                     ])
}

// MARK: - 4.5

private func checkGeneralizedAdvantageEstimates(_ f: any GAILExercises) throws {
    let expect = Expect("4.5", "generalizedAdvantageEstimates")
    // Three episodes in one batch: the first terminates after 3 steps; the second is cut off by a
    // time limit after 2 (its last next state keeps its value 4, and nothing of the third episode
    // may leak into it); the third is cut by the end of the batch after 1 step.
    let rewards: [Double] = [1, 0, 2, 1, 1, 3]
    let values: [Double] = [0.5, 1, -1, 2, 3, 0]
    let nextValues: [Double] = [1, -1, 7, 3, 4, 2]
    let terminated = [false, false, true, false, false, false]
    let ends = [false, false, true, false, true, true]
    for (gamma, lambda) in [(0.9, 0.95), (0.99, 1.0), (0.5, 0.0), (1.0, 1.0)] {
        let call = "generalizedAdvantageEstimates(rewards: \(rewards), values: \(values), nextValues: \(nextValues), "
            + "terminated: \(terminated), episodeEnds: \(ends), discount: \(gamma), lambda: \(lambda))"
        let got = try f.generalizedAdvantageEstimates(
            rewards: rewards.map(Float.init), values: values.map(Float.init), nextValues: nextValues.map(Float.init),
            terminated: terminated, episodeEnds: ends, discount: Float(gamma), lambda: Float(lambda))
        let expected = lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues,
                                                  terminated: terminated, episodeEnds: ends, discount: gamma, lambda: lambda)
        let noEnds = [Bool](repeating: false, count: ends.count)
        let slips: [(values: [Double], hint: String)] = [
            (lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues, terminated: zip(terminated, ends).map { $0 || $1 },
                                        episodeEnds: ends, discount: gamma, lambda: lambda),
             "an episode cut off by a time limit is not terminated: its next state keeps its value (bootstrap from nextValues)"),
            (lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues, terminated: terminated,
                                        episodeEnds: noEnds, discount: gamma, lambda: lambda),
             "an episode end stops A_{t+1} from leaking back into the previous episode"),
            (lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues, terminated: terminated,
                                        episodeEnds: ends, discount: gamma, lambda: 1),
             "A_t = δ_t + γλ A_{t+1}: λ is missing"),
            (lesson04ExpectedAdvantages(rewards: rewards, values: values.map { _ in 0 }, nextValues: nextValues, terminated: terminated,
                                        episodeEnds: ends, discount: gamma, lambda: lambda),
             "δ_t = r_t + γ (1 − terminated_t) V(s_{t+1}) − V(s_t): the − V(s_t) is missing"),
            (lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues, terminated: noEnds,
                                        episodeEnds: ends, discount: gamma, lambda: lambda),
             "a terminated transition has no value after it: δ_t = r_t − V(s_t) there (no bootstrap)"),
        ]
        try expect.close(got.map(Double.init), expected, call, mistakes: slips,
                         hint: "a terminal next state has no value; an episode end stops A_{t+1} from leaking back")
    }
    // λ = 1 with zero values: discounted returns-to-go within each episode.
    let returns = try f.generalizedAdvantageEstimates(rewards: [1, 1, 1, 5], values: [0, 0, 0, 0], nextValues: [0, 0, 0, 0],
                                                      terminated: [false, true, false, true], episodeEnds: [false, true, false, true],
                                                      discount: 0.5, lambda: 1)
    try expect.close(returns.map(Double.init), [1.5, 1, 3.5, 5],
                     "returns-to-go: rewards [1, 1, 1, 5], episodes end after steps 2 and 4, γ = 0.5, λ = 1, V = 0")
    let empty = try f.generalizedAdvantageEstimates(rewards: [], values: [], nextValues: [], terminated: [], episodeEnds: [],
                                                    discount: 0.99, lambda: 0.95)
    try expect.that(empty.isEmpty, "an empty batch should give no advantages, got \(empty)")
    try expect.throwsError("generalizedAdvantageEstimates with 3 rewards and 2 values") {
        _ = try f.generalizedAdvantageEstimates(rewards: [1, 2, 3], values: [0, 0], nextValues: [0, 0, 0],
                                                terminated: [false, false, true], episodeEnds: [false, false, true],
                                                discount: 0.9, lambda: 0.9)
    }
}
