import Foundation
import Numerics

/// Lesson 5's claims: off-policy RL on a fixed batch fails (agents orange and blue), and the tabular
/// picture of extrapolation error.
enum Lesson05Thresholds {
    /// "Far below": blue's final return at least this much under orange's (Pendulum's returns run from
    /// about −1500 for a policy that never swings up to about −150 for a solved task).
    static let farBelow = 300.0
    /// "Far above": blue's final value estimate at least this much over the true value of its policy.
    static let farAbove = 200.0
    /// The hopper's Final buffer runs at the default setting only (50 000 interacting steps); its claim
    /// is decided on such a run with at least this many seeds (`--seed-count 12`): on the default 4, one
    /// seed whose blue happens to underrate its policy decides it (measured: one four-seed group of nine).
    static let hopperFinalSteps = 50_000
    static let hopperFinalSeeds = 12
    /// What the study runs of the hopper's Final-buffer value claim measured.
    static let hopperFinalValueStudy = "over 12 seeds per kernel (hopper-study, the lesson's configuration) blue's "
        + "log10(estimate / true value), capped at 1, was 0.77 ± 0.07 under Haswell, 0.78 ± 0.05 under SkylakeX and "
        + "0.70 ± 0.11 under Sandybridge (mean ± standard error; log10 2 = 0.30); on four seeds one group of nine failed, "
        + "through one Sandybridge seed whose blue underrated its policy"
    /// What the study runs of the hopper's Concurrent value claim measured (at the default 50 000 steps; at 20 000,
    /// `--quick`'s budget until session 16, it held on 25 of 30 quick runs of 4 seeds, because blue's critic had
    /// diverged on only some seeds, so `--quick` no longer runs the Concurrent buffer).
    static let hopperConcurrentValueStudy = "over 12 seeds per kernel at the default 50 000 steps (hopper-study, the "
        + "lesson's configuration) blue's log10(estimate / true value), capped at 1, was 1.00 ± 0.00 under Haswell, "
        + "0.96 ± 0.02 under SkylakeX and 0.96 ± 0.04 under Sandybridge, orange's 0.46 ± 0.04, 0.54 ± 0.05 and 0.64 ± 0.04 "
        + "(mean ± standard error; log10 2 = 0.30): blue above orange by 0.31 to 0.53 decades under each kernel. At "
        + "20 000 steps it held on 25 of 30 quick runs of 4 seeds, blue's critic having diverged on some seeds only"
    /// What the four samples of 12 seeds at the default budget measured for the hopper's Concurrent return claim.
    static let hopperConcurrentReturnStudy = "held on 1 of 4 samples of 12 seeds at the default 50 000 steps: "
        + "hopper-study's seeds 0–11 held it under SkylakeX (orange 463 ± 112 against blue 167 ± 54, mean ± standard error) "
        + "but not under Haswell (435 ± 72 against 245 ± 69) nor Sandybridge (322 ± 55 against 273 ± 76), and the lesson's "
        + "own 12 seeds under Haswell did not hold it (328 ± 31 against 237 ± 54): blue ends below orange on most seeds, "
        + "but a blue whose critic has not diverged often ends level with orange or above it"

    /// The hopper's Concurrent buffer of `hopper`, when the run can decide its study claims: at least
    /// ``hopperFinalSteps`` interacting steps (`--quick` runs no Concurrent buffer) and ``hopperFinalSeeds`` seeds.
    static func studiedConcurrent(_ hopper: Lesson05Results.HopperExperiment) throws -> Lesson05Results.Setting {
        guard hopper.environmentSteps >= hopperFinalSteps, let concurrent = hopper.concurrent else {
            throw ClaimError.tooShortRuns(have: hopper.environmentSteps, need: hopperFinalSteps)
        }
        guard hopper.seeds >= hopperFinalSeeds else {
            throw ClaimError.tooFewSeeds(have: hopper.seeds, need: hopperFinalSeeds)
        }
        return concurrent
    }
}

/// log₁₀(estimate / true value) per seed, capped at one decade. "Far above" asks for at least a factor
/// 2 on every seed; a seed whose critic diverged (3–4 decades on the hopper) supports that and more, but
/// uncapped it would widen the spread over seeds against the claim it supports (measured: one base seed of
/// thirty, SkylakeX 2, failed uncapped with every seed above 0.6 decades). +∞ (a positive estimate of a
/// policy worth nothing or less) becomes 1; NaN stays NaN.
func cappedDecades(_ decades: [Double]) -> [Double] {
    decades.map { $0.isNaN ? .nan : Swift.min($0, 1) }
}

/// Orange and blue on each of the three buffers.
private typealias Buffers = Lesson05Results.PerBuffer<Lesson05Results.Setting>

/// The experiment's outcome on one buffer, or an error naming the missing part.
private func setting(_ r: Lesson05Results, _ buffer: KeyPath<Buffers, Lesson05Results.Setting>) throws -> Lesson05Results.Setting {
    try required(r.experiment, "experiment").buffers[keyPath: buffer]
}

let lesson05Claims: [Claim] = [
    Claim(lesson: 5, id: "imitationReturn", "Imitation: blue's return is far below orange's, the worst of the three settings",
          of: Lesson05Results.self) { r, check in
        let imitation = try setting(r, \.imitation)
        check.seeds(SeedComparison(greater: imitation.orange.finalReturnPerSeed, than: imitation.blue.finalReturnPerSeed,
                                   margin: Lesson05Thresholds.farBelow), "Imitation: orange's final return above blue's")
        let gap = imitation.returnGap
        for (name, buffer) in [("final", \Buffers.final), ("concurrent", \Buffers.concurrent)] {
            let other = try setting(r, buffer).returnGap
            check.greater(gap, than: other, "the gap is largest on Imitation, vs \(name)'s gap")
        }
    },
    Claim(lesson: 5, id: "imitationValue", "Imitation: blue's value estimate rises far above its true value, orange's stays close",
          of: Lesson05Results.self) { r, check in
        let imitation = try setting(r, \.imitation)
        let blue = imitation.blue.overestimationPerSeed, orange = imitation.orange.overestimationPerSeed
        check.seeds(SeedComparison(greater: blue, than: Lesson05Thresholds.farAbove), "blue's estimate − true value")
        // Orange's own critic lags its improving policy by up to 250 on some seeds, so "close" is
        // measured against blue's error: hundreds smaller, not a fixed fraction of it.
        check.seeds(SeedComparison(greater: blue, than: orange.map(abs), margin: Lesson05Thresholds.farAbove),
                    "blue's error above orange's |error|")
    },
    Claim(lesson: 5, id: "coverage", "coverage: the pairs (s, π(s)) blue reaches lie farther from the Imitation buffer than "
          + "from the Final and Concurrent buffers", of: Lesson05Results.self) { r, check in
        let coverage = try required(r.coverage, "coverage")
        for (name, other) in [("Final", coverage.final), ("Concurrent", coverage.concurrent)] {
            check.seeds(SeedComparison(greater: coverage.imitation.blueDistancePerSeed, than: other.blueDistancePerSeed),
                        "coverage: blue's distance from the Imitation buffer above its distance from the \(name) buffer")
        }
    },
] + [("final", \Buffers.final), ("concurrent", \Buffers.concurrent)].map { name, buffer in
    Claim(lesson: 5, id: "\(name)Buffer", "\(name == "final" ? "Final buffer" : "Concurrent"): blue's return far below orange's "
          + "and its estimate far above its true value",
          status: .knownIssue("on Pendulum at the kit's scale blue learns about as well as orange from this buffer (lesson 5 "
                              + "measures the buffers' coverage: 5.coverage). The hopper, where the paper ran it, has its own claims: "
                              + "Concurrent's in 5.hopperConcurrentValue and 5.hopperConcurrentReturn; its Final buffer's in "
                              + "5.hopperFinalValue, decided on default runs (beyond the claim tests' budget)"),
          of: Lesson05Results.self) { r, check in
        let outcome = try setting(r, buffer)
        check.seeds(SeedComparison(greater: outcome.orange.finalReturnPerSeed, than: outcome.blue.finalReturnPerSeed,
                                   margin: Lesson05Thresholds.farBelow), "\(name): orange's final return above blue's")
        check.seeds(SeedComparison(greater: outcome.blue.overestimationPerSeed, than: Lesson05Thresholds.farAbove),
                    "\(name): blue's estimate − true value")
    }
} + [
    Claim(lesson: 5, id: "hopperImitation", "hopper, Imitation: blue's return far below the expert's and its estimate far "
          + "above its true value", of: Lesson05Results.self) { r, check in
        let imitation = try required(r.hopper, "hopper").imitation
        check.seeds(SeedComparison(greater: imitation.orange.finalReturnPerSeed.map { $0 / 2 },
                                   than: imitation.blue.finalReturnPerSeed),
                    "hopper, Imitation: half the expert's final return above blue's")
        let decades = try required(imitation.blue.decadesOverTruthPerSeed, "hopper.imitation.blue per-seed values")
        check.seeds(SeedComparison(greater: cappedDecades(decades), than: log10(2)),
                    "hopper, Imitation: blue's log10(estimate / true value), capped at 1, above log10 2")
    },
    Claim(lesson: 5, id: "hopperFinalValue", "hopper, Final buffer: blue's estimate far above its true value",
          status: .study(seeds: Lesson05Thresholds.hopperFinalSeeds, Lesson05Thresholds.hopperFinalValueStudy),
          of: Lesson05Results.self) { r, check in
        let hopper = try required(r.hopper, "hopper")
        guard let final = hopper.final else {
            throw ClaimError.tooShortRuns(have: hopper.environmentSteps, need: Lesson05Thresholds.hopperFinalSteps)
        }
        guard hopper.seeds >= Lesson05Thresholds.hopperFinalSeeds else {
            throw ClaimError.tooFewSeeds(have: hopper.seeds, need: Lesson05Thresholds.hopperFinalSeeds)
        }
        let decades = try required(final.blue.decadesOverTruthPerSeed, "hopper.final.blue per-seed values")
        check.seeds(SeedComparison(greater: cappedDecades(decades), than: log10(2)),
                    "hopper, Final: blue's log10(estimate / true value), capped at 1, above log10 2")
    },
    Claim(lesson: 5, id: "hopperConcurrentValue", "hopper, Concurrent: blue's estimate far above its true value, and further "
          + "than orange's",
          status: .study(seeds: Lesson05Thresholds.hopperFinalSeeds, Lesson05Thresholds.hopperConcurrentValueStudy),
          of: Lesson05Results.self) { r, check in
        let concurrent = try Lesson05Thresholds.studiedConcurrent(try required(r.hopper, "hopper"))
        let blue = try required(concurrent.blue.decadesOverTruthPerSeed, "hopper.concurrent.blue per-seed values")
        let orange = try required(concurrent.orange.decadesOverTruthPerSeed, "hopper.concurrent.orange per-seed values")
        check.seeds(SeedComparison(greater: cappedDecades(blue), than: log10(2)),
                    "hopper, Concurrent: blue's log10(estimate / true value), capped at 1, above log10 2")
        check.seeds(SeedComparison(greater: zip(cappedDecades(blue), cappedDecades(orange)).map { $0 - $1 }, than: 0),
                    "hopper, Concurrent: blue's capped log10(estimate / true value) minus orange's, per seed")
    },
    Claim(lesson: 5, id: "hopperConcurrentReturn", "hopper, Concurrent: blue's return below orange's",
          status: .study(seeds: Lesson05Thresholds.hopperFinalSeeds, Lesson05Thresholds.hopperConcurrentReturnStudy),
          of: Lesson05Results.self) { r, check in
        let concurrent = try Lesson05Thresholds.studiedConcurrent(try required(r.hopper, "hopper"))
        check.seeds(SeedComparison(greater: concurrent.orange.finalReturnPerSeed, than: concurrent.blue.finalReturnPerSeed),
                    "hopper, Concurrent: orange's final return above blue's")
    },
    Claim(lesson: 5, id: "tabular", "tabular: never-tried actions keep their initial value and the greedy policy picks them",
          of: Lesson05Results.self) { r, check in
        let tabular = try required(r.tabular, "tabular")
        for (initial, start) in [("optimistic", tabular.optimistic), ("random", tabular.random)] {
            check.that(start.untriedKeepInitialValue, "untried Q-values stay at their \(initial) initialisation")
        }
        check.atLeast(tabular.optimistic.fractionGreedyUntried, 0.9, "optimistic table: states whose greedy move is untried")
        check.greater(tabular.random.fractionGreedyUntried, than: 0, "random table: states whose greedy move is untried")
        check.that(!tabular.optimistic.reachesGoal, "the greedy policy of Q-learning on the batch does not reach the goal")
        check.greater(tabular.optimalReturn, than: 0.3, "the task's optimal return")
    },
]
