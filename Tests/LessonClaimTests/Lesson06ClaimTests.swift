import Foundation
import Testing

/// Lesson 6's quick run, made once per test process and shared by every claim below.
enum Lesson06Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("06-bcq", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

/// "Well above": BCQ's final return at least this much over offline DDPG's (Pendulum's returns run
/// from about −1600 for a policy that never swings up to about −150 for a solved task).
let bcqWellAboveMargin = 500.0

/// "Above": BCQ's final return at least this much over behavior cloning's on a noisy buffer.
let bcqAboveBCMargin = 150.0

/// "At least as good as": BCQ's final return no more than this below behavior cloning's. It is the
/// spread of one policy's 10-episode evaluation over seeds (the Imitation expert's is about 25–30),
/// so that two policies that are equally good are not told apart by evaluation noise.
let evaluationNoise = 30.0

/// The final return (mean over seeds) of `agent` on `setting`'s buffer.
func lesson06Return(_ run: LessonRun, _ setting: String, _ agent: String) throws -> Double {
    let entry = try run.dictionary("comparison.\(setting).\(agent).return")
    return try #require(entry["mean"] as? Double)
}

/// The final value estimate and true value (means over seeds) of `agent` on `setting`'s buffer.
func lesson06Value(_ run: LessonRun, _ setting: String, _ agent: String) throws -> (estimate: Double, truth: Double) {
    let entry = try run.dictionary("comparison.\(setting).\(agent).value")
    return (try #require(entry["estimate"] as? Double), try #require(entry["truth"] as? Double))
}

@Suite("Lesson 6: batch-constrained Q-learning")
struct Lesson06ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func lessonRuns() throws {
        let run = try Lesson06Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["tabular.png", "returns.png", "values.png", "phi-sweep.png", "vae-samples.png", "notebook.md",
                     "notebook.ipynb"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        #expect(try run.measurement("throughput.bcqUpdatesPerSecond") > 0)
    }

    @Test("tabular: BCQ finds the best batch-supported policy, Q-learning on the same batch does not")
    func tabularBCQ() throws {
        let run = try Lesson06Run.get()
        let best = try run.number("tabular.bestSupportedReturn")
        let bcq = try run.number("tabular.bcq.return"), qLearning = try run.number("tabular.qLearning.return")
        #expect(abs(bcq - best) < 1e-9, "claim: BCQ's greedy policy earns the best batch-supported return; BCQ \(bcq), best \(best)")
        #expect(qLearning < best - 0.1, "claim: Q-learning's greedy policy falls short; Q-learning \(qLearning), best \(best)")
        #expect(try run.number("tabular.bcq.untriedMovesOnPath") == 0, "claim: BCQ only takes the batch's moves")
        #expect(try run.number("tabular.qLearning.untriedChoices") > 0, "claim: Q-learning picks moves the batch never tried")
        let estimate = try run.number("tabular.bcq.startEstimate")
        #expect(abs(estimate - bcq) < 1e-6, "claim: BCQ's value of its start is exact; estimate \(estimate), return \(bcq)")
        #expect(try run.number("tabular.qLearning.startEstimate") > qLearning + 0.1,
                "claim: Q-learning overrates its start (extrapolation error)")
    }

    @Test("Imitation: BCQ's return is well above offline DDPG's")
    func imitationBeatsDDPG() throws {
        let run = try Lesson06Run.get()
        let bcq = try lesson06Return(run, "imitation", "bcq"), ddpg = try lesson06Return(run, "imitation", "ddpg")
        #expect(bcq > ddpg + bcqWellAboveMargin, "claim: BCQ well above offline DDPG on the Imitation buffer; BCQ \(bcq), DDPG \(ddpg)")
    }

    /// The syllabus claims BCQ well above offline DDPG on the Final and Concurrent buffers too, as in
    /// Fujimoto et al.'s MuJoCo experiments. On Pendulum at the kit's scale these buffers cover the
    /// actions a good policy needs, offline DDPG does not fail (lesson 5's known issue), and BCQ
    /// with Φ = 0.05 ends below it; the Φ sweep shows larger Φ closing the gap. The claim is
    /// asserted and its failure recorded as a known issue.
    @Test("Final buffer and Concurrent: BCQ well above offline DDPG (does not hold on Pendulum at this scale)",
          arguments: ["final", "concurrent"])
    func coveredSettings(_ setting: String) throws {
        let run = try Lesson06Run.get()
        let bcq = try lesson06Return(run, setting, "bcq"), ddpg = try lesson06Return(run, setting, "ddpg")
        withKnownIssue("Pendulum's Final and Concurrent buffers cover offline DDPG's actions; see lesson 5's 'Coverage decides'",
                       isIntermittent: true) {
            #expect(bcq > ddpg + bcqWellAboveMargin,
                    "claim: BCQ well above offline DDPG on the \(setting) buffer; BCQ \(bcq), DDPG \(ddpg)")
        }
    }

    @Test("BCQ is at least as good as BC on every buffer, and above it on the noisy ones",
          arguments: ["final", "concurrent", "imitation"])
    func bcqAgainstBC(_ setting: String) throws {
        let run = try Lesson06Run.get()
        let bcq = try lesson06Return(run, setting, "bcq"), bc = try lesson06Return(run, setting, "bc")
        #expect(bcq >= bc - evaluationNoise, "claim: BCQ at least as good as BC on the \(setting) buffer; BCQ \(bcq), BC \(bc)")
        if setting != "imitation" {
            #expect(bcq > bc + bcqAboveBCMargin, "claim: BCQ above BC on the noisy \(setting) buffer; BCQ \(bcq), BC \(bc)")
        }
    }

    @Test("BCQ's value estimate stays near the true value where offline DDPG's runs far above it")
    func bcqValuesAreHonest() throws {
        let run = try Lesson06Run.get()
        let bcq = try lesson06Value(run, "imitation", "bcq"), ddpg = try lesson06Value(run, "imitation", "ddpg")
        let bcqError = abs(bcq.estimate - bcq.truth), ddpgError = ddpg.estimate - ddpg.truth
        #expect(bcqError <= 0.35 * abs(bcq.truth),
                "claim: BCQ's estimate near its true value on Imitation; estimate \(bcq.estimate), truth \(bcq.truth)")
        #expect(bcqError < 0.2 * ddpgError,
                "claim: BCQ's error is a small fraction of DDPG's; BCQ off by \(bcqError), DDPG by \(ddpgError)")
        for setting in ["final", "concurrent"] {
            let value = try lesson06Value(run, setting, "bcq")
            let message = "claim: BCQ never overestimates like offline DDPG on Imitation; \(setting): estimate "
                + "\(value.estimate), truth \(value.truth), DDPG's Imitation error \(ddpgError)"
            #expect(value.estimate - value.truth < 0.5 * ddpgError, Comment(rawValue: message))
        }
    }

    @Test("the Φ sweep: small Φ imitates the generative model, large Φ drifts towards DDPG")
    func perturbationSweep() throws {
        let run = try Lesson06Run.get()
        let phis = try run.numbers("sweep.phis")
        let low = try #require(phis.min()), high = try #require(phis.max())
        func label(_ phi: Double) -> String {
            var text = String(format: "%.2f", phi)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        func number(_ name: String, _ phi: Double) throws -> Double {
            try run.number("sweep.imitation.phi\(label(phi)).\(name)")
        }
        let ddpg = try lesson06Return(run, "imitation", "ddpg")
        let lowReturn = try number("return", low), highReturn = try number("return", high)
        #expect(highReturn < lowReturn - bcqWellAboveMargin,
                "claim: large Φ loses BCQ's advantage on Imitation; Φ \(low): \(lowReturn), Φ \(high): \(highReturn)")
        #expect(abs(highReturn - ddpg) < 0.3 * abs(ddpg),
                "claim: with Φ \(high) BCQ performs like offline DDPG; BCQ \(highReturn), DDPG \(ddpg)")
        let lowOver = try number("overestimation", low), highOver = try number("overestimation", high)
        #expect(highOver > lowOver + 200, "claim: large Φ brings DDPG's overestimation back; Φ \(low): \(lowOver), Φ \(high): \(highOver)")
        let lowDistance = try number("distanceFromModel", low), highDistance = try number("distanceFromModel", high)
        #expect(lowDistance < 0.1, "claim: with Φ \(low) BCQ's action is the generative model's (distance \(lowDistance))")
        #expect(highDistance > 3 * lowDistance + 0.2,
                "claim: large Φ moves BCQ away from the generative model; Φ \(low): \(lowDistance), Φ \(high): \(highDistance)")
    }
}
