import Foundation
import Testing

/// Lesson 4's quick run, made once per test process and shared by every claim below.
enum Lesson04Run {
    /// The run of `04-gail --quick --seed 0` (or the error that prevented it).
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("04-gail", seed: 0, timeLimit: 600)
    }

    /// The run, or the error that stopped it.
    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 4: generative adversarial imitation learning")
struct Lesson04ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func runsCompletely() throws {
        let run = try Lesson04Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none"); output:\n\(run.output.suffix(2_000))")
        for figure in ["return-vs-demonstrations", "gail-learning-curve", "discriminator-output", "paths",
                       "reward-sign", "reinforce-vs-ppo"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
        for file in ["notebook.ipynb", "notebook.md", "results.json"] {
            #expect(run.wrote(file), "\(file) is missing")
        }
    }

    @Test("GAIL beats behavior cloning when demonstrations are few")
    func gailBeatsBCWithFewDemonstrations() throws {
        let run = try Lesson04Run.get()
        let counts = try run.numbers("demonstrations.counts")
        let expert = try run.number("expert.return")
        let bc = try #require(try run.dictionary("bc.returns")["mean"] as? [Double])
        let gail = try #require(try run.dictionary("gail.returns")["mean"] as? [Double])
        try #require(counts.first == 1 && bc.count == counts.count && gail.count == counts.count)
        // With one 50-step demonstration: GAIL's mean return is at least a quarter of the expert's
        // return above behavior cloning's, and within 10% of the expert.
        #expect(gail[0] - bc[0] > 0.25 * expert,
                "claim 'GAIL beats BC with few demonstrations' failed at N = 1: GAIL \(gail[0]), BC \(bc[0]), expert \(expert)")
        #expect(gail[0] > 0.9 * expert, "GAIL with N = 1 reaches only \(gail[0]) of the expert's \(expert)")
    }

    @Test("GAIL needs many more environment steps than behavior cloning")
    func gailNeedsEnvironmentSteps() throws {
        let run = try Lesson04Run.get()
        let expert = try run.number("expert.return")
        let bcSteps = try run.number("bc.environmentSteps")
        let gailSteps = try run.number("gail.environmentSteps")
        let demonstrationSteps = try run.numbers("demonstrations.counts").max()! * (try run.number("demonstrations.length"))
        #expect(bcSteps == 0, "behavior cloning should take no environment step, it took \(bcSteps)")
        #expect(gailSteps >= 10 * demonstrationSteps,
                "GAIL took \(gailSteps) environment steps, not many more than the \(demonstrationSteps) demonstrated steps")
        // The interaction is needed: early in training GAIL is far from the expert, and it gets
        // within 90% of the expert's return only after thousands of environment steps.
        let first = try run.numbers("gail.firstEvaluationReturn")
        let firstSteps = try run.number("gail.firstEvaluationSteps")
        let toNinety = try run.numbers("gail.stepsToNinetyPercent")
        #expect(first[0] < 0.5 * expert,
                "after \(firstSteps) environment steps GAIL (N = 1) already returns \(first[0]) of the expert's \(expert)")
        #expect(toNinety[0] >= 8_192,
                "GAIL (N = 1) reached 90% of the expert after \(toNinety[0]) environment steps (-1: never)")
    }

    @Test("neither behavior cloning nor GAIL exceeds the expert's return (tolerance 1%)")
    func neitherExceedsTheExpert() throws {
        let run = try Lesson04Run.get()
        let expert = try run.number("expert.return")
        let tolerance = try run.number("claims.expertTolerance")
        #expect(abs(tolerance - 0.01 * abs(expert)) < 1e-9, "the tolerance should be 1% of the expert's return")
        let bc = try #require(try run.dictionary("bc.returns")["mean"] as? [Double])
        let gail = try #require(try run.dictionary("gail.returns")["mean"] as? [Double])
        for (index, value) in (bc + gail).enumerated() {
            #expect(value <= expert + tolerance,
                    "\(index < bc.count ? "BC" : "GAIL") mean return \(value) exceeds the expert's \(expert) by more than \(tolerance)")
        }
    }

    @Test("with r = log D the car learns to end its episodes; with −log(1 − D) it drives to the time limit")
    func rewardSignMatters() throws {
        let run = try Lesson04Run.get()
        let penalty = try run.number("rewardSign.penalty.finalLength")
        let bonus = try run.number("rewardSign.bonus.finalLength")
        #expect(bonus > 270, "with the survival bonus the episodes last \(bonus) steps, expected close to 300")
        #expect(penalty < 0.2 * bonus, "with the per-step penalty log D the episodes last \(penalty) steps (bonus: \(bonus))")
    }
}
