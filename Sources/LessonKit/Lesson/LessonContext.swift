import ExerciseAPI
import Implementations
import Foundation
import Plotting

/// What a cell works with: the run's settings, and the ways to show and keep what it computes.
///
/// Everything a cell prints through the context appears in the terminal *and* in the notebooks
/// (plain Swift `print` reaches the terminal only). Safe to use from several threads.
public final class LessonContext: @unchecked Sendable {
    /// The lesson being run.
    public let lesson: LessonInfo
    /// Small budgets: the lesson picks fewer seeds, steps and samples when this is set.
    public let quick: Bool
    /// `--scale`: `paper` for the paper's sizes (only in lessons that declare ``Lesson/paperScale``).
    public let scale: LessonScale
    /// The run's seed: make every `RandomSource` from it (`RandomSource(seed: context.seed)`).
    public let seed: UInt64
    /// Which exercise code to plug in: `Solutions.X()` for `.reference`, `Exercises.X()` for `.exercises`.
    public let implementation: Implementation
    /// The lesson's output folder, `<out>/NN-name/` (it exists while cells run).
    public let outputDirectory: URL
    /// The figure formats to write.
    public let formats: [ImageFormat]
    /// The figure renderer.
    public let backend: Backend
    /// The size every figure is drawn at (`--figure-size`), or `nil` for each figure's own size.
    public let figureSize: FigureSize?
    /// Whether figures are drawn small, for a slide or a paper's column (`--figure-size` under
    /// 8 in wide): a crowded figure may then leave out a legend whose every entry its caption names.
    public var drawsSmallFigures: Bool { (figureSize?.width ?? .infinity) < 8 }

    /// `--seeds`: the seed indices this run (a shard) computes, if it is a shard.
    public let seedRange: SeedRange?
    /// `--merge`: per-seed experiments read the shards' runs instead of training.
    public let merging: Bool
    /// `--seed-count`, if given.
    let seedCountOverride: Int?
    /// Where per-seed runs are kept for a merge.
    let seedStore: SeedRunStore

    let console: Console
    private let lock = NSLock()
    private var savedShards: [(experiment: String, indices: [Int])] = []
    private var perSeedExperiments: [String] = []
    private var outputs: [CellOutput] = []
    private var openBars: [Progress] = []
    private var results: [(String, ResultValue)] = []
    private var measurements: [(String, Double)] = []
    private var figureNames: Set<String> = []
    private var problems: [String] = []

    /// What the shard saved, per experiment (for the runner's summary).
    var shardsSaved: [(experiment: String, indices: [Int])] {
        lock.withLock { savedShards }
    }

    func noteShardSaved(_ experiment: String, indices: [Int]) {
        lock.withLock { savedShards.append((experiment, indices)) }
    }

    /// The per-seed experiments met so far (``perSeed(_:count:_:)``), whether or not this run had seeds of them.
    var experimentsMet: [String] {
        lock.withLock { perSeedExperiments }
    }

    func noteExperiment(_ experiment: String) {
        lock.withLock { perSeedExperiments.append(experiment) }
    }

    /// The lesson's typed results as they stand (``Lesson/results(_:)``).
    private let typedResults: (() -> any Encodable)?

    init(lesson: LessonInfo, options: LessonCommand, outputDirectory: URL, console: Console,
         typedResults: (() -> any Encodable)? = nil) {
        self.typedResults = typedResults
        self.lesson = lesson
        self.quick = options.quick
        self.scale = options.scale
        self.seed = options.seed
        self.implementation = options.implementation
        self.outputDirectory = outputDirectory
        self.formats = options.formats.formats
        self.backend = options.backend
        self.figureSize = options.parsedFigureSize
        self.console = console
        self.seedRange = options.seedRange
        self.merging = options.merge
        self.seedCountOverride = options.seedCount
        let lessonFolder = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(lesson.directoryName)
        self.seedStore = SeedRunStore(directory: lessonFolder.appendingPathComponent("seeds"),
                                      settings: .init(lesson: lesson.directoryName, seed: String(options.seed),
                                                      quick: options.quick, implementation: options.implementation.rawValue,
                                                      scale: options.scale.rawValue))
    }

    /// `full` normally and `quick` with `--quick`: `let steps = context.choose(full: 20_000, quick: 500)`.
    public func choose<Value>(full: Value, quick: Value) -> Value {
        self.quick ? quick : full
    }

    /// The exercise implementation for this run: `reference` with `--implementation reference`
    /// (the default), `exercises` with `--implementation exercises`. Only the chosen one is made.
    ///
    /// ```swift
    /// let formulas: any BehaviorCloningExercises =
    ///     context.pick(reference: Solutions.BehaviorCloning(), exercises: Exercises.BehaviorCloning())
    /// ```
    ///
    /// Prefer ``exercises``, which needs no import of `Solutions` and so also builds in the student
    /// handout.
    public func pick<Formulas>(reference: @autoclosure () -> Formulas, exercises: @autoclosure () -> Formulas) -> Formulas {
        implementation == .reference ? reference() : exercises()
    }

    /// Every lesson's exercise implementations for this run: `Solutions.all` with
    /// `--implementation reference` (the default), `Exercises.all` with `--implementation exercises`.
    ///
    /// ```swift
    /// let formulas = context.exercises.behaviorCloning
    /// ```
    /// In the student handout, which has no `Solutions/`, it is always the student's code.
    public var exercises: ExerciseSet {
        exerciseSet(for: implementation).set
    }

    // MARK: Showing

    /// Prints to the terminal and to the cell's output in the notebooks, like Swift's `print`.
    public func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
        let text = items.map { "\($0)" }.joined(separator: separator) + terminator
        console.write(text)
        append(.text(text))
    }

    /// Shows a table: aligned in the terminal, a Markdown table in the notebooks.
    public func show(_ table: Table) {
        console.line(table.plainText())
        console.line()
        append(.table(table))
    }

    /// Shows Markdown computed by the cell (e.g. a conclusion with numbers in it).
    public func markdown(_ text: String) {
        for line in TerminalStyle.lines(for: text, console: console) { console.line(line) }
        console.line()
        append(.markdown(text))
    }

    /// A progress bar for a loop of `total` steps (in place on a terminal, every 10% elsewhere).
    /// The runner ends it when the cell ends if the loop did not call `finish()`.
    public func progress(total: Int, label: String) -> Progress {
        let bar = Progress(total: total, label: label, console: console)
        lock.lock()
        openBars.append(bar)
        lock.unlock()
        return bar
    }

    // MARK: Keeping results

    /// Records a result under `key` in results.json (a later record of the same key replaces it).
    ///
    /// Values: `Double`, `Float`, `Int`, `Bool`, `String`, arrays of them, `[String: …]`
    /// dictionaries of them, nested. Use dotted keys by topic: `"bc.returns"`, `"bc.loss.final"`.
    /// An empty key makes the cell fail when it ends, naming the problem.
    public func record<Value: ResultConvertible>(_ key: String, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        guard !key.trimmed().isEmpty else {
            problems.append(LessonError.badResultKey(key).description)
            return
        }
        let resultValue = value.resultValue
        if let index = results.firstIndex(where: { $0.0 == key }) {
            results[index].1 = resultValue
        } else {
            results.append((key, resultValue))
        }
    }

    /// Records a timing-dependent number (a throughput, a wall time) under `key` in timing.json.
    ///
    /// Such numbers change from run to run, so they stay out of results.json, which must be the
    /// same for the same seed. A later measurement of the same key replaces the earlier one.
    public func recordMeasurement(_ key: String, _ value: Double) {
        lock.lock()
        defer { lock.unlock() }
        guard !key.trimmed().isEmpty else {
            problems.append(LessonError.badResultKey(key).description)
            return
        }
        if let index = measurements.firstIndex(where: { $0.0 == key }) {
            measurements[index].1 = value
        } else {
            measurements.append((key, value))
        }
    }

    /// Everything recorded so far, as results.json will hold it (numbers, text, lists, dictionaries).
    public func resultsSoFar() -> [String: Any] {
        let members = allResults().entries
        let text = JSONValue.object(members.map { ($0.0, $0.1.json) }).serialized()
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The lesson's typed results (if it declared them) followed by what its cells recorded with
    /// ``record(_:_:)``, and the problem that kept the typed ones out, if any.
    func allResults() -> (entries: [(String, ResultValue)], problem: String?) {
        let recorded = recordedResults
        guard let typedResults else { return (recorded, nil) }
        do {
            return (try TypedResults.merged(typed: try TypedResults.entries(of: typedResults()), recorded: recorded), nil)
        } catch {
            return (recorded, "\(error)")
        }
    }

    /// The value recorded under `key` so far, if any.
    public func result(_ key: String) -> ResultValue? {
        lock.lock()
        defer { lock.unlock() }
        return results.first(where: { $0.0 == key })?.1
    }

    // MARK: Figures

    /// Draws a figure and saves it as `<out>/NN-name/<name>.<format>` for every requested format
    /// with the requested backend; the notebooks show its PNG and caption.
    ///
    /// - Parameters:
    ///   - name: the file name without extension: letters, digits, `-`, `_`; unique in the lesson.
    ///   - caption: one or two sentences saying what the figure shows.
    ///   - backend: a renderer for this figure only (default: the run's `--backend`).
    ///   - make: builds the figure.
    /// - Returns: the paths written.
    /// - Throws: `LessonError` for a bad or repeated name, `PlottingError` if the figure cannot
    ///   be drawn, and whatever `make` throws.
    @discardableResult
    public func figure(_ name: String, caption: String, backend: Backend? = nil,
                       _ make: () throws -> Figure) throws -> [String] {
        let backend = backend ?? self.backend
        if backend == .gnuplot && !LessonRunner.programExists("gnuplot") { throw LessonError.gnuplotMissing }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw LessonError.badFigureName(name)
        }
        lock.lock()
        let isNew = figureNames.insert(name).inserted
        lock.unlock()
        guard isNew else { throw LessonError.duplicateFigureName(name) }

        let made = try make()
        var figure = figureSize.map { made.fitted(to: $0) } ?? made
        let base = outputDirectory.appendingPathComponent(name).path
        // A figure drawn by Cairo on purpose in a gnuplot run has no cairolatex `.tex`: its other formats.
        let cairoFormats = self.formats.filter { $0 != .tex }
        let formats = backend == .cairo && self.backend == .gnuplot && !cairoFormats.isEmpty ? cairoFormats : self.formats
        var written: [String] = []
        for attempt in 0... {
            do {
                written = try figure.save(to: base, formats: formats, backend: backend)
                break
            } catch PlottingError.invalidSetting(let message) where message.contains("too small") && attempt < 5 {
                // Too crowded at --figure-size: smaller text (a larger layout drawn smaller), then again.
                guard let figureSize else { throw PlottingError.invalidSetting(message) }
                figure = made.fitted(to: figureSize, scale: figure.scale * 0.85)
            }
        }
        let png: [UInt8]
        if formats.contains(.png), let bytes = FileManager.default.contents(atPath: base + ".png") {
            png = [UInt8](bytes)
        } else {
            png = [UInt8](try figure.data(format: .png))
        }
        let imageFiles = formats.map { "\(name).\($0.fileExtension)" }
        let shown = outputDirectory.path + "/" + name + "." + formats.map(\.fileExtension).joined(separator: ", .")
        let wrapped = TextWrapping.wrap("figure \(name): " + caption, width: console.width, indent: "  ")
        console.line(console.styled(String(wrapped[0].prefix(7 + name.count)), .bold) + wrapped[0].dropFirst(7 + name.count))
        for line in wrapped.dropFirst() { console.line(line) }
        console.line(console.styled("  → \(shown)", .dim))
        console.line()
        append(.figure(SavedFigure(name: name, caption: caption, files: imageFiles, png: png)))
        return written
    }

    /// Whether figures can be drawn with `backend` here (gnuplot needs the `gnuplot` program).
    public func canDraw(with backend: Backend) -> Bool {
        backend == .cairo || LessonRunner.programExists("gnuplot")
    }

    // MARK: For the runner

    private func append(_ output: CellOutput) {
        lock.lock()
        outputs.append(output)
        lock.unlock()
    }

    /// Ends the cell: closes open progress bars and hands over what it showed and any problem.
    func endCell() -> (outputs: [CellOutput], problems: [String]) {
        lock.lock()
        let bars = openBars
        let shown = outputs
        let found = problems
        openBars = []
        outputs = []
        problems = []
        lock.unlock()
        for bar in bars { bar.finish() }
        return (shown, found)
    }

    /// Every result recorded, in the order first recorded.
    var recordedResults: [(String, ResultValue)] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }

    /// Everything recorded with ``recordMeasurement(_:_:)``, in order.
    var recordedMeasurements: [(String, Double)] {
        lock.lock()
        defer { lock.unlock() }
        return measurements
    }
}

/// A lesson's number, short name and title.
public struct LessonInfo: Sendable, Equatable {
    /// The lesson's number (0 for the tour).
    public let number: Int
    /// The short name in file and folder names, e.g. "behavior-cloning".
    public let slug: String
    /// The title, e.g. "Behavior cloning".
    public let title: String

    /// `NN-slug`, the name of the lesson's executable and output folder, e.g. "01-behavior-cloning".
    public var directoryName: String {
        (number < 10 ? "0" : "") + "\(number)-\(slug)"
    }
}
