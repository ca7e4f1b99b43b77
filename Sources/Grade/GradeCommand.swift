import ArgumentParser
import ExerciseAPI
import Foundation
import Grading
import Implementations

/// `grade`: scores the exercises of the course for instructors.
///
/// Every exercise's check runs in a child process of its own with a time limit, several at once,
/// so a student's crash, infinite loop or NaN costs that exercise only, and the whole run has a
/// deadline after which the report still comes out.
@main
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade the exercises in Exercises/ (the student's copy) and write a score report.",
        discussion: """
        Writes <out>/results.json (Gradescope's format) and <out>/junit.xml, and prints a table.
        Points per exercise are declared with the checks in Sources/Grading/Checks/.
        """,
        subcommands: [Score.self, FailAll.self, RunOne.self],
        defaultSubcommand: Score.self)
}

extension GradeCommand {
    /// Writes a report that scores every exercise 0 for one reason (used by the Gradescope
    /// autograder when a submission is missing or does not build).
    struct FailAll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fail-all",
            abstract: "Write reports that score every exercise 0 for one reason (a submission that does not build).")

        @Option(help: "The one-line reason, shown to the student with every exercise.")
        var reason: String

        @Option(help: "A file whose text (e.g. the compiler's errors) follows the reason in the report's output.")
        var details: String?

        @Option(help: "Folder for results.json and junit.xml.")
        var out: String = "out/grading"

        func run() throws {
            var notes = [reason]
            if let details {
                guard let text = try? String(contentsOfFile: details, encoding: .utf8) else {
                    throw GradingInputError("cannot read the details file \(details)")
                }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { notes.append(String(trimmed.prefix(8000))) }
            }
            let exercises = allChecks.map { check in
                GradedExercise(id: check.id, lesson: check.lesson, name: check.name, score: 0, maxScore: check.points,
                               passed: false, message: "\(check): not graded: \(reason)",
                               hidden: check.visibility == .hidden, seconds: 0)
            }
            let report = GradeReport(exercises: exercises, executionTime: 0, notes: notes)
            try report.write(to: URL(fileURLWithPath: out, isDirectory: true))
            print("every exercise scored 0: \(reason)")
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

extension GradeReport {
    /// Writes `results.json` (Gradescope) and `junit.xml` into `folder`, creating it.
    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try gradescopeJSON().write(to: folder.appendingPathComponent("results.json"), options: .atomic)
        try Data(junitXML().utf8).write(to: folder.appendingPathComponent("junit.xml"), options: .atomic)
    }
}

extension IsolatedRunner {
    /// Runs `check` on `implementation` in a child process (`grade run-one ID`) with a time limit,
    /// started through `launcher` if one is given.
    static func run(check: ExerciseCheck, implementation: Implementation, timeLimit: Double,
                    launcher: [String] = []) -> IsolatedOutcome {
        run(arguments: ["run-one", check.id, "--implementation", implementation.rawValue],
            label: "exercise \(check.id) \(check.name)", name: check.id, timeLimit: timeLimit, launcher: launcher)
    }
}
