// Runs lessons' quick settings over seeds and BLAS kernels and tells, for every claim, on how many
// runs it holds: the check that a claim is a statistic, not the luck of one path.
//
//     swift run -c release robustness                       # lessons 1–8, seeds 0–9, three kernels
//     swift run -c release robustness --lessons 7,8 --seeds 0-4 --kernels Haswell
import ArgumentParser
import Foundation
import LessonClaims
import Numerics

@main
struct Robustness: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate every lesson claim over seeds × OpenBLAS kernels and print its pass rate.",
        discussion: """
            Each run is `<lesson> --quick --seed S` with OPENBLAS_CORETYPE set to the kernel. An asserted claim \
            must hold on at least --required of the runs; a known issue must hold on none (else it is intermittent \
            and needs a robust experiment). Exits with status 1 when a claim misses its mark.
            """)

    @Option(help: "Lesson numbers, comma-separated (default: every lesson with claims).")
    var lessons: String?

    @Option(help: "Base seeds: a range such as 0-9 or a list such as 0,3,7.")
    var seeds = "0-9"

    @Option(help: "OpenBLAS kernels (OPENBLAS_CORETYPE values), comma-separated.")
    var kernels = "Haswell,SkylakeX,Sandybridge"

    @Option(help: "Runs at a time.")
    var jobs = 2

    @Option(help: "The fraction of runs an asserted claim must hold on.")
    var required = 29.0 / 30.0

    @Option(help: "Where the runs and the table go.")
    var out = "out/robustness"

    @Flag(help: "Run no lesson: evaluate the claims on the results.json files an earlier run left in --out (after a change to a claim's rule, not to the experiment).")
    var evaluateOnly = false

    @Argument(parsing: .postTerminator,
              help: "Extra arguments for every lesson run, after --: e.g. -- --seed-count 12 (the study claims' scale).")
    var lessonArguments: [String] = []

    mutating func validate() throws {
        _ = try parsedSeeds()
        _ = try parsedLessons()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard (0...1).contains(required) else { throw ValidationError("--required must be a fraction in 0…1, got \(required)") }
        guard !kernelList.isEmpty else { throw ValidationError("--kernels names no kernel") }
    }

    var kernelList: [String] { kernels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func parsedSeeds() throws -> [UInt64] {
        if let dash = seeds.firstIndex(of: "-"), let low = UInt64(seeds[..<dash]), let high = UInt64(seeds[seeds.index(after: dash)...]),
           low <= high {
            return Array(low...high)
        }
        let list = seeds.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--seeds must be a range like 0-9 or a list like 0,3,7; got \"\(seeds)\"")
        }
        return list.map { $0! }
    }

    func parsedLessons() throws -> [Int] {
        guard let lessons else { return ClaimCatalogue.lessons.keys.sorted() }
        let list = lessons.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0 != nil && ClaimCatalogue.lessons[$0!] != nil }) else {
            throw ValidationError("--lessons must list lesson numbers among \(ClaimCatalogue.lessons.keys.sorted()); got \"\(lessons)\"")
        }
        return list.map { $0! }
    }

    func run() throws {
        let lessonNumbers = try parsedLessons(), seedList = try parsedSeeds(), kernelNames = kernelList
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for number in lessonNumbers where !evaluateOnly {
            let path = folder.appendingPathComponent(ClaimCatalogue.lessons[number]!).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ValidationError("\(path) is not built: run `swift build -c release` first (scripts/robustness does)")
            }
        }
        let root = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let runs = lessonNumbers.flatMap { lesson in kernelNames.flatMap { kernel in seedList.map { RunSpec(lesson: lesson, kernel: kernel, seed: $0) } } }
        print("robustness: \(runs.count) runs (lessons \(lessonNumbers.map(String.init).joined(separator: ",")), seeds \(seeds), "
              + "kernels \(kernelNames.joined(separator: ",")), \(jobs) at a time) → \(root.path)")

        let tally = RunTally(total: runs.count)
        let extra = lessonArguments, runsLessons = !evaluateOnly
        let outcomes = try parallelMap(runs.count, threads: jobs) { index in
            let outcome = runs[index].execute(executables: folder, root: root, extra: extra, run: runsLessons)
            tally.add(outcome)
            return outcome
        }

        let report = RobustnessReport(outcomes: outcomes, lessons: lessonNumbers, kernels: kernelNames,
                                      seeds: seedList, required: required)
        let table = report.markdown()
        print()
        print(table)
        try table.write(to: root.appendingPathComponent("table.md"), atomically: true, encoding: .utf8)
        print("robustness: table written to \(root.appendingPathComponent("table.md").path)")
        if !report.missedMarks.isEmpty {
            print("robustness: \(report.missedMarks.count) claim(s) missed their mark: \(report.missedMarks.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }
}

/// One lesson run: a lesson, a kernel and a base seed.
struct RunSpec: Sendable {
    let lesson: Int
    let kernel: String
    let seed: UInt64

    /// Runs the lesson and evaluates its claims; a run that fails gives every claim a failed verdict.
    func execute(executables: URL, root: URL, extra: [String], run: Bool = true) -> RunOutcome {
        let name = ClaimCatalogue.lessons[lesson]!
        let directory = root.appendingPathComponent("runs/\(name)/\(kernel)-seed\(seed)")
        if !run {
            // The lesson's own record of its cells' time stands in for the run's wall time.
            let timing = (try? Data(contentsOf: directory.appendingPathComponent("\(name)/timing.json")))
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            return evaluate(directory: directory, name: name, seconds: timing?["seconds"] as? Double ?? .nan, failure: nil)
        }
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("output.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = executables.appendingPathComponent(name)
        process.arguments = ["--quick", "--no-step", "--seed", String(seed), "--out", directory.path, "--formats", "png"] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = kernel
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        let start = Date()
        var failure: String?
        do {
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failure = "\(name) exited with status \(process.terminationStatus); see \(log.path)" }
        } catch {
            failure = "\(name) could not start: \(error)"
        }
        try? handle?.close()
        return evaluate(directory: directory, name: name, seconds: Date().timeIntervalSince(start), failure: failure)
    }

    /// Evaluates the lesson's claims on the results.json in `directory` (every claim fails with
    /// `failure` when the run failed or left no results).
    private func evaluate(directory: URL, name: String, seconds: Double, failure: String?) -> RunOutcome {
        var failure = failure
        let claims = ClaimCatalogue.claims(ofLesson: lesson)
        var verdicts: [String: Verdict] = [:]
        if failure == nil {
            do {
                let results = try LessonResults(contentsOf: directory.appendingPathComponent("\(name)/results.json"))
                for claim in claims { verdicts[claim.key] = claim.evaluate(results) }
            } catch {
                failure = "\(error)"
            }
        }
        if let failure {
            for claim in claims { verdicts[claim.key] = Verdict(checks: [], error: failure) }
        }
        return RunOutcome(spec: self, seconds: seconds, verdicts: verdicts)
    }
}

/// What one run found.
struct RunOutcome: Sendable {
    let spec: RunSpec
    let seconds: Double
    let verdicts: [String: Verdict]
}

/// The number of finished runs, with a progress line per run.
final class RunTally: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int

    init(total: Int) { self.total = total }

    func add(_ outcome: RunOutcome) {
        let done = lock.withLock {
            self.done += 1
            return self.done
        }
        let failed = outcome.verdicts.values.filter { !$0.holds }.count
        let spec = outcome.spec
        // Written straight to the descriptor, so that progress shows at once even through a pipe.
        let line = String(format: "[%d/%d] lesson %d %@ seed %llu: %.0f s, %d of %d claims fail\n", done, total, spec.lesson,
                          spec.kernel, spec.seed, outcome.seconds, failed, outcome.verdicts.count)
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
