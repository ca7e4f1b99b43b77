import Foundation
import LessonClaims
import Testing

/// Lesson 7's quick run, made once per test process and shared by every claim below.
enum Lesson07Run {
    /// The run of `07-imitation-and-task-rewards --quick --seed 0` (or the error that prevented it).
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("07-imitation-and-task-rewards", seed: 0, timeLimit: 600)
    }

    /// The run, or the error that stopped it.
    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 7: combining imitation and task rewards")
struct Lesson07ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func runsCompletely() throws {
        let run = try Lesson07Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none"); output:\n\(run.output.suffix(2_000))")
        for figure in ["lambda-sensitivity", "ablations", "learning-curves", "paths"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
        for file in ["notebook.ipynb", "notebook.md", "results.json"] {
            #expect(run.wrote(file), "\(file) is missing")
        }
        let training = try #require(try LessonResults(document: run.document).decode(Lesson07Results.self).training)
        let lambdas = training.sweep.map(\.imitationWeight)
        #expect(lambdas.first == 0 && lambdas.last == 1 && lambdas.count >= 3, "the sweep must contain 0, 1 and a value between: \(lambdas)")
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 7))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson07Run.get())
    }
}
