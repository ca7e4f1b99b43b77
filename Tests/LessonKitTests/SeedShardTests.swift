import Foundation
import LessonKit
import Testing

/// A lesson with one per-seed experiment whose runs hold numbers that JSON must carry exactly
/// (long fractions, NaN, infinities) and a cell after it that needs every seed.
private func shardedLesson(trace: Trace) -> Lesson {
    let lesson = Lesson(number: 43, slug: "shards", title: "Shards")
    final class Box: @unchecked Sendable { var runs: [[Double]] = [] }
    let box = Box()
    lesson.code("per seed") { context in
        box.runs = try context.perSeed("toy", count: context.choose(full: 5, quick: 4)) { indices in
            trace.add("trained \(indices)")
            return indices.map { k in [Double(k) / 3, 1e-300 * Double(k + 1), k == 1 ? .nan : .infinity, -Double(k) * .pi] }
        }
        context.record("toy.first", box.runs.map { $0[0] })
        context.record("toy.tiny", box.runs.map { $0[1] })
        context.record("toy.special", box.runs.map { "\($0[2])" })
        context.record("toy.count", box.runs.count)
    }
    lesson.code("needs every seed") { context in
        guard !box.runs.isEmpty else { throw CellSkipped("needs the runs") }
        context.record("toy.sum", box.runs.map { $0[0] + $0[3] }.reduce(0, +))
    }
    return lesson
}

@Suite("Splitting a lesson by seeds")
struct SeedShardTests {
    @Test("--seeds parses A..B, A...B, A-B and A, and refuses the rest",
          arguments: [("5..9", 5, 9), ("5...9", 5, 9), ("5-9", 5, 9), ("3", 3, 3), ("0..0", 0, 0)])
    func parsesRanges(text: String, lower: Int, upper: Int) throws {
        let range = try #require(SeedRange(argument: text))
        #expect(range.lowerBound == lower && range.upperBound == upper)
    }

    @Test("bad ranges are refused", arguments: ["", "9..5", "-1..3", "a..b", "1..2..3", "1-", "..4"])
    func refusesRanges(text: String) {
        #expect(SeedRange(argument: text) == nil, "\"\(text)\" should not parse")
    }

    @Test("--seeds with --merge, --seed-count below 2 and a shard past the last seed are refused")
    func refusesBadCombinations() {
        #expect(throws: (any Error).self) { try LessonCommand.parse(["--seeds", "0..1", "--merge"]) }
        #expect(throws: (any Error).self) { try LessonCommand.parse(["--seed-count", "1"]) }
        #expect(throws: (any Error).self) { try LessonCommand.parse(["--seed-count", "4", "--seeds", "4..6"]) }
        #expect(throws: Never.self) { try LessonCommand.parse(["--seed-count", "8", "--seeds", "4..9"]) }
    }

    @Test("two shards merged give the single run's results.json, NaN and infinities included")
    func mergedEqualsSingle() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let single = shardedLesson(trace: trace).run(options: try options(["--out", out.appendingPathComponent("single").path,
                                                                            "--no-step", "--quick"]),
                                                     console: Console(capturingWidth: 100))
        #expect(single.status == .complete)
        let sharded = out.appendingPathComponent("sharded").path
        for range in ["0..1", "2..7"] {
            let console = Console(capturingWidth: 100)
            let outcome = shardedLesson(trace: trace).run(options: try options(["--out", sharded, "--no-step", "--quick",
                                                                                 "--seeds", range]), console: console)
            #expect(outcome.status == .complete, "\(console.capturedText)")
            #expect(outcome.skippedCells == [1, 2], "a shard ends its per-seed cell; the cell after it has no runs")
            #expect(console.capturedText.contains("--merge"), "a shard says how to merge")
        }
        #expect(trace.all == ["trained [0, 1, 2, 3]", "trained [0, 1]", "trained [2, 3]"])
        let merge = shardedLesson(trace: trace).run(options: try options(["--out", sharded, "--no-step", "--quick", "--merge"]),
                                                    console: Console(capturingWidth: 100))
        #expect(merge.status == .complete)
        #expect(trace.all.count == 3, "the merge trains nothing")
        let a = try readJSON(out.appendingPathComponent("single/43-shards/results.json"))
        let b = try readJSON(out.appendingPathComponent("sharded/43-shards/results.json"))
        let singleBytes = try Data(contentsOf: out.appendingPathComponent("single/43-shards/results.json"))
        let mergedBytes = try Data(contentsOf: out.appendingPathComponent("sharded/43-shards/results.json"))
        #expect(singleBytes == mergedBytes, "merged \(b) ≠ single \(a)")
        let special = (b["results"] as? [String: Any])?["toy.special"] as? [String]
        #expect(special == ["inf", "nan", "inf", "inf"], "NaN and infinities survive the seed files")
        #expect(FileManager.default.fileExists(atPath: sharded + "/43-shards/shards/seeds-0-1/results.json"),
                "a shard's own notebook and results go to shards/seeds-A-B/")
    }

    @Test("a merge with a seed missing names it and the shard to run; other settings are named too")
    func mergeNamesWhatIsMissing() throws {
        let out = try temporaryDirectory().path
        let trace = Trace()
        _ = shardedLesson(trace: trace).run(options: try options(["--out", out, "--no-step", "--quick", "--seeds", "0..1"]),
                                            console: Console(capturingWidth: 100))
        let console = Console(capturingWidth: 300)
        let merge = shardedLesson(trace: trace).run(options: try options(["--out", out, "--no-step", "--quick", "--merge"]),
                                                    console: console)
        #expect(merge.status == .failed)
        #expect(console.capturedText.contains("no saved run for seeds 2–3"), "\(console.capturedText)")
        #expect(console.capturedText.contains("--seeds 2..3"))
        _ = shardedLesson(trace: trace).run(options: try options(["--out", out, "--no-step", "--quick", "--seeds", "2..3",
                                                                  "--seed", "7"]), console: Console(capturingWidth: 100))
        let again = Console(capturingWidth: 300)
        _ = shardedLesson(trace: trace).run(options: try options(["--out", out, "--no-step", "--quick", "--merge"]), console: again)
        #expect(again.capturedText.contains("--seed 7, not 0"), "\(again.capturedText)")
    }

    @Test("a shard with no seed of any experiment says so in one line and saves nothing (a merge names what is missing)")
    func shardWithoutSeeds() throws {
        let out = try temporaryDirectory().path
        let console = Console(capturingWidth: 300)
        let outcome = shardedLesson(trace: Trace()).run(options: try options(["--out", out, "--no-step", "--quick",
                                                                              "--seeds", "6..9"]),
                                                        console: console)
        #expect(outcome.status == .complete)
        #expect(console.capturedText.contains("nothing to run: none of this lesson's experiments over seeds (\"toy\")"))
        #expect(!FileManager.default.fileExists(atPath: out + "/43-shards/seeds/toy"))
    }

    @Test("a lesson with no experiment over seeds runs whole as a shard, and says so (a course run with --seeds goes on)")
    func lessonWithoutSeeds() throws {
        let lesson = Lesson(number: 44, slug: "no-seeds", title: "No seeds")
        lesson.code("one cell") { context in context.record("value", 1) }
        let console = Console(capturingWidth: 200)
        let outcome = lesson.run(options: try options(["--out", try temporaryDirectory().path, "--no-step", "--seeds", "0..1"]),
                                 console: console)
        #expect(outcome.status == .complete)
        #expect(console.capturedText.contains("this lesson has no experiment over seeds; it ran whole"))
    }

    @Test("a cut-short seed file is reported as such, naming the file")
    func unreadableFile() throws {
        let out = try temporaryDirectory()
        _ = shardedLesson(trace: Trace()).run(options: try options(["--out", out.path, "--no-step", "--quick", "--seeds", "0..3"]),
                                              console: Console(capturingWidth: 100))
        let file = out.appendingPathComponent("43-shards/seeds/toy/seed-2.json")
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        let console = Console(capturingWidth: 300)
        let merge = shardedLesson(trace: Trace()).run(options: try options(["--out", out.path, "--no-step", "--quick", "--merge"]),
                                                      console: console)
        #expect(merge.status == .failed)
        #expect(console.capturedText.contains("seed-2.json is not a saved per-seed run"), "\(console.capturedText)")
    }
}
