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

    /// The split-and-merge check on the cheapest lesson with two per-seed experiments (lesson 8's race
    /// costs five times as much): the merge reads every seed and writes the single run's bytes.
    @Test("split by seeds (--seeds 0..1, --seeds 2) and merged (--merge): the single run's results.json and figures")
    func shardsMergeToTheSingleRun() throws {
        let single = try Lesson04Run.get()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claims-04-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for range in ["0..1", "2"] {
            let shard = try LessonRun.run("04-gail", seed: 0, arguments: ["--seeds", range], root: root)
            #expect(shard.status == "complete", "shard \(range): \(shard.status ?? "none")")
        }
        let merged = try LessonRun.run("04-gail", seed: 0, arguments: ["--merge"], root: root)
        for experiment in ["behavior-cloning", "gail"] {
            #expect(merged.output.contains("Read 3 seeds of \"\(experiment)\""), "the merge did not read the seeds of \(experiment)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: single.directory.path)
            .filter { $0 == "results.json" || $0.hasSuffix(".png") }.sorted()
        #expect(files.count > 1, "the single run wrote no figures")
        for file in files {
            let a = try Data(contentsOf: single.directory.appendingPathComponent(file))
            let b = try Data(contentsOf: merged.directory.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between the merged and the single run")
        }
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 4))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson04Run.get())
    }
}
