import Foundation
import LessonClaims
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

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 4))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson04Run.get())
    }
}
