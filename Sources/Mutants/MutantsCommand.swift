import ArgumentParser
import ExerciseAPI
import Foundation
import Grading
import Implementations
import Mutation

/// `mutants`: mutation testing of the exercise checks, for instructors and lesson authors.
///
/// Every mutant of the catalogue (`Sources/Mutation/`) is a plausible wrong answer: the reference
/// solutions with one formula replaced by a mistake. Each runs against its exercise's checks
/// (visible and hidden) in a child process of its own, so a mutant that crashes or loops costs
/// that mutant only. A mutant the checks pass SURVIVED: the checks cannot tell that mistake from
/// the right answer. The command exits with status 1 if any mutant survives.
@main
struct MutantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutants",
        abstract: "Plant plausible mistakes into the reference solutions and check that the graders catch each one.",
        discussion: """
        Prints, for every mutant, caught (with the failing check's message) or SURVIVED, whether the
        message names the mistake, and a summary per exercise. Exits 1 if any mutant survives.
        Mutants are declared in Sources/Mutation/LessonNNMutants.swift.
        """,
        subcommands: [Run.self, RunOne.self],
        defaultSubcommand: Run.self)
}

extension MutantsCommand {
    /// Runs the catalogue (the default subcommand).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run every mutant (or a lesson's, or an exercise's) against its checks (the default).")

        @Option(help: "Only this lesson's mutants (1-9).")
        var lesson: Int?

        @Option(help: "Only this exercise's mutants, e.g. 4.4.")
        var exercise: String?

        @Option(help: "Seconds each mutant's checks may take before the mutant counts as caught by a time-out.")
        var timeLimit: Double = 120

        @Flag(help: "Also exit 1 when a caught mutant's message names none of its hint words.")
        var strictHints = false

        @Flag(help: "Print the failure message of every caught mutant in full.")
        var verbose = false

        func validate() throws {
            guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive, got \(timeLimit)") }
            if let lesson, !(1...9).contains(lesson) { throw ValidationError("--lesson must be between 1 and 9, got \(lesson)") }
        }

        func run() throws {
            guard referenceIsAvailable else {
                throw ValidationError("this copy of the kit has no Solutions/ folder: mutants are planted into the reference")
            }
            let mutants = allMutants.filter { m in
                (lesson == nil || m.lesson == lesson) && (exercise == nil || m.exercise == exercise)
            }
            guard !mutants.isEmpty else { throw ValidationError("no mutant matches the filter") }
            print("Running \(mutants.count) mutants, each in its own process, time limit \(Int(timeLimit)) s.")
            let start = Date()
            var rows: [(mutant: Mutant, caught: Bool, named: Bool)] = []
            for (index, mutant) in mutants.enumerated() {
                let outcome = IsolatedRunner.run(arguments: ["run-one", mutant.id], label: "exercise \(mutant.exercise)",
                                                 name: "mutant-\(index)", timeLimit: timeLimit)
                let caught = !outcome.passed
                // The hint words are looked for in the checks' message only (a crash or a time-out
                // names no mistake), never in the mutant's own name.
                let verdict = MutantVerdict(caught: caught, checkID: nil, message: outcome.message)
                let named = caught && verdict.namesMistake(mutant.hintWords)
                rows.append((mutant, caught, named))
                let mark = caught ? (named ? "caught  " : "caught ?") : "SURVIVED"
                let shown = verbose || outcome.message.count <= 160 ? outcome.message : String(outcome.message.prefix(157)) + "…"
                print("  \(mark) \(mutant.exercise) \(mutant.name)\(caught ? ": " + shown : "")")
            }
            print()
            print(summary(rows))
            let survivors = rows.filter { !$0.caught }
            let unnamed = rows.filter { $0.caught && !$0.named }
            print(String(format: "%d of %d mutants caught, %d survived; %d caught with a message that names none of the hint words (marked ?). %.0f s.",
                         rows.count - survivors.count, rows.count, survivors.count, unnamed.count, Date().timeIntervalSince(start)))
            if !survivors.isEmpty {
                print("SURVIVED: " + survivors.map { "\($0.mutant.exercise) \($0.mutant.name)" }.joined(separator: "; "))
            }
            if !survivors.isEmpty || (strictHints && !unnamed.isEmpty) { throw ExitCode.failure }
        }

        /// One line per exercise: mutants, caught, survived, hints that name the mistake.
        private func summary(_ rows: [(mutant: Mutant, caught: Bool, named: Bool)]) -> String {
            var lines = ["exercise  mutants  caught  survived  hint names it"]
            var exercises: [String] = []
            for row in rows where !exercises.contains(row.mutant.exercise) { exercises.append(row.mutant.exercise) }
            for exercise in exercises {
                let mine = rows.filter { $0.mutant.exercise == exercise }
                let caught = mine.filter(\.caught).count
                lines.append(String(format: "%-8@  %7d  %6d  %8d  %13d", exercise as NSString, mine.count, caught,
                                    mine.count - caught, mine.filter(\.named).count))
            }
            let caught = rows.filter(\.caught).count
            lines.append(String(format: "%-8@  %7d  %6d  %8d  %13d", "total" as NSString, rows.count, caught,
                                rows.count - caught, rows.filter(\.named).count))
            return lines.joined(separator: "\n")
        }
    }

    /// Runs one mutant's checks in this process and prints the outcome as one JSON line (used by `run`).
    struct RunOne: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-one", abstract: "Run a single mutant's checks (internal: used by run).", shouldDisplay: false)

        @Argument(help: "The mutant's id, \"exercise/name\".")
        var id: String

        func run() throws {
            guard let mutant = allMutants.first(where: { $0.id == id }) else {
                throw ValidationError("no mutant with id \(id)")
            }
            let verdict = mutant.verdict(on: exerciseSet(for: .reference).set)
            let outcome: CheckOutcome = verdict.caught ? .failed("[\(verdict.checkID ?? "?")] \(verdict.message)") : .passed
            print(IsolatedRunner.resultMarker + IsolatedRunner.encode(outcome))
        }
    }
}
