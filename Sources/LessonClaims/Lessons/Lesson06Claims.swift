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
    /// The hopper's Final- and Concurrent-buffer claims are about lesson 5's default buffers (50 000 interacting steps)
    /// and decided on a run with at least this many seeds (`--seed-count 12`): on the lesson's default 4,
    /// one seed whose offline DDPG happens to underrate its policy, or whose BC happens to hop, decides
    /// the comparison (measured: 3 of 8 four-seed groups failed BCQ above BC).
    public static let hopperFinalSteps = 50_000
    public static let hopperFinalSeeds = 12
    /// What the study runs of the hopper's Final-buffer value claim measured.
    public static let hopperFinalValueStudy = "over 12 seeds per kernel (hopper-study, the lesson's configuration) offline "
        + "DDPG's log10(estimate / true value), capped at 1, was 0.77 ± 0.07 under Haswell, 0.78 ± 0.05 under SkylakeX and "
        + "0.70 ± 0.11 under Sandybridge (mean ± standard error; log10 2 = 0.30), BCQ's −0.17 ± 0.04, −0.22 ± 0.02 and "
        + "−0.17 ± 0.03: after 12 000 updates BCQ's critic still underrates its policy by about a third. On four seeds one "
        + "group of nine failed, through one Sandybridge seed whose offline DDPG underrated its policy"
    /// Why BCQ does not beat offline DDPG's return on the hopper's Final buffer at the default budget.
    public static let hopperFinalDDPGIssue = "at the default budget offline DDPG is not broken on this buffer, and BCQ "
        + "does not beat it: over 12 seeds per kernel (hopper-study) BCQ's return was 311 ± 67 against offline DDPG's "
        + "228 ± 50 under Haswell, 277 ± 19 against 261 ± 39 under SkylakeX, 221 ± 27 against 377 ± 118 under Sandybridge. "
        + "With 100 000 steps and 99 000 BCQ updates BCQ led on 5 seeds (674 ± 106 against 346 ± 74, "
        + "notes/hopper-study.md), a budget beyond the lesson's default"
    /// What the study runs of the hopper's Concurrent-buffer claims measured (filled in from the study).
    public static let hopperConcurrentValueStudy = "over 12 seeds per kernel (hopper-study, the lesson's configuration: 50 000 "
        + "steps, BCQ's 12 000 updates on the finished buffer) offline DDPG's log10(estimate / true value), capped at 1, was "
        + "1.00 ± 0.00 under Haswell, 0.96 ± 0.02 under SkylakeX and 0.96 ± 0.04 under Sandybridge (31 of 36 seeds at the "
        + "cap: more than ten times the true value), BCQ's −0.18 ± 0.02, −0.17 ± 0.02 and −0.16 ± 0.02 (mean ± standard "
        + "error): after 12 000 updates BCQ's critic still underrates its policy by about a third"
    /// BCQ's return against behavior cloning's on the hopper's Concurrent buffer: decided on 12 seeds, and each sample of
    /// 12 seeds measured so far went its own way (a study claim that holds on some samples, not on all).
    public static let hopperConcurrentBCStatus = Claim.Status.study(seeds: hopperFinalSeeds,
        "it held on 2 of the 4 samples of 12 seeds measured at the default budget, so the kit does not assert it: over "
        + "hopper-study's seeds 0–11 BCQ's return was 218 ± 14 against BC's 145 ± 42 under Haswell and 212 ± 17 against "
        + "174 ± 73 under SkylakeX (not above by two standard errors), 211 ± 16 against 98 ± 17 under Sandybridge (above); "
        + "over the lesson's own 12 seeds (`--seed-count 12`, Haswell) 209 ± 15 against 102 ± 18 (above). Orange's buffer "
        + "has little noise, so cloning it gives a fair policy on some seeds (BC's returns ran from 40 to 885 over hopper-study's "
        + "36 seeds, from 40 to 196 over the lesson's 12), while BCQ's stay within a few hundred (158 to 345, and 99 to 279): "
        + "a sample of 12 decides the claim by how many of BC's good seeds it draws")
    /// Why BCQ's return is not above offline DDPG's on the hopper's Concurrent buffer.
    public static let hopperConcurrentDDPGStatus = Claim.Status.knownIssue(
        "at the default budget offline DDPG is not broken in its return on this buffer, only in its estimate: over 12 "
        + "seeds per kernel (hopper-study) BCQ's return was 218 ± 14 against offline DDPG's 245 ± 69 under Haswell, "
        + "212 ± 17 against 167 ± 54 under SkylakeX, 211 ± 16 against 273 ± 76 under Sandybridge; offline DDPG's return "
        + "swung from 3 to 906 with the seed. With 100 000 steps and 30 000 BCQ updates BCQ led on 2 of 3 seeds "
        + "(notes/hopper-study.md)")
    /// What the study runs of the hopper's Final-buffer BC claim measured.
    public static let hopperFinalBCStudy = "over 12 seeds per kernel (hopper-study) BCQ's return was 311 ± 67 against BC's "
        + "88 ± 18 under Haswell, 277 ± 19 against 84 ± 22 under SkylakeX, 221 ± 27 against 65 ± 15 under Sandybridge "
        + "(mean ± standard error); on four seeds three groups of nine failed"
}

extension Lesson06Results.HopperComparison {
    /// Claim 6.hopperPhi's first half: BCQ's final return with Φ = 0.05 above its return with the constraint
    /// removed (`wide`), by half the expert's return, beyond two standard errors.
    public func constraintGain(over wide: WideBCQ) -> SeedComparison {
        SeedComparison(greater: bcqReturnPerSeed, than: wide.returnPerSeed, margin: SeedComparison.mean(expertReturnPerSeed) / 2)
    }

    /// Claim 6.hopperPhi's second half: the wide BCQ's final return below a tenth of the expert's (offline DDPG's
    /// level: 22–28 on average where the expert earns 2 360), beyond two standard errors.
    public func wideBelowTenth(_ wide: WideBCQ) -> SeedComparison {
        SeedComparison.less(wide.returnPerSeed, than: SeedComparison.mean(expertReturnPerSeed) / 10)
    }
}

/// The comparison on one of the hopper's noisy buffers (Final or Concurrent, read by `buffer`) of a default run with
/// enough seeds; otherwise the error that says why this run cannot decide a claim about it.
private func hopperStudyRun(_ r: Lesson06Results,
                            _ buffer: @Sendable (Lesson06Results) -> Lesson06Results.HopperComparison?) throws
    -> Lesson06Results.HopperComparison {
    guard let run = buffer(r) else {
        throw ClaimError.tooShortRuns(have: r.hopperEnvironmentSteps ?? 0, need: Lesson06Thresholds.hopperFinalSteps)
    }
    guard run.seeds >= Lesson06Thresholds.hopperFinalSeeds else {
        throw ClaimError.tooFewSeeds(have: run.seeds, need: Lesson06Thresholds.hopperFinalSeeds)
    }
    return run
}

/// log₁₀(estimate / true value) per seed, capped at one decade either way: +1 for a positive estimate
/// of a policy whose true value is not positive (a hopper that falls at once), −1 for an estimate that
/// is not positive of a policy that is worth something, 0 when neither is positive.
func cappedDecadesOverTruth(_ estimates: [Double], _ truths: [Double]) -> [Double] {
    zip(estimates, truths).map { q, v in
        switch (q > 0, v > 0) {
        case (true, true): Swift.min(Swift.max(log10(q / v), -1), 1)
        case (true, false): 1
        case (false, true): -1
        case (false, false): 0
        }
    }
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

private let lesson06FirstClaims: [Claim] = [
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
    Claim(lesson: 6, id: "hopperPhi", "hopper, the expert's buffer: with Φ = 1 instead of 0.05 BCQ loses its advantage and "
          + "falls to offline DDPG's level", of: Lesson06Results.self) { r, check in
        let hopper = try required(r.hopper, "hopper")
        let wide = try required(hopper.wideBCQ, "hopper.wideBCQ")
        check.seeds(hopper.constraintGain(over: wide),
                    "hopper, Imitation: BCQ's final return with Φ = 0.05 above Φ = \(wide.maxPerturbation)'s by half the expert's")
        check.seeds(hopper.wideBelowTenth(wide),
                    "hopper, Imitation: BCQ's final return with Φ = \(wide.maxPerturbation) below a tenth of the expert's")
    },
]

/// One hopper buffer whose claims are decided on default runs of 12 seeds: its name, where results.json keeps
/// it, and what the study runs measured for each claim.
private struct HopperStudyBuffer: Sendable {
    let name: String
    let path: @Sendable (Lesson06Results) -> Lesson06Results.HopperComparison?
    let value: String
    let bc: Claim.Status
    let ddpg: Claim.Status
}

/// The value, BC and DDPG claims on one of the hopper's noisy buffers.
private func hopperStudyClaims(_ buffer: HopperStudyBuffer) -> [Claim] {
    [
        Claim(lesson: 6, id: "hopper\(buffer.name)Value", "hopper, \(buffer.name) buffer: offline DDPG's estimate runs far above "
              + "its true value, BCQ's does not",
              status: .study(seeds: Lesson06Thresholds.hopperFinalSeeds, buffer.value),
              of: Lesson06Results.self) { r, check in
            let run = try hopperStudyRun(r, buffer.path)
            check.seeds(SeedComparison(greater: cappedDecadesOverTruth(run.ddpgEstimatePerSeed, run.ddpgTruthPerSeed),
                                       than: log10(2)),
                        "hopper, \(buffer.name): offline DDPG's log10(estimate / true value), capped at 1, above log10 2")
            check.seeds(SeedComparison.less(cappedDecadesOverTruth(run.bcqEstimatePerSeed, run.bcqTruthPerSeed),
                                            than: log10(2)),
                        "hopper, \(buffer.name): BCQ's log10(estimate / true value), capped at ±1, below log10 2")
        },
        Claim(lesson: 6, id: "hopper\(buffer.name)BC", "hopper, \(buffer.name) buffer: BCQ's return above behavior cloning's",
              status: buffer.bc, of: Lesson06Results.self) { r, check in
            let run = try hopperStudyRun(r, buffer.path)
            check.seeds(SeedComparison(greater: run.bcqReturnPerSeed, than: run.bcReturnPerSeed),
                        "hopper, \(buffer.name): BCQ's final return above BC's")
        },
        Claim(lesson: 6, id: "hopper\(buffer.name)DDPG", "hopper, \(buffer.name) buffer: BCQ's return above offline DDPG's",
              status: buffer.ddpg, of: Lesson06Results.self) { r, check in
            let run = try hopperStudyRun(r, buffer.path)
            check.seeds(SeedComparison(greater: run.bcqReturnPerSeed, than: run.ddpgReturnPerSeed),
                        "hopper, \(buffer.name): BCQ's final return above offline DDPG's")
        },
    ]
}

private let hopperFinalClaims = hopperStudyClaims(HopperStudyBuffer(
    name: "Final", path: { $0.hopperFinal }, value: Lesson06Thresholds.hopperFinalValueStudy,
    bc: .study(seeds: Lesson06Thresholds.hopperFinalSeeds, Lesson06Thresholds.hopperFinalBCStudy),
    ddpg: .knownIssue(Lesson06Thresholds.hopperFinalDDPGIssue)))

private let hopperConcurrentClaims = hopperStudyClaims(HopperStudyBuffer(
    name: "Concurrent", path: { $0.hopperConcurrent }, value: Lesson06Thresholds.hopperConcurrentValueStudy,
    bc: Lesson06Thresholds.hopperConcurrentBCStatus, ddpg: Lesson06Thresholds.hopperConcurrentDDPGStatus))

private let phiSweepClaims: [Claim] = [
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

/// Lesson 6's claims, in the lesson's order (the hopper's Final and Concurrent claims, decided on default runs of
/// 12 seeds, come after the claims decided on every run).
let lesson06Claims: [Claim] = lesson06FirstClaims + hopperFinalClaims + hopperConcurrentClaims + phiSweepClaims
