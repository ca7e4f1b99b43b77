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

    @Test("split by seeds (--seeds 0..1, --seeds 2..3) and merged (--merge): the single run's results.json and figures")
    func shardsMergeToTheSingleRun() throws {
        let single = try Lesson08Run.get()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claims-08-shards-\(UUID().uuidString)")
        for range in ["0..1", "2..3"] {
            let shard = try LessonRun.run("08-demonstrations-in-rl", seed: 0, arguments: ["--seeds", range], root: root)
            #expect(shard.status == "complete", "shard \(range): \(shard.status ?? "none")")
        }
        let merged = try LessonRun.run("08-demonstrations-in-rl", seed: 0, arguments: ["--merge"], root: root)
        let singleBytes = try Data(contentsOf: single.directory.appendingPathComponent("results.json"))
        let mergedBytes = try Data(contentsOf: merged.directory.appendingPathComponent("results.json"))
        #expect(singleBytes == mergedBytes, "the merged results.json differs from the single run's")
        for figure in ["success.png", "curriculum.png", "consistency.png"] {
            let a = try Data(contentsOf: single.directory.appendingPathComponent(figure))
            let b = try Data(contentsOf: merged.directory.appendingPathComponent(figure))
            #expect(a == b, "\(figure) differs between the merged and the single run")
        }
        #expect(!merged.output.contains("DDPG updates in"), "the merge trains nothing")
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
