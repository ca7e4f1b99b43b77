import ArgumentParser
import ExerciseAPI
import Foundation
import Grading
import Implementations

/// `grade`: scores the exercises of the course for instructors.
///
/// Every exercise's check runs in a child process of its own with a time limit, so a student's
/// crash, infinite loop or NaN costs that exercise only, and the report always comes out.
@main
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade the exercises in Exercises/ (the student's copy) and write a score report.",
        discussion: """
        Writes <out>/results.json (Gradescope's format) and <out>/junit.xml, and prints a table.
        Points per exercise are declared with the checks in Sources/Grading/Checks/.
        """,
        subcommands: [Score.self, RunOne.self],
        defaultSubcommand: Score.self)
}

extension GradeCommand {
    /// Grades every exercise (the default subcommand).
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score", abstract: "Grade every exercise and write the reports (the default).")

        @Option(help: "Whose code to grade: exercises (the student's copy) or reference (Solutions/).")
        var implementation: Implementation = .exercises

        @Option(help: "Folder for results.json and junit.xml.")
        var out: String = "out/grading"

        @Option(help: "Seconds each exercise may take before it is stopped and scored zero.")
        var timeLimit: Double = 120

        @Option(help: "Grade only this lesson (1-8).")
        var lesson: Int?

        @Flag(help: "Exit non-zero unless every exercise fails cleanly with 'not implemented' (checks the untouched stubs).")
        var expectZero = false

        @Flag(help: "Exit non-zero unless every exercise passes (checks the reference solutions).")
        var expectFull = false

        func validate() throws {
            guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive, got \(timeLimit)") }
            if let lesson, !(1...8).contains(lesson) {
                throw ValidationError("--lesson must be between 1 and 8, got \(lesson)")
            }
            if expectZero && expectFull { throw ValidationError("--expect-zero and --expect-full exclude each other") }
        }

        func run() throws {
            if implementation == .reference && !referenceIsAvailable {
                throw ValidationError("this copy of the kit has no Solutions/ folder, so there is no reference to grade")
            }
            let checks = allChecks.filter { lesson == nil || $0.lesson == lesson }
            guard !checks.isEmpty else {
                throw ValidationError("no exercises are declared\(lesson.map { " for lesson \($0)" } ?? "")")
            }
            print("Grading \(checks.count) exercises (\(implementation.rawValue)), each in its own process, "
                  + "time limit \(Int(timeLimit)) s.")
            let start = Date()
            var graded = [GradedExercise]()
            var outcomes = [IsolatedOutcome]()
            for check in checks {
                let outcome = IsolatedRunner.run(check: check, implementation: implementation, timeLimit: timeLimit)
                outcomes.append(outcome)
                let mark = outcome.passed ? "✔" : "✘"
                print("  \(mark) \(check.id) \(check.name)")
                graded.append(GradedExercise(
                    id: check.id, lesson: check.lesson, name: check.name,
                    score: outcome.passed ? check.points : 0, maxScore: check.points,
                    passed: outcome.passed, message: outcome.message, hidden: check.visibility == .hidden,
                    seconds: outcome.seconds))
            }
            let report = GradeReport(exercises: graded, executionTime: Date().timeIntervalSince(start))
            print()
            print(report.table())

            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try report.gradescopeJSON().write(to: folder.appendingPathComponent("results.json"), options: .atomic)
            try Data(report.junitXML().utf8).write(to: folder.appendingPathComponent("junit.xml"), options: .atomic)
            print("reports: \(folder.path)/results.json (Gradescope), \(folder.path)/junit.xml (JUnit)")

            if expectZero {
                let cleanFailures = outcomes.filter(\.notImplemented).count
                guard cleanFailures == outcomes.count else {
                    let wrong = zip(checks, outcomes).filter { !$0.1.notImplemented }.map { "\($0.0.id) \($0.0.name): \($0.1.message.isEmpty ? "passed" : $0.1.message)" }
                    print("expected every exercise to fail cleanly as 'not implemented'; these did not:\n  "
                          + wrong.joined(separator: "\n  "))
                    throw ExitCode.failure
                }
            }
            if expectFull && report.score < report.maxScore {
                print("expected full marks, got \(report.score) / \(report.maxScore)")
                throw ExitCode.failure
            }
        }
    }

    /// Runs one check in this process and prints its outcome as one JSON line (used by `score`).
    struct RunOne: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-one", abstract: "Run a single exercise's check (internal: used by score).",
            shouldDisplay: false)

        @Argument(help: "The exercise id, e.g. 1.2.")
        var id: String

        @Option var implementation: Implementation = .exercises

        func run() throws {
            guard let check = allChecks.first(where: { $0.id == id }) else {
                throw ValidationError("no exercise with id \(id); known: \(allChecks.map(\.id).joined(separator: ", "))")
            }
            let outcome = check.outcome(on: exerciseSet(for: implementation).set)
            print(IsolatedRunner.resultMarker + IsolatedRunner.encode(outcome))
        }
    }
}

extension Implementation: ExpressibleByArgument {}

extension IsolatedRunner {
    /// Runs `check` on `implementation` in a child process (`grade run-one ID`) with a time limit.
    static func run(check: ExerciseCheck, implementation: Implementation, timeLimit: Double) -> IsolatedOutcome {
        run(arguments: ["run-one", check.id, "--implementation", implementation.rawValue],
            label: "exercise \(check.id) \(check.name)", name: check.id, timeLimit: timeLimit)
    }
}
