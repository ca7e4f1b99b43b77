import Foundation
import LessonClaims
import Testing

/// Runs lesson 2's quick setting once per test process and shares the result.
enum Lesson02Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result {
        try LessonRun.run("02-distribution-shift", seed: 0, timeLimit: 300)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 2: distribution shift and DAgger")
struct Lesson02ClaimTests {
    @Test("the run completes and writes its figures")
    func runCompletes() throws {
        let run = try Lesson02Run.get()
        #expect(run.status == "complete")
        for figure in ["horizon", "trajectories", "visitation", "dagger-rounds", "obstacle"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 2))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson02Run.get())
    }
}
