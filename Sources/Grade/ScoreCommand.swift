import ArgumentParser
import ExerciseAPI
import Foundation
import Grading
import Implementations

extension GradeCommand {
    /// Grades every exercise (the default subcommand).
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score", abstract: "Grade every exercise and write the reports (the default).",
            discussion: """
            Time: each exercise runs in a child process with a time limit, --jobs at once (default: \
            every core). With --reference-timings (written by --implementation reference \
            --save-timings FILE on the grading machine), an exercise's limit is \
            max(--min-limit, --limit-factor × the reference's time), at most --time-limit; without \
            them it is --time-limit. After --deadline seconds the exercises not yet started score 0 \
            as "not run" and the reports are still written.
            """)

        @Option(help: "Whose code to grade: exercises (the student's copy) or reference (Solutions/).")
        var implementation: Implementation = .exercises

        @Option(help: "Folder for results.json and junit.xml.")
        var out: String = "out/grading"

        @Option(help: "The most seconds any exercise may take; each exercise's limit without --reference-timings.")
        var timeLimit: Double = 120

        @Option(help: "Derive each exercise's limit from the reference's time in this file (see --save-timings).")
        var referenceTimings: String?

        @Option(help: "With --reference-timings: an exercise may take this many times the reference's time.")
        var limitFactor: Double = 20

        @Option(help: "With --reference-timings: the least time limit, in seconds.")
        var minLimit: Double = 5

        @Option(help: "Seconds for the whole run; exercises not started by then score 0 as not run.")
        var deadline: Double = 600

        @Option(help: "How many exercises run at once (default: the number of cores).")
        var jobs: Int?

        @Option(help: "Run the student's code as this user (needs root and setpriv; the Gradescope autograder uses it).")
        var runChecksAs: String?

        @Option(help: "With --implementation reference: write each exercise's time to this file.")
        var saveTimings: String?

        @Option(help: "Grade only this lesson (1-9).")
        var lesson: Int?

        @Flag(help: "Exit non-zero unless every exercise fails cleanly with 'not implemented' (checks the untouched stubs).")
        var expectZero = false

        @Flag(help: "Exit non-zero unless every exercise passes (checks the reference solutions).")
        var expectFull = false

        func validate() throws {
            for (name, value) in [("--time-limit", timeLimit), ("--limit-factor", limitFactor),
                                  ("--min-limit", minLimit), ("--deadline", deadline)] where !(value > 0) {
                throw ValidationError("\(name) must be positive, got \(value)")
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
            if let lesson, !(1...9).contains(lesson) {
                throw ValidationError("--lesson must be between 1 and 9, got \(lesson)")
            }
            if expectZero && expectFull { throw ValidationError("--expect-zero and --expect-full exclude each other") }
            if saveTimings != nil && implementation != .reference {
                throw ValidationError("--save-timings measures the reference: add --implementation reference")
            }
        }

        func run() throws {
            let start = Date()
            if implementation == .reference && !referenceIsAvailable {
                throw GradingInputError("this copy of the kit has no Solutions/ folder, so there is no reference to grade")
            }
            let checks = allChecks.filter { lesson == nil || $0.lesson == lesson }
            guard !checks.isEmpty else {
                throw GradingInputError("no exercises are declared\(lesson.map { " for lesson \($0)" } ?? "")")
            }
            let reference = try referenceTimings.map { try ReferenceTimings.load(from: URL(fileURLWithPath: $0)) }
            let limits = TimeLimits(factor: limitFactor, floor: minLimit, ceiling: timeLimit, reference: reference)
            let grading = BudgetedGrading(checks: checks, limits: limits, jobs: jobs ?? CheckScheduler.availableCores,
                                          deadline: deadline)
            let launcher = try runChecksAs.map(IsolatedRunner.unprivilegedLauncher(user:)) ?? []
            print(header(grading))

            let implementation = self.implementation
            let report = grading.run(
                start: start,
                runCheck: { check, limit in
                    IsolatedRunner.run(check: check, implementation: implementation, timeLimit: limit, launcher: launcher)
                },
                progress: { e in
                    print("  \(e.passed ? "✔" : "✘") \(e.id) \(e.name) (\(formatSeconds(e.seconds)) s)"
                          + (e.passed ? "" : " \(e.status.lowercased())"))
                })
            print()
            print(report.table())

            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try report.write(to: folder)
            print("reports: \(folder.path)/results.json (Gradescope), \(folder.path)/junit.xml (JUnit)")
            try saveTimings(report)
            try checkExpectations(report)
        }

        /// What the run will do, in one line.
        private func header(_ grading: BudgetedGrading) -> String {
            let limitText = grading.limits.reference == nil
                ? "time limit \(formatSeconds(timeLimit)) s each"
                : "time limits \(formatSeconds(limitFactor)) × the reference's time, "
                    + "\(formatSeconds(minLimit))–\(formatSeconds(timeLimit)) s"
            let worst = grading.worstCase
            return "Grading \(grading.checks.count) exercises (\(implementation.rawValue)), each in its own process, "
                + "\(grading.jobs) at a time; \(limitText); deadline \(formatSeconds(deadline)) s "
                + "(if every exercise ran to its limit: \(formatSeconds(worst)) s"
                + (worst > deadline ? ", so the deadline would cut it short)." : ").")
        }

        /// Writes each exercise's time on the reference to `--save-timings`, if every one passed.
        private func saveTimings(_ report: GradeReport) throws {
            guard let saveTimings else { return }
            guard report.exercises.allSatisfy(\.passed) else {
                print("not writing \(saveTimings): the reference did not pass every exercise, so its times "
                      + "would make wrong limits")
                throw ExitCode.failure
            }
            let seconds = Dictionary(uniqueKeysWithValues: report.exercises.map { ($0.id, $0.seconds) })
            try ReferenceTimings(seconds: seconds, jobs: jobs ?? CheckScheduler.availableCores)
                .write(to: URL(fileURLWithPath: saveTimings))
            print("reference timings: \(saveTimings) (slowest: "
                  + "\(report.exercises.max { $0.seconds < $1.seconds }.map { "\($0.id) \(formatSeconds($0.seconds)) s" } ?? "none"))")
        }

        /// `--expect-zero` and `--expect-full`.
        private func checkExpectations(_ report: GradeReport) throws {
            if expectZero {
                let wrong = report.exercises.filter { !$0.notImplemented }
                guard wrong.isEmpty else {
                    print("expected every exercise to fail cleanly as 'not implemented'; these did not:\n  "
                          + wrong.map { "\($0.id) \($0.name): \($0.passed ? "passed" : $0.message)" }
                              .joined(separator: "\n  "))
                    throw ExitCode.failure
                }
            }
            if expectFull && report.score < report.maxScore {
                print("expected full marks, got \(report.score) / \(report.maxScore)")
                throw ExitCode.failure
            }
        }
    }
}
