import Foundation
import LessonClaims
import Testing

/// Lesson 5's quick run, made once per test process and shared by every claim below.
enum Lesson05Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("05-off-policy-failure", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 5: off-policy RL fails when it is truly off-policy")
struct Lesson05ClaimTests {
    @Test("the lesson runs every cell and writes its figures, notebooks and buffers")
    func lessonRuns() throws {
        let run = try Lesson05Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["returns.png", "values.png", "tabular.png", "buffers.png", "notebook.md", "notebook.ipynb",
                     "buffers/final-seed0.npz", "buffers/concurrent-seed0.npz", "buffers/imitation-seed0.npz"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        #expect(try run.measurement("throughput.gradientStepsPerSecond") > 0)
        #expect(try run.measurement("throughput.environmentStepsPerSecond") > 0)
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 5))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson05Run.get())
    }
}
