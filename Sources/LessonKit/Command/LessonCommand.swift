import ArgumentParser
import ExerciseAPI
import Foundation
import Plotting

/// The command line every lesson executable understands.
///
/// ```
/// .build/release/01-behavior-cloning --quick --seed 3 --out out --formats png,pdf --backend gnuplot
/// ```
/// A lesson does not use this type directly: `lesson.run()` parses the process's arguments with
/// it. Tests parse with `LessonCommand.parse([...])`, which throws on a bad flag.
public struct LessonCommand: ParsableCommand {
    /// The command's name (the executable's) and summary for `--help`.
    public static var configuration: CommandConfiguration {
        let executable = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "lesson"
        return CommandConfiguration(
            commandName: executable,
            abstract: "Runs this lesson cell by cell: its text, experiments, tables and figures.",
            discussion: """
            Figures, notebook.ipynb, notebook.md and results.json go to <out>/NN-name/. \
            A cell whose exercise is not written yet is skipped with a note; the lesson still ends normally.
            """)
    }

    /// Pause for Enter between cells; `nil` means "when standard input is a terminal".
    @Flag(inversion: .prefixedNo,
          help: "Pause for Enter between cells (default: on when stdin is a terminal, never in CI).")
    public var step: Bool?

    /// Run cells 1 to N only.
    @Option(name: .customLong("cell"), help: ArgumentHelp("Run cells 1 to N only.", valueName: "N"))
    public var lastCell: Int?

    /// Small budgets: fewer seeds, steps and samples (what the tests run).
    @Flag(help: "Small budgets (fewer seeds, steps, samples): fast, and what the tests run.")
    public var quick = false

    /// The seed every random number of the run derives from.
    @Option(help: "The random seed; the same seed gives the same numbers and figures.")
    public var seed: UInt64 = 0

    /// The output root; the lesson writes to `<out>/NN-name/`.
    @Option(name: .customLong("out"), help: ArgumentHelp("Where outputs go: DIR/NN-name/.", valueName: "DIR"))
    public var outputRoot = "out"

    /// The figure formats to write.
    @Option(help: "Figure formats, comma-separated: png, svg, pdf (and tex with the gnuplot backend).")
    public var formats = FigureFormats([.png, .svg, .pdf])

    /// The figure renderer.
    @Option(help: "Figure renderer: cairo or gnuplot.")
    public var backend: Backend = .cairo

    /// The size every figure is drawn at: `16x9cm`, `6.3x3.5in` or a preset (`beamer169`, `beamer43`, `column`).
    @Option(name: .customLong("figure-size"),
            help: ArgumentHelp("Draw every figure at this size (text, lines and markers scale with it): "
                               + "WxH with cm, mm or in (16x9cm, 6.3x3.5in), or beamer169, beamer43, column.",
                               valueName: "SIZE"))
    public var figureSize: String?

    /// `--figure-size` parsed, or `nil` when it is not given (or invalid: ``validate()`` rejects that).
    public var parsedFigureSize: FigureSize? {
        figureSize.flatMap { try? FigureSize(parsing: $0) }
    }

    /// Which code the exercises run on.
    @Option(help: "Run on the reference solutions or on your exercises: reference or exercises.")
    public var implementation: Implementation = .reference

    /// A shard: only these seed indices of each per-seed experiment run, and their runs are kept
    /// in `<out>/NN-name/seeds/` for a later ``merge``.
    @Option(name: .customLong("seeds"),
            help: ArgumentHelp("A shard: run only seeds A to B (indices from 0, e.g. 5..9) of each per-seed experiment and "
                               + "keep their runs in <out>/NN-name/seeds/ for --merge.", valueName: "A..B"))
    public var seedRange: SeedRange?

    /// How many seeds each per-seed experiment runs (default: the lesson's own number).
    @Option(name: .customLong("seed-count"),
            help: ArgumentHelp("How many seeds each per-seed experiment runs (default: the lesson's own, fewer with --quick).",
                               valueName: "N"))
    public var seedCount: Int?

    /// The budgets' scale: the lesson's own (`standard`) or, for the lessons that have one, the
    /// paper's (`paper`: hours per seed, meant for shards on a cluster).
    @Option(help: ArgumentHelp("The budgets: standard (the lesson's own) or paper (lessons 5 and 6: the hopper at "
                               + "Fujimoto et al.'s sizes, hours per seed; the lesson prints its estimate first).",
                               valueName: "SCALE"))
    public var scale: LessonScale = .standard

    /// Read every seed's run kept by the shards instead of training, then draw, read and decide.
    @Flag(help: ArgumentHelp("Merge the shards (--seeds): read every seed's kept run instead of training, then draw "
                             + "the figures, print the tables and decide the claims on all of them."))
    public var merge = false

    /// Options with every default.
    public init() {}

    /// Rejects `--quick` with `--scale paper`, a cell number below 1, a shard together with a merge,
    /// fewer than two seeds, a shard past the last seed and a figure size that cannot be read, each
    /// with one line naming it.
    public func validate() throws {
        if quick && scale == .paper {
            throw ValidationError("--quick and --scale paper ask for opposite budgets: give one of them")
        }
        if let lastCell, lastCell < 1 {
            throw ValidationError("--cell must be 1 or more (cells are numbered from 1), got \(lastCell)")
        }
        if merge, let seedRange {
            throw ValidationError("--seeds \(seedRange) runs one shard and --merge reads every shard: give one of them")
        }
        if let seedCount, seedCount < 2 {
            throw ValidationError("--seed-count must be 2 or more (a spread over seeds needs two), got \(seedCount)")
        }
        if let seedRange, let seedCount, seedRange.lowerBound >= seedCount {
            throw ValidationError("--seeds \(seedRange): with --seed-count \(seedCount) the seeds are 0 to \(seedCount - 1)")
        }
        if let figureSize {
            do {
                _ = try FigureSize(parsing: figureSize)
            } catch PlottingError.invalidSetting(let message) {
                throw ValidationError("--figure-size: \(message)")
            }
        }
    }
}

/// The scale of a lesson's budgets (`--scale`).
public enum LessonScale: String, ExpressibleByArgument, CaseIterable, Sendable, Codable {
    /// The lesson's own budgets (minutes on two cores; `--quick` makes them smaller).
    case standard
    /// The paper's sizes, for the lessons that declare them (``Lesson/paperScale``).
    case paper
}

/// A comma-separated list of figure formats, e.g. `png,svg,pdf`.
public struct FigureFormats: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    /// The formats, in the order given, without repeats.
    public var formats: [ImageFormat]

    /// A list of formats.
    public init(_ formats: [ImageFormat]) {
        var unique: [ImageFormat] = []
        for format in formats where !unique.contains(format) { unique.append(format) }
        self.formats = unique
    }

    /// Parses `png,svg,pdf`; `nil` (a usage error) for an unknown or empty list.
    public init?(argument: String) {
        let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let formats = names.compactMap(ImageFormat.init(rawValue:))
        guard !names.isEmpty, formats.count == names.count else { return nil }
        self.init(formats)
    }

    /// The list as it is written on the command line.
    public var description: String { formats.map(\.rawValue).joined(separator: ",") }

    /// The default shown in `--help`.
    public var defaultValueDescription: String { description }
}

extension Backend: ExpressibleByArgument {}
extension Implementation: ExpressibleByArgument {}
