import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 4 (GAIL): kept out of the student handout.
let lesson04HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "4.1h", lesson: 4, name: "discriminatorLoss", points: 1, visibility: .hidden) { set in
        let f = set.adversarialImitation
        let expect = Expect("4.1h", "discriminatorLoss")
        var rng = RandomSource(seed: 404)
        // Unequal batch sizes (the two means must be taken separately) and logits over many scales.
        let expert = (0..<37).map { _ in rng.normal(mean: 0.0, std: 1.0) * pow(10.0, rng.uniform(-1.0, 2.0)) }
        let policy = (0..<11).map { _ in rng.normal(mean: 0.0, std: 1.0) * pow(10.0, rng.uniform(-1.0, 2.0)) }
        let loss = try f.discriminatorLoss(expertLogits: ReferenceMath.column(expert), policyLogits: ReferenceMath.column(policy))
        try expect.close(Double(loss.scalar), lesson04ExpectedDiscriminatorLoss(expert.map { Double(Float($0)) },
                                                                               policy.map { Double(Float($0)) }),
                         tolerance: 1e-4, "discriminatorLoss on 37 expert and 11 policy logits of size up to 100",
                         hint: "average each term over its own batch")
    },
    ExerciseCheck(id: "4.2h", lesson: 4, name: "gailReward", points: 1, visibility: .hidden) { set in
        let f = set.adversarialImitation
        let expect = Expect("4.2h", "gailReward")
        // log D − log(1 − D) is the logit itself: the two rewards differ by exactly z.
        let logits: [Float] = [-80, -7.5, -0.01, 0, 0.01, 7.5, 80]
        let penalty = try f.gailReward(logits: logits, form: .logD)
        let bonus = try f.gailReward(logits: logits, form: .negativeLogOneMinusD)
        try expect.close(zip(bonus, penalty).map { Double($0 + $1) }, logits.map(Double.init), tolerance: 1e-4,
                         "log D(z) + (−log(1 − D(z))) for z in \(logits)", hint: "the two rewards must add up to the logit z")
    },
    ExerciseCheck(id: "4.5h", lesson: 4, name: "generalizedAdvantageEstimates", points: 1, visibility: .hidden) { set in
        let f = set.adversarialImitation
        let expect = Expect("4.5h", "generalizedAdvantageEstimates")
        var rng = RandomSource(seed: 405)
        let n = 200
        let rewards = (0..<n).map { _ in Double(Float(rng.normal(mean: 0.0, std: 1.0))) }
        let values = (0..<n).map { _ in Double(Float(rng.normal(mean: 0.0, std: 1.0))) }
        let nextValues = (0..<n).map { _ in Double(Float(rng.normal(mean: 0.0, std: 1.0))) }
        let terminated = (0..<n).map { _ in rng.bernoulli(0.03) }
        let ends = terminated.indices.map { terminated[$0] || rng.bernoulli(0.03) || $0 == n - 1 }
        let got = try f.generalizedAdvantageEstimates(
            rewards: rewards.map(Float.init), values: values.map(Float.init), nextValues: nextValues.map(Float.init),
            terminated: terminated, episodeEnds: ends, discount: 0.97, lambda: 0.9)
        let expected = lesson04ExpectedAdvantages(rewards: rewards, values: values, nextValues: nextValues,
                                                  terminated: terminated, episodeEnds: ends, discount: 0.97, lambda: 0.9)
        try expect.close(got.map(Double.init), expected, tolerance: 1e-3,
                         "a random batch of 200 transitions with terminations and time-limit cut-offs (γ = 0.97, λ = 0.9)")
    },
]
