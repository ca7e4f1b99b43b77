import Foundation
import Grading
import Testing

/// What `run_autograder` wrote to `results/results.json` (the fields the tests read).
struct GradescopeResults: Decodable {
    struct Test: Decodable {
        var name: String
        var number: String?
        var score: Double
        var maxScore: Double
        var status: String?
        var output: String
        var visibility: String?

        enum CodingKeys: String, CodingKey {
            case name, number, score, status, output, visibility
            case maxScore = "max_score"
        }
    }

    var score: Double
    var output: String
    var executionTime: Double
    var stdoutVisibility: String?
    var tests: [Test]

    enum CodingKeys: String, CodingKey {
        case score, output, tests
        case executionTime = "execution_time"
        case stdoutVisibility = "stdout_visibility"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        score = try c.decode(Double.self, forKey: .score)
        output = try c.decodeIfPresent(String.self, forKey: .output) ?? ""
        executionTime = try c.decodeIfPresent(Double.self, forKey: .executionTime) ?? 0
        stdoutVisibility = try c.decodeIfPresent(String.self, forKey: .stdoutVisibility)
        tests = try c.decodeIfPresent([Test].self, forKey: .tests) ?? []
    }
}

/// The fake `/autograder` tree and the kit it grades in, shared by the tests of one process.
extension GradescopeBundleTests {
    /// One run of `run_autograder`.
    struct Run {
        var results: GradescopeResults
        /// Its stdout and stderr.
        var log: String
        /// Wall-clock seconds, build included.
        var wallTime: Double
    }

    /// This repository: three folders up from this file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The kit `run_autograder` builds and grades in (`GRADESCOPE_TEST_KIT`, or a folder in `.build/`
    /// that stays between runs so that its build is incremental).
    static let kit = ProcessInfo.processInfo.environment["GRADESCOPE_TEST_KIT"].map { URL(fileURLWithPath: $0) }
        ?? repository.appendingPathComponent(".build/gradescope-test/kit")

    /// Work done once per test process: the synced and built kit, and the zip.
    private static let prepared = Once<(kit: URL, zip: URL)> {
        try syncKit()
        try buildKit()
        let grade = kit.appendingPathComponent(".build/release/grade").path
        let timings = kit.appendingPathComponent(".gradescope/reference-timings.json").path
        let calibration = try shell([grade, "--implementation", "reference", "--expect-full", "--save-timings", timings,
                                     "--out", temporary("calibration").path], in: kit)
        guard calibration.status == 0 else { throw GradingInputError("timing the reference failed:\n\(calibration.output)") }
        let zip = temporary("bundle").appendingPathComponent("autograder.zip")
        try FileManager.default.createDirectory(at: zip.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bundle = try shell(["scripts/gradescope", "--out", zip.path], in: repository)
        guard bundle.status == 0 else { throw GradingInputError("scripts/gradescope failed:\n\(bundle.output)") }
        return (kit, zip)
    }

    /// The kit, synced with this repository, built, and with the reference's timings.
    static func preparedKit() throws -> URL { try prepared.value().kit }

    /// A fresh fake `/autograder`: `source/` unpacked from the zip, `run_autograder` beside it as
    /// Gradescope places it, and `submission/Exercises/` a copy of `exercises`. Returns `submission/`.
    static func submission(from exercises: URL) throws -> URL {
        let zip = try prepared.value().zip
        let root = temporary("root")
        let source = root.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let unzip = try shell(["unzip", "-q", zip.path, "-d", source.path], in: root)
        guard unzip.status == 0 else { throw GradingInputError("unzip failed: \(unzip.output)") }
        try FileManager.default.copyItem(at: source.appendingPathComponent("run_autograder"),
                                         to: root.appendingPathComponent("run_autograder"))
        let submission = root.appendingPathComponent("submission")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: exercises, to: submission.appendingPathComponent("Exercises"))
        return submission
    }

    /// Runs the fake tree's `run_autograder` on `submission` with the kit, and reads its report.
    static func runAutograder(submission: URL, kit: URL, settings: [String: String] = [:]) throws -> Run {
        let root = submission.deletingLastPathComponent()
        var environment = ["AUTOGRADER_ROOT": root.path, "AUTOGRADER_KIT": kit.path,
                           "AUTOGRADER_CHECK_USER": "nobody"]  // as root here, the checks run as nobody
        environment.merge(settings) { $1 }
        let start = Date()
        let run = try shell(["/bin/bash", root.appendingPathComponent("run_autograder").path], in: root,
                            environment: environment)
        let wallTime = Date().timeIntervalSince(start)
        #expect(run.status == 0, "run_autograder exits 0 whatever happens:\n\(run.output)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        return Run(results: try JSONDecoder().decode(GradescopeResults.self, from: data), log: run.output,
                   wallTime: wallTime)
    }

    /// The stub file of exercise `id` in a submission.
    static func stubFile(exercise id: String, in submission: URL) throws -> URL {
        let folder = submission.appendingPathComponent("Exercises")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files where (try? String(contentsOf: file, encoding: .utf8))?.contains("exercise: \"\(id)\"") == true {
            return file
        }
        throw GradingInputError("no stub for exercise \(id) in \(folder.path)")
    }

    /// Makes exercise `id`'s stub loop forever before it throws.
    static func makeLoop(exercise id: String, in submission: URL) throws {
        let file = try stubFile(exercise: id, in: submission)
        let stub = "throw NotImplemented(exercise: \"\(id)\""
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: stub, with: "while true {}\n        " + stub)
            .write(to: file, atomically: true, encoding: .utf8)
    }

    /// Seconds for a printed line.
    static func seconds(_ s: Double) -> String { String(format: "%.1f", s) }

    /// A new folder name under the temporary directory (not created).
    static func temporary(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gradescope-test-\(label)-\(UUID().uuidString)")
    }

    /// Runs a command and returns its exit status and output (stdout and stderr together).
    static func shell(_ command: [String], in folder: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = temporary("log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Copies into the kit what git has here (tracked and new files), rewriting only files whose
    /// content differs so that the kit's build stays incremental, and removes files git no longer
    /// has. `Exercises/` is left to `run_autograder` (it is seeded with the stubs the first time).
    private static func syncKit() throws {
        let listing = try shell(["git", "ls-files", "--cached", "--others", "--exclude-standard"], in: repository)
        guard listing.status == 0 else { throw GradingInputError("git ls-files failed: \(listing.output)") }
        let manager = FileManager.default
        let seedExercises = !manager.fileExists(atPath: kit.appendingPathComponent("Exercises").path)
        var wanted = Set<String>()
        for path in listing.output.split(separator: "\n").map(String.init) {
            guard !path.hasPrefix("Exercises/") || seedExercises else { continue }
            let from = repository.appendingPathComponent(path)
            guard let data = manager.contents(atPath: from.path) else { continue }
            wanted.insert(path)
            let to = kit.appendingPathComponent(path)
            if manager.contents(atPath: to.path) != data {
                try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: to)
            }
        }
        let resolved = repository.appendingPathComponent("Package.resolved")
        if !manager.fileExists(atPath: kit.appendingPathComponent("Package.resolved").path),
           manager.fileExists(atPath: resolved.path) {
            try manager.copyItem(at: resolved, to: kit.appendingPathComponent("Package.resolved"))
        }
        let kept: Set<String> = [".build", ".gradescope", ".swiftpm", "Exercises", "Package.resolved"]
        let files = manager.enumerator(at: kit, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL } ?? []
        for file in files {
            let path = String(file.standardizedFileURL.path.dropFirst(kit.standardizedFileURL.path.count + 1))
            guard let first = path.split(separator: "/").first, !kept.contains(String(first)) else { continue }
            let isFile = (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            if isFile && !wanted.contains(path) { try manager.removeItem(at: file) }
        }
    }

    /// Builds the kit's grader; if the kit's `Exercises/` do not compile (a test's broken
    /// submission left there), puts the stubs back and builds again.
    private static func buildKit() throws {
        let build = ["swift", "build", "-c", "release", "--product", "grade"]
        if try shell(build, in: kit).status == 0 { return }
        let exercises = kit.appendingPathComponent("Exercises")
        try FileManager.default.removeItem(at: exercises)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Exercises"), to: exercises)
        let again = try shell(build, in: kit)
        guard again.status == 0 else { throw GradingInputError("the test kit does not build:\n\(again.output.suffix(3000))") }
    }
}

/// A value computed at most once, on first use, by whichever test gets there first.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () throws -> Value
    private var result: Result<Value, any Error>?

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    func value() throws -> Value {
        try lock.withLock {
            if let result { return try result.get() }
            let made = Result { try make() }
            result = made
            return try made.get()
        }
    }
}
