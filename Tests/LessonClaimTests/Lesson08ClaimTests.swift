import Foundation
import LessonClaims
import Testing

/// Lesson 8's quick run, made once per test process and shared by every claim below.
enum Lesson08Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("08-demonstrations-in-rl", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 8: demonstrations inside reinforcement learning")
struct Lesson08ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func lessonRuns() throws {
        let run = try Lesson08Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["task.png", "success.png", "curriculum.png", "consistency.png", "notebook.md", "notebook.ipynb"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        let race = try #require(try LessonResults(document: run.document).decode(Lesson08Results.self).comparison)
        #expect(race.gradientUpdates > 0)
        #expect(race.variants.map(\.id) == ["scratch", "replayKept", "replayRemoved", "pretrained", "curriculum"])
        for variant in race.variants {
            #expect(variant.meanSuccess.count == variant.steps.count, "\(variant.id): one mean per evaluation")
            #expect(variant.finalSuccess.count == race.seeds.count, "\(variant.id): one final success per seed")
        }
    }

    @Test("keeping the demonstrations forever vs removing them is recorded (shown, not asserted)")
    func keepOrRemoveIsRecorded() throws {
        let run = try Lesson08Run.get()
        let race = try #require(try LessonResults(document: run.document).decode(Lesson08Results.self).comparison)
        let kept = try race.variant("replayKept").finalSuccess
        let removed = try race.variant("replayRemoved").finalSuccess
        let removedAt = race.demonstrationsRemovedAtStep
        #expect(kept.count == removed.count && removed.count == removedAt.count)
        #expect(kept.allSatisfy { (0...1).contains($0) } && removed.allSatisfy { (0...1).contains($0) })
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 8))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson08Run.get())
    }
}
