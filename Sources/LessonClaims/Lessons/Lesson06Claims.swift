import Foundation
import Numerics

/// Lesson 6's claims: tabular BCQ, continuous BCQ against offline DDPG and BC, and the Φ sweep.
public enum Lesson06Thresholds {
    /// "Well above": BCQ's final return at least this much over offline DDPG's (Pendulum's returns run
    /// from about −1600 for a policy that never swings up to about −150 for a solved task).
    public static let wellAbove = 500.0
    /// "Above": BCQ's final return at least this much over behavior cloning's on a noisy buffer.
    public static let aboveBC = 150.0
    /// "At least as good as": no more than this below BC's, the spread of one policy's 10-episode
    /// evaluation over seeds (the Imitation expert's is about 25–30).
    public static let evaluationNoise = 30.0
}

/// The comparison on each of lesson 5's buffers.
private typealias Buffers = Lesson06Results.PerBuffer<Lesson06Results.BufferComparison>

/// The comparison on one buffer, or an error naming the missing part.
private func buffer(_ r: Lesson06Results, _ buffer: KeyPath<Buffers, Lesson06Results.BufferComparison>) throws
    -> Lesson06Results.BufferComparison {
    try required(r.comparison, "comparison").buffers[keyPath: buffer]
}

/// A learner's final value estimate, or an error naming the learner that has none.
private func value(_ learner: Lesson06Results.Learner, _ name: String) throws -> Lesson06Results.ValueEstimate {
    try required(learner.finalValue, "\(name).finalValue")
}

/// The quick runs `robustness` counted for the claims that hold on some runs but not 29 of 30.
private let runs = "quick runs (base seeds 0–9 × the Haswell, SkylakeX and Sandybridge kernels; one training seed, "
    + "5 000 BCQ updates each)"

let lesson06Claims: [Claim] = [
    Claim(lesson: 6, id: "tabular", "tabular: BCQ finds the best batch-supported policy, Q-learning on the same batch does not",
          status: .reported("held on 27 of 30 \(runs): on the batch of base seed 8 Q-learning's greedy policy also finds "
                            + "the best path, on every kernel"), of: Lesson06Results.self) { r, check in
        let tabular = try required(r.tabular, "tabular")
        let best = tabular.bestSupportedReturn
        let bcq = tabular.bcq.discountedReturn, qLearning = tabular.qLearning.discountedReturn
        check.less(abs(bcq - best), than: 1e-9, "BCQ's greedy policy earns the best batch-supported return, |BCQ − best|")
        check.greater(best - qLearning, than: 0.1, "Q-learning's greedy policy falls short, best − Q-learning")
        check.that(tabular.bcq.untriedMovesOnPath == 0, "BCQ only takes the batch's moves")
        check.greater(Double(tabular.qLearning.untriedChoices), than: 0, "Q-learning picks moves the batch never tried")
        check.less(abs(tabular.bcq.startEstimate - bcq), than: 1e-6, "BCQ's value of its start is exact")
        check.greater(tabular.qLearning.startEstimate - qLearning, than: 0.1,
                      "Q-learning overrates its start (extrapolation error)")
    },
    Claim(lesson: 6, id: "imitationDDPG", "Imitation: BCQ's return is well above offline DDPG's",
          status: .reported("held on 29 of 30 \(runs): with one training seed, a BCQ run that fails decides it"),
          of: Lesson06Results.self) { r, check in
        let imitation = try buffer(r, \.imitation)
        check.greater(imitation.bcq.finalReturn.mean - imitation.ddpg.finalReturn.mean, than: Lesson06Thresholds.wellAbove,
                      "Imitation: BCQ − offline DDPG final return")
    },
] + [("final", \Buffers.final), ("concurrent", \Buffers.concurrent)].map { setting, path in
    Claim(lesson: 6, id: "\(setting)DDPG", "\(setting == "final" ? "Final buffer" : "Concurrent"): BCQ well above offline DDPG",
          status: .knownIssue("on Pendulum at the kit's scale this buffer covers offline DDPG's actions (lesson 5's known issue)"),
          of: Lesson06Results.self) { r, check in
        let outcome = try buffer(r, path)
        check.greater(outcome.bcq.finalReturn.mean - outcome.ddpg.finalReturn.mean, than: Lesson06Thresholds.wellAbove,
                      "\(setting): BCQ − offline DDPG final return")
    }
} + [("final", \Buffers.final), ("concurrent", \Buffers.concurrent), ("imitation", \Buffers.imitation)].map { setting, path in
    Claim(lesson: 6, id: "bc.\(setting)", "\(setting): BCQ at least as good as BC\(setting == "imitation" ? "" : ", and above it on this noisy buffer")",
          status: setting == "imitation" ? .reported("held on 23 of 30 \(runs)") : .asserted, of: Lesson06Results.self) { r, check in
        let outcome = try buffer(r, path)
        let bcq = outcome.bcq.finalReturn.mean, bc = outcome.bc.finalReturn.mean
        check.atLeast(bcq - bc, -Lesson06Thresholds.evaluationNoise, "\(setting): BCQ − BC final return, within evaluation noise")
        if setting != "imitation" {
            check.greater(bcq - bc, than: Lesson06Thresholds.aboveBC, "\(setting): BCQ − BC final return")
        }
    }
} + [
    Claim(lesson: 6, id: "values", "BCQ's value estimate stays near the true value where offline DDPG's runs far above it",
          status: .reported("held on 15 of 30 \(runs): BCQ's estimate is often further than 35% from its true value "
                            + "after 5 000 updates"), of: Lesson06Results.self) { r, check in
        let imitation = try buffer(r, \.imitation)
        let bcq = try value(imitation.bcq, "imitation.bcq"), ddpg = try value(imitation.ddpg, "imitation.ddpg")
        let bcqError = abs(bcq.estimate - bcq.truth), ddpgError = ddpg.estimate - ddpg.truth
        check.atMost(bcqError, 0.35 * abs(bcq.truth), "Imitation: BCQ's |estimate − truth| vs 35% of the truth")
        check.less(bcqError, than: 0.2 * ddpgError, "BCQ's error vs a fifth of offline DDPG's")
        for (setting, path) in [("final", \Buffers.final), ("concurrent", \Buffers.concurrent)] {
            let v = try value(try buffer(r, path).bcq, "\(setting).bcq")
            check.less(v.estimate - v.truth, than: 0.5 * ddpgError, "\(setting): BCQ's overestimation vs half of DDPG's on Imitation")
        }
    },
    Claim(lesson: 6, id: "hopperImitation", "hopper, the expert's buffer: BCQ far above offline DDPG",
          of: Lesson06Results.self) { r, check in
        let hopper = try required(r.hopper, "hopper")
        // "Far above": by more than half of the expert's return (about 1 200 of its 2 360).
        let half = SeedComparison.mean(hopper.expertReturnPerSeed) / 2
        check.seeds(SeedComparison(greater: hopper.bcqReturnPerSeed, than: hopper.ddpgReturnPerSeed, margin: half),
                    "hopper, Imitation: BCQ's final return above offline DDPG's by half the expert's")
    },
    Claim(lesson: 6, id: "phiSweep", "the Φ sweep: small Φ imitates the generative model, large Φ drifts towards DDPG",
          status: .reported("held on 23 of 30 \(runs)"), of: Lesson06Results.self) { r, check in
        let sweep = try required(r.sweep, "sweep")
        guard let low = sweep.phis.min(), let high = sweep.phis.max() else { check.that(false, "the sweep has no Φ"); return }
        let lowPoint = try required(sweep.buffers.imitation.point(phi: low), "sweep.buffers.imitation, Φ = \(low)")
        let highPoint = try required(sweep.buffers.imitation.point(phi: high), "sweep.buffers.imitation, Φ = \(high)")
        let ddpg = try buffer(r, \.imitation).ddpg.finalReturn.mean
        let lowReturn = lowPoint.finalReturn, highReturn = highPoint.finalReturn
        check.greater(lowReturn - highReturn, than: Lesson06Thresholds.wellAbove, "large Φ loses BCQ's advantage, return(Φ \(low)) − return(Φ \(high))")
        check.less(abs(highReturn - ddpg), than: 0.3 * abs(ddpg), "with Φ \(high) BCQ performs like offline DDPG, |difference|")
        check.greater(highPoint.overestimation - lowPoint.overestimation, than: 200,
                      "large Φ brings DDPG's overestimation back")
        let lowDistance = lowPoint.distanceFromModel, highDistance = highPoint.distanceFromModel
        check.less(lowDistance, than: 0.1, "with Φ \(low) BCQ's action is the generative model's, distance")
        check.greater(highDistance, than: 3 * lowDistance + 0.2, "large Φ moves BCQ away from the generative model, distance")
    },
]
