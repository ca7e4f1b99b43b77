import Foundation
import LessonClaims
import Testing

/// Runs lesson 1's quick setting once per test process and shares the result.
enum Lesson01Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result { try LessonRun.run("01-behavior-cloning", seed: 0, timeLimit: 300) }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 1: behavior cloning")
struct Lesson01ClaimTests {
    @Test("the run completes and writes its figures")
    func runCompletes() throws {
        let run = try Lesson01Run.get()
        #expect(run.status == "complete")
        for figure in ["loss", "returns", "actions"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 1))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson01Run.get())
    }
}
