import BuiltProducts
import Foundation
import LessonClaims

/// Runs a built lesson executable with its quick settings and reads what it wrote: the helper
/// every lesson claim test uses.
///
/// ```swift
/// @Test func behaviorCloningImprovesWithDemonstrations() throws {
///     let run = try LessonRun.run("01-behavior-cloning", seed: 0)
///     let returns = try run.numbers("bc.returns")
///     #expect(returns.last! > returns.first!)
/// }
/// ```
/// `swift test` builds the lesson executables along with the tests (`scripts/test` builds that way, once);
/// with `--skip-build`, build them first. They are looked for beside the test bundle, in the same build folder.
struct LessonRun {
    /// The lesson's results.json, decoded.
    let document: [String: Any]
    /// Its "results" object: what the lesson recorded with `context.record`.
    let results: [String: Any]
    /// The lesson's output folder (a fresh temporary folder per run).
    let directory: URL
    /// Everything the lesson printed (standard output and error).
    let output: String

    /// Runs `lesson` (e.g. "01-behavior-cloning") with `--quick --no-step --seed <seed>
    /// --out <fresh temporary folder> --formats png` plus `arguments`, and reads its results.json.
    ///
    /// - Throws: `LessonRunError` if the executable is missing, runs longer than `timeLimit`
    ///   seconds (it is then killed), exits with a non-zero status, or writes no valid results.json.
    /// `environment` changes the lesson's environment: a value sets a variable, `nil` removes it.
    /// `root` is the `--out` folder (default: a fresh temporary one); runs that share one, such
    /// as the shards of a lesson and their merge, each keep their own log in it.
    static func run(_ lesson: String, seed: UInt64 = 0, arguments: [String] = [],
                    environment changes: [String: String?] = [:], timeLimit: Double = 600,
                    root given: URL? = nil) throws -> LessonRun {
        let executable = try locate(lesson)
        let root = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("claims-\(lesson)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let logURL = root.appendingPathComponent("output-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quick", "--no-step", "--seed", String(seed), "--out", root.path, "--formats", "png"]
            + arguments
        if !changes.isEmpty {
            var environment = ProcessInfo.processInfo.environment
            for (name, value) in changes { environment[name] = value }
            process.environment = environment
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 5)
            }
            throw LessonRunError.timedOut(lesson: lesson, seconds: timeLimit, output: tail(of: logURL))
        }
        let output = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw LessonRunError.failed(lesson: lesson, status: process.terminationStatus, output: tail(of: logURL))
        }
        var directory = try outputDirectory(in: root, lesson: lesson)
        if let index = arguments.firstIndex(of: "--seeds"), index + 1 < arguments.count {
            // A shard writes its own notebook and results to shards/seeds-A-B/.
            let bounds = arguments[index + 1].replacingOccurrences(of: "...", with: "-").replacingOccurrences(of: "..", with: "-")
                .split(separator: "-").map(String.init)
            directory = directory.appendingPathComponent("shards/seeds-\(bounds.first ?? "")-\(bounds.last ?? "")")
        }
        let resultsURL = directory.appendingPathComponent("results.json")
        guard let data = FileManager.default.contents(atPath: resultsURL.path),
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LessonRunError.noResults(lesson: lesson, path: resultsURL.path)
        }
        return LessonRun(document: document, results: document["results"] as? [String: Any] ?? [:],
                         directory: directory, output: output)
    }

    /// The run's results, read as the claims read them (`Sources/LessonClaims`).
    var claimResults: LessonResults { LessonResults(document: document) }

    /// The recorded value under `key`.
    func value(_ key: String) throws -> Any { try claimResults.value(key) }

    /// The recorded number under `key`.
    func number(_ key: String) throws -> Double { try claimResults.number(key) }

    /// The measurement (a throughput or a time) recorded under `key` in the run's timing.json.
    func measurement(_ key: String) throws -> Double {
        let url = directory.appendingPathComponent("timing.json")
        guard let measurements = try timing()["measurements"] as? [String: Any] else {
            throw LessonRunError.noResults(lesson: "timing.json", path: url.path)
        }
        guard let number = measurements[key] as? Double else {
            throw LessonRunError.missingResult(key: key, available: measurements.keys.sorted())
        }
        return number
    }

    /// The run's timing.json, decoded.
    func timing() throws -> [String: Any] {
        let url = directory.appendingPathComponent("timing.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let timing = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LessonRunError.noResults(lesson: "timing.json", path: url.path)
        }
        return timing
    }

    /// The recorded list of numbers under `key`.
    func numbers(_ key: String) throws -> [Double] { try claimResults.numbers(key) }

    /// The recorded text under `key`.
    func text(_ key: String) throws -> String { try claimResults.text(key) }

    /// The recorded dictionary under `key`.
    func dictionary(_ key: String) throws -> [String: Any] { try claimResults.dictionary(key) }

    /// The run's status in results.json ("complete" when every cell ran).
    var status: String? { document["status"] as? String }

    /// Whether the lesson wrote a file of this name in its output folder.
    func wrote(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path)
    }

    // MARK: Finding the executable

    /// The built executable named `lesson`, looked for in the build folder holding the tests.
    static func locate(_ lesson: String) throws -> URL {
        do {
            return try BuiltExecutable.url(lesson)
        } catch let error as ExecutableNotBuilt {
            throw LessonRunError.notBuilt(lesson: lesson, searched: error.searched)
        }
    }

    private static func outputDirectory(in root: URL, lesson: String) throws -> URL {
        let direct = root.appendingPathComponent(lesson)
        if FileManager.default.fileExists(atPath: direct.path) { return direct }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard let folder = folders.first(where: { !$0.hasPrefix(".") && !$0.hasSuffix(".log") }) else {
            throw LessonRunError.noResults(lesson: lesson, path: direct.appendingPathComponent("results.json").path)
        }
        return root.appendingPathComponent(folder)
    }

    private static func tail(of url: URL, lines: Int = 40) -> String {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

/// Why a lesson run could not be used by a claim test.
enum LessonRunError: Error, CustomStringConvertible {
    case notBuilt(lesson: String, searched: [String])
    case timedOut(lesson: String, seconds: Double, output: String)
    case failed(lesson: String, status: Int32, output: String)
    case noResults(lesson: String, path: String)
    case missingResult(key: String, available: [String])

    var description: String {
        switch self {
        case let .notBuilt(lesson, searched):
            return "the lesson executable \(lesson) is not built: run swift build first "
                + "(`swift build -c release` for `swift test -c release`). Looked in: \(searched.joined(separator: ", "))"
        case let .timedOut(lesson, seconds, output):
            return "\(lesson) --quick ran longer than \(Int(seconds)) s and was killed. Last output:\n\(output)"
        case let .failed(lesson, status, output):
            return "\(lesson) --quick exited with status \(status). Last output:\n\(output)"
        case let .noResults(lesson, path):
            return "\(lesson) wrote no readable results.json at \(path)"
        case let .missingResult(key, available):
            return "results.json has no result \"\(key)\"; it has: \(available.joined(separator: ", "))"
        }
    }
}
