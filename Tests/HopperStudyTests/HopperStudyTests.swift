import BuiltProducts
import Foundation
import Testing

/// The `hopper-study` executable, run as a person runs it: a 500-step smoke run writes its JSON
/// with one outcome per seed and setting, the same seed gives the same numbers, and a bad flag
/// gives one line and a non-zero status. (Build first: `swift build -c release`, as scripts/test does.)
@Suite(.serialized) struct HopperStudyTests {
    /// Runs hopper-study with `arguments`; returns its status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = try BuiltExecutable.url("hopper-study")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
                String(decoding: errorData, as: UTF8.self))
    }

    static let smoke = ["--steps", "500", "--random-steps", "100", "--hidden", "16,16", "--eval-episodes", "2",
                        "--eval-points", "2", "--settings", "final,concurrent", "--seeds", "3,4", "--quiet"]

    /// A fresh path for a JSON file.
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hopper-study-test-\(UUID().uuidString).json")
    }

    /// The outcomes of a study JSON, with the wall and processor times (which vary) left out.
    static func outcomes(_ url: URL) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let outcomes = try #require(json["outcomes"] as? [[String: Any]])
        let times = ["orangeSeconds", "blueSeconds", "cpuSeconds", "bcqSeconds", "bcSeconds"]
        return outcomes.map { $0.filter { !times.contains($0.key) } }
    }

    @Test func smokeRunWritesItsJSONAndRepeats() throws {
        let first = Self.temporaryFile(), second = Self.temporaryFile()
        defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
        let run = try Self.run(Self.smoke + ["--out", first.path])
        #expect(run.status == 0, "hopper-study failed:\n\(run.errors)")
        #expect(run.output.contains("orange R"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: first)) as? [String: Any])
        for key in ["configuration", "seeds", "machine", "outcomes", "claims", "totalSeconds"] {
            #expect(json[key] != nil, "study JSON lacks \(key)")
        }
        let outcomes = try Self.outcomes(first)
        #expect(outcomes.count == 4)    // 2 seeds × 2 settings
        for outcome in outcomes {
            let orange = try #require(outcome["orange"] as? [String: Any])
            let blue = try #require(outcome["blue"] as? [String: Any])
            for agent in [orange, blue] {
                for key in ["finalReturn", "finalEstimate", "finalTrueValue"] {
                    #expect((agent[key] as? Double)?.isFinite == true, "\(key) missing or not finite")
                }
            }
            #expect(outcome["bufferSize"] as? Int == 500)
        }
        #expect((json["claims"] as? [Any])?.count == 10)   // 5 claims × 2 settings

        let again = try Self.run(Self.smoke + ["--out", second.path])
        #expect(again.status == 0)
        let a = try JSONSerialization.data(withJSONObject: outcomes, options: .sortedKeys)
        let b = try JSONSerialization.data(withJSONObject: try Self.outcomes(second), options: .sortedKeys)
        #expect(a == b, "the same seeds gave different numbers")
    }

    /// The Imitation buffer (the kit's expert) with BCQ and behavior cloning on it: one outcome with
    /// both learners' numbers, the expert's return far above a random policy's, and the lesson-6 claims.
    @Test func imitationWithOfflineLearners() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try Self.run(["--steps", "300", "--random-steps", "100", "--hidden", "16,16", "--bcq-hidden", "16,16",
                                "--eval-episodes", "2", "--eval-points", "1", "--settings", "imitation",
                                "--offline", "bcq,bc", "--bc-steps", "50", "--seeds", "5", "--quiet", "--out", url.path])
        #expect(run.status == 0, "hopper-study failed:\n\(run.errors)")
        #expect(run.output.contains("BCQ R"))
        let outcome = try #require(try Self.outcomes(url).first)
        #expect(outcome["bufferSize"] as? Int == 300)
        let orange = try #require(outcome["orange"] as? [String: Any])
        #expect((orange["finalReturn"] as? Double ?? 0) > 1_000, "the expert's return: \(orange["finalReturn"] ?? "none")")
        #expect(orange["finalEstimate"] == nil)    // the expert has no critic
        for learner in ["bcq", "bc"] {
            let agent = try #require(outcome[learner] as? [String: Any], "no \(learner) outcome")
            #expect((agent["finalReturn"] as? Double)?.isFinite == true)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.count == 7)    // 4 of blue (no orange estimate) + 3 of BCQ
    }

    @Test(arguments: [["--steps", "100", "--random-steps", "200"], ["--hidden", "a,b"], ["--bogus"],
                      ["--settings", "final,sideways"], ["--value-horizon", "10"], ["--offline", "bcq,dqn"],
                      ["--ddpg", "sac"], ["--blue-ddpg", "td4"], ["--critic-hidden", "0"]])
    func badFlagsGiveOneLine(_ arguments: [String]) throws {
        let out = Self.temporaryFile()
        let run = try Self.run(arguments + ["--out", out.path])
        #expect(run.status != 0)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got:\n\(run.errors)")
        #expect(lines.first?.hasPrefix("hopper-study: ") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
