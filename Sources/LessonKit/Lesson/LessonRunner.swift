import ExerciseAPI
import Foundation
import Numerics
import Plotting

/// Runs a lesson's cells in order, shows them in the terminal and keeps the notebooks and
/// results.json up to date after every cell, so a failure or a crash never loses what ran.
struct LessonRunner {
    let lesson: Lesson
    let options: LessonCommand
    let console: Console
    /// The line of `lesson.run()` in the lesson's source, which ends the last cell's code.
    let endLine: Int?

    init(lesson: Lesson, options: LessonCommand, console: Console, endLine: Int?) {
        self.lesson = lesson
        self.options = options
        self.console = console
        self.endLine = endLine
    }

    mutating func run() -> RunOutcome {
        let info = lesson.info
        var directory = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(info.directoryName)
        if let shard = options.seedRange {
            // A shard's notebooks and figures are its own; only its per-seed runs (seeds/) are shared with the merge.
            directory = directory.appendingPathComponent("shards").appendingPathComponent(shard.folderName)
        }
        let count = lesson.cells.count
        let last = options.lastCell ?? count
        if last > count {
            return notStarted(LessonError.noSuchCell(requested: last, count: count).description, directory)
        }
        if options.scale == .paper && lesson.paperScale == nil {
            return notStarted(LessonError.noPaperScale(lesson: info.number).description, directory)
        }
        if options.backend == .gnuplot && !Self.programExists("gnuplot") {
            return notStarted(LessonError.gnuplotMissing.description, directory)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return notStarted(LessonError.cannotWrite(path: directory.path, reason: error.localizedDescription).description,
                              directory)
        }

        let context = LessonContext(lesson: info, options: options, outputDirectory: directory, console: console,
                                    typedResults: lesson.typedResults)
        let sources = CellSource.extract(file: lesson.sourceFile, cellLines: lesson.cells.map(\.line), endLine: endLine)
        let writer = LessonWriter(info: info, options: options, directory: directory, cellCount: count, sources: sources)
        let stepping = options.step ?? (isatty(STDIN_FILENO) == 1 && console.isTerminal)
        let started = Date()
        var records: [CellRecord] = []
        var status = RunOutcome.Status.complete
        var message: String?

        printHeader(directory: directory, stepping: stepping, last: last)
        for index in 0..<last {
            let earlierMissing = options.implementation == .exercises && records.contains {
                if case .notImplemented = $0.status { return true } else { return false }
            }
            let record = runCell(number: index + 1, context: context, earlierMissing: earlierMissing)
            records.append(record)
            if case .failed(let error) = record.status {
                status = .failed
                message = "cell \(record.number) (\(record.cell.title)) failed: \(error)"
                console.line(console.styled(message!, .red))
            }
            let (results, resultsProblem) = context.allResults()
            let writeProblem = writer.write(records: records, status: status, results: results,
                                            measurements: context.recordedMeasurements, started: started)
            if let problem = resultsProblem ?? writeProblem {
                console.line(console.styled(problem, .red))
                if status != .failed { status = .failed; message = problem }
            }
            if status == .failed { break }
            if stepping && index + 1 < last && !pause(next: index + 2, of: count) {
                status = .stopped
                _ = writer.write(records: records, status: status, results: context.allResults().entries,
                                 measurements: context.recordedMeasurements, started: started)
                break
            }
        }
        if let shard = options.seedRange, status == .complete, context.shardsSaved.isEmpty {
            // Nothing saved is not a failure: a course run split by seeds meets lessons with fewer seeds
            // than its range (and the tour, with none), and a merge names any seed still missing.
            let experiments = context.experimentsMet.map { "\"\($0)\"" }.joined(separator: ", ")
            console.line(console.styled("--seeds \(shard): " + (experiments.isEmpty
                ? "this lesson has no experiment over seeds; it ran whole"
                : "nothing to run: none of this lesson's experiments over seeds (\(experiments)) has a seed in this "
                  + "range (each cell's note gives its seeds; --seed-count sets how many)"), .yellow))
        }
        let outcome = RunOutcome(
            status: status, cellsRun: records.count,
            completedCells: records.filter { $0.status == .done }.map(\.number),
            skippedCells: records.filter { $0.status.word == "skipped" || $0.status.word == "not-implemented" }.map(\.number),
            failedCell: records.first { $0.status.word == "failed" }?.number,
            unimplemented: Self.unimplemented(in: records), outputDirectory: directory, message: message)
        printSummary(outcome, records: records, seconds: Date().timeIntervalSince(started))
        if options.seedRange != nil, !context.shardsSaved.isEmpty { printShardSummary(context) }
        return outcome
    }

    /// Runs one cell and reports how it ended. With `earlierMissing` (running the student's
    /// exercises after one turned out unwritten), an error is taken as a consequence of the
    /// missing exercise: the cell is skipped with the error as its reason, not failed.
    private func runCell(number: Int, context: LessonContext, earlierMissing: Bool) -> CellRecord {
        let cell = lesson.cells[number - 1]
        var record = CellRecord(number: number, cell: cell)
        console.line(TerminalStyle.cellRule(number: number, count: lesson.cells.count, title: cell.title, console: console))
        let start = Date()
        switch cell.body {
        case .markdown(let text):
            for line in TerminalStyle.lines(for: text, console: console) { console.line(line) }
            console.line()
        case .listing(let listing):
            do {
                let excerpt = try listing.excerpt(root: lesson.packageRoot)
                record.listing = listing.markdown(excerpt)
                console.line(console.styled("\(listing.file), lines \(excerpt.lines.lowerBound)–\(excerpt.lines.upperBound):", .dim))
                for (offset, text) in excerpt.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    console.line(console.styled(String(format: "%4d  ", excerpt.lines.lowerBound + offset), .dim) + text)
                }
                console.line()
            } catch {
                record.status = .failed(message: Self.describe(error))
            }
        case .code(let body):
            do {
                try body(context)
            } catch let missing as NotImplemented {
                record.status = .notImplemented(exercise: missing.exercise, name: missing.name, file: missing.file)
                console.line(console.styled("\(missing) (cell \(number) skipped)", .yellow))
            } catch let skip as CellSkipped {
                record.status = .skipped(reason: skip.reason)
                console.line(console.styled("cell \(number) skipped: \(skip.reason)", .yellow))
            } catch {
                let text = Self.describe(error)
                if earlierMissing {
                    let reason = "it needs what an unimplemented exercise computes (\(text))"
                    record.status = .skipped(reason: reason)
                    console.line(console.styled("cell \(number) skipped: \(reason)", .yellow))
                } else {
                    record.status = .failed(message: text)
                }
            }
            let ended = context.endCell()
            record.outputs = ended.outputs
            if record.status == .done, let problem = ended.problems.first {
                record.status = .failed(message: problem)
            }
        }
        record.seconds = Date().timeIntervalSince(start)
        return record
    }

    /// Waits for Enter; false when the user types q (or input ends in a way that asks to stop).
    private func pause(next: Int, of count: Int) -> Bool {
        console.write(console.styled("[Enter: cell \(next)/\(count) · q: stop] ", .dim))
        guard let answer = console.readLine() else { console.line(); return true }
        return answer.trimmed().lowercased() != "q"
    }

    private func printHeader(directory: URL, stepping: Bool, last: Int) {
        let info = lesson.info
        let title = "Lesson \(info.number) · \(info.title)"
        console.line(console.styled(title, .boldCyan))
        if !console.usesStyles { console.line(String(repeating: "=", count: title.count)) }
        var settings = ["seed \(options.seed)", options.quick ? "quick" : "full budgets",
                        "\(options.implementation.rawValue) implementation",
                        "figures \(options.formats) via \(options.backend.rawValue)", "out \(directory.path)"]
        if last < lesson.cells.count { settings.append("cells 1–\(last) of \(lesson.cells.count)") }
        if let shard = options.seedRange { settings.append("shard: seeds \(shard)") }
        if options.merge { settings.append("merging the shards' seeds") }
        if let seedCount = options.seedCount { settings.append("\(seedCount) seeds per experiment") }
        if options.scale == .paper, let paper = lesson.paperScale { settings.append("paper scale: \(paper)") }
        if stepping { settings.append("pausing between cells") }
        console.line(console.styled(settings.joined(separator: " · "), .dim))
        console.line(console.styled("BLAS: \(BLASKernel.summary)", .dim))
        console.line()
    }

    private func printSummary(_ outcome: RunOutcome, records: [CellRecord], seconds: Double) {
        let figures = records.flatMap(\.outputs).filter { if case .figure = $0 { return true } else { return false } }.count
        console.line(console.styled(String(repeating: "─", count: min(console.width, 60)), .dim))
        let verb = outcome.status == .failed ? "stopped at a failure after" : "ran"
        console.line("\(lesson.info.directoryName) \(verb) \(outcome.cellsRun) of \(lesson.cells.count) cells in "
            + Progress.duration(seconds) + "; \(figures) figure\(figures == 1 ? "" : "s"), notebook.ipynb, "
            + "notebook.md and results.json are in \(outcome.outputDirectory.path)/")
        if !outcome.unimplemented.isEmpty {
            console.line(console.styled("Not implemented yet (\(outcome.unimplemented.count)); the cells that need them were skipped:", .yellow))
            for missing in outcome.unimplemented { console.line("  • \(missing)") }
        }
        for record in records {
            if case .skipped(let reason) = record.status {
                console.line(console.styled("  cell \(record.number) (\(record.cell.title)) skipped: \(reason)", .yellow))
            }
        }
        if let message = outcome.message, outcome.status == .failed {
            console.line(console.styled(message, .red))
        }
    }

    /// What a shard kept, and the command that merges the shards.
    private func printShardSummary(_ context: LessonContext) {
        for (experiment, indices) in context.shardsSaved {
            console.line("  kept \"\(experiment)\": seed\(indices.count == 1 ? "" : "s") \(SeedRunError.ranges(indices)) in "
                         + context.seedStore.directory.appendingPathComponent(experiment).path + "/")
        }
        var arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--seeds"), index + 1 < arguments.count {
            arguments.replaceSubrange(index...index + 1, with: ["--merge"])
        } else if let index = arguments.firstIndex(where: { $0.hasPrefix("--seeds=") }) {
            arguments[index] = "--merge"
        }
        console.line("When every shard has run, merge them: " + arguments.joined(separator: " "))
    }

    private func notStarted(_ message: String, _ directory: URL) -> RunOutcome {
        console.line(console.styled("error: " + message, .red))
        return RunOutcome(status: .notStarted, cellsRun: 0, completedCells: [], skippedCells: [], failedCell: nil,
                          unimplemented: [], outputDirectory: directory, message: message)
    }

    /// The unimplemented exercises met, in order, without repeats.
    static func unimplemented(in records: [CellRecord]) -> [NotImplemented] {
        var found: [NotImplemented] = []
        for record in records {
            if case let .notImplemented(exercise, name, file) = record.status {
                let missing = NotImplemented(exercise: exercise, name: name, file: file)
                if !found.contains(missing) { found.append(missing) }
            }
        }
        return found
    }

    /// An error's most readable text.
    static func describe(_ error: Error) -> String {
        if let error = error as? LocalizedError, let text = error.errorDescription { return text }
        return String(describing: error)
    }

    /// Whether an executable named `name` is on the PATH.
    static func programExists(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}
