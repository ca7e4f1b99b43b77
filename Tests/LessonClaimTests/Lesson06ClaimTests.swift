import Foundation
import LessonClaims
import Testing

/// Lesson 6's quick run, made once per test process and shared by every claim below.
enum Lesson06Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("06-bcq", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 6: batch-constrained Q-learning")
struct Lesson06ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func lessonRuns() throws {
        let run = try Lesson06Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["tabular.png", "returns.png", "values.png", "phi-sweep.png", "vae-samples.png", "hopper.png", "notebook.md",
                     "notebook.ipynb"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        #expect(try run.measurement("throughput.bcqUpdatesPerSecond") > 0)
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 6))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson06Run.get())
    }
}
