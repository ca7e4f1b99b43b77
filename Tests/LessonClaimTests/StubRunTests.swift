import Foundation
import Testing

/// What a student sees before writing any exercise: every lesson runs on the untouched stubs in
/// `Exercises/` (`--implementation exercises`), skips what needs the missing code, names each
/// unimplemented exercise and fails no cell.
@Suite("Lessons on the untouched stubs")
struct StubRunTests {
    static let lessons = ["01-behavior-cloning", "02-distribution-shift", "03-gan-optimal-discriminator", "04-gail",
                          "05-off-policy-failure", "06-bcq", "07-imitation-and-task-rewards", "08-demonstrations-in-rl",
                          "09-visuomotor"]

    @Test("the lesson runs on Exercises/, names the unimplemented exercises and fails no cell", arguments: lessons)
    func lessonRunsOnStubs(_ lesson: String) throws {
        let run = try LessonRun.run(lesson, arguments: ["--implementation", "exercises"], timeLimit: 300)
        #expect(run.document["implementation"] as? String == "exercises")
        let cells = try #require(run.document["cells"] as? [[String: Any]], "results.json has no cells")
        let failed = cells.filter { $0["status"] as? String == "failed" }
        #expect(failed.isEmpty, "cells failed on the stubs instead of being skipped: \(failed)")
        #expect(cells.contains { $0["status"] as? String == "not-implemented" },
                "no cell reported a missing exercise")
        let missing = try #require(run.document["unimplemented"] as? [Any], "results.json lists no unimplemented exercises")
        #expect(!missing.isEmpty)
        #expect(run.output.contains("not implemented yet"), "the terminal output does not name the missing exercises")
    }
}
