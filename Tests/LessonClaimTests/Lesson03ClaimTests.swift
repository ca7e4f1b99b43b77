import Foundation
import LessonClaims
import Testing

/// Runs lesson 3's quick setting once per test process and shares the result.
enum Lesson03Run {
    /// The one run (seed 0, `--quick`), or the error that stopped it.
    /// (`nonisolated(unsafe)`: the value is created once, thread-safely, and only read afterwards.)
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result { try LessonRun.run("03-gan-optimal-discriminator", seed: 0, timeLimit: 600) }

    /// The run, or a thrown error naming why it failed.
    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 3: GANs and the optimal discriminator")
struct Lesson03ClaimTests {
    @Test("the lesson runs every cell and writes its figures")
    func runsCompletely() throws {
        let run = try Lesson03Run.get()
        #expect(run.status == "complete", "lesson 3 --quick did not run every cell")
        for figure in ["value-sweep", "discriminator-vs-optimal", "gan-samples", "gan-jsd", "mode-collapse", "gradient-norms"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png was not written")
        }
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 3))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson03Run.get())
    }
}
