import BuiltProducts
import Foundation
import Grading
import Testing

/// The `grade` command, run as instructors run it: on the untouched stubs it scores zero with every
/// exercise failing cleanly; on the reference solutions it gives full marks; and its reports are
/// well formed. (The student handout leaves this file out.)
@Suite(.serialized) struct GradeCommandTests {
    static func grade(_ arguments: [String]) throws -> (status: Int32, output: String, out: URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("grade-test-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = try BuiltExecutable.url("grade")
        process.arguments = arguments + ["--out", out.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), out)
    }

    @Test func untouchedStubsScoreZeroAndFailCleanly() throws {
        let run = try Self.grade(["--implementation", "exercises", "--expect-zero"])
        #expect(run.status == 0, "grade --expect-zero on the stubs failed:\n\(run.output)")
        let data = try Data(contentsOf: run.out.appendingPathComponent("results.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["score"] as? Double == 0, "stubs scored \(json["score"] ?? "nil")")
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == allChecks.count)
        for test in tests {
            #expect(test["status"] as? String == "failed")
            for key in ["name", "number", "score", "max_score", "output", "visibility"] {
                #expect(test[key] != nil, "Gradescope key \(key) missing in \(test)")
            }
        }
        let junit = try String(contentsOf: run.out.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.hasPrefix("<?xml"))
        #expect(junit.contains("failures=\"\(allChecks.count)\""))
    }

    @Test func referenceSolutionsScoreFullMarks() throws {
        let run = try Self.grade(["--implementation", "reference", "--expect-full"])
        #expect(run.status == 0, "grade --expect-full on the solutions failed:\n\(run.output)")
        let data = try Data(contentsOf: run.out.appendingPathComponent("results.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let maxScore = allChecks.reduce(0) { $0 + $1.points }
        #expect(json["score"] as? Double == maxScore)
        let hidden = (json["tests"] as? [[String: Any]] ?? []).filter { $0["visibility"] as? String == "after_published" }
        #expect(hidden.count == allChecks.filter { $0.visibility == .hidden }.count)
    }

    @Test func badFlagsAreRefusedWithUsage() throws {
        let run = try Self.grade(["--time-limit", "-3"])
        #expect(run.status != 0)
        #expect(run.output.contains("--time-limit"), "no usage message: \(run.output)")
    }
}
