import ArgumentParser
import Foundation
import Plotting

/// A lesson: its number, name and title, and its cells in order, run like a notebook.
///
/// A lesson's `main.swift` declares the lesson, then its cells, then runs it:
/// ```swift
/// import LessonKit
///
/// let lesson = Lesson(number: 1, slug: "behavior-cloning", title: "Behavior cloning")
///
/// lesson.markdown(#"""
/// # Behavior cloning
/// Fit $\pi_\theta(s)$ to the expert's actions: $L(\theta) = \mathbb{E}\,\|a - \pi_\theta(s)\|^2$.
/// """#)
///
/// var losses: [Double] = []
/// lesson.code("Train") { context in
///     losses = ...
///     context.record("bc.loss.final", losses.last ?? .nan)
/// }
///
/// lesson.figure("loss", caption: "Training loss falls to near zero.") { context in
///     var figure = Figure()
///     figure.ax.line(y: losses, label: "loss")
///     return figure
/// }
///
/// lesson.run()
/// ```
/// Variables declared between cells carry results from one cell to the next, as in a notebook.
public final class Lesson {
    /// The lesson's number, short name and title.
    public let info: LessonInfo
    let sourceFile: String
    private(set) var cells: [Cell] = []
    /// The lesson's typed results, as they stand (see ``results(_:)``).
    private(set) var typedResults: (() -> any Encodable)?
    /// What `--scale paper` runs in this lesson, shown in the run's header; `nil` (the default) when
    /// the lesson has no paper scale, and the option is then refused with one line.
    public var paperScale: String?

    /// Declares a lesson. `slug` is the short name after the number, e.g. "behavior-cloning" for
    /// the executable `01-behavior-cloning`.
    public init(number: Int, slug: String, title: String, file: String = #filePath) {
        self.info = LessonInfo(number: number, slug: slug, title: title)
        self.sourceFile = file
    }

    /// Adds a text cell: Markdown with `$…$` and `$$…$$` math. Write it as a raw string
    /// (`#"""…"""#`) so LaTeX backslashes need no doubling.
    public func markdown(_ text: String, line: Int = #line) {
        cells.append(Cell(title: Cell.title(ofMarkdown: text), body: .markdown(text), line: line))
    }

    /// Adds a code cell: it computes, prints (`context.print`, `context.show`), records
    /// (`context.record`) and draws (`context.figure`). A thrown `NotImplemented` skips it.
    public func code(_ title: String, line: Int = #line, _ body: @escaping (LessonContext) throws -> Void) {
        cells.append(Cell(title: title, body: .code(body), line: line))
    }

    /// Adds a cell that draws one figure, saved as `name` in every requested format.
    public func figure(_ name: String, caption: String, line: Int = #line,
                       _ make: @escaping (LessonContext) throws -> Figure) {
        cells.append(Cell(title: "figure \(name)", body: .code({ context in
            try context.figure(name, caption: caption) { try make(context) }
        }), line: line))
    }

    /// Declares the lesson's results: one `Codable` value that the cells fill in, written to
    /// results.json after every cell (each top-level property becomes one entry of its "results"
    /// object). The claims decode the same type, so no key is spelled twice:
    ///
    /// ```swift
    /// var results = Lesson01Results()
    /// lesson.results { results }
    /// lesson.code("Train") { context in
    ///     results.pendulum = try sweep(...)
    /// }
    /// ```
    public func results(_ current: @escaping () -> any Encodable) {
        typedResults = current
    }

    /// Adds a cell that shows a region of the kit's own source, e.g. an algorithm's update step,
    /// read from the file when the lesson runs (see ``SourceListing`` for the markers).
    ///
    /// - Parameters:
    ///   - title: the heading above the code, e.g. "BCQ's update".
    ///   - file: the file, relative to the package's root.
    ///   - region: the name after `// listing:` in that file.
    public func listing(_ title: String, file: String, region: String, line: Int = #line) {
        cells.append(Cell(title: title, body: .listing(SourceListing(title: title, file: file, region: region)), line: line))
    }

    /// The package's root folder: three levels above the lesson's `main.swift`
    /// (`<root>/Lessons/NN-slug/main.swift`).
    var packageRoot: URL {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs the lesson with the process's command-line arguments, then exits: 0 when every cell
    /// ran or was skipped for a missing exercise, 1 when a cell failed, 64 for bad arguments
    /// (after printing the usage).
    public func run(line: Int = #line) -> Never {
        let options: LessonCommand
        do {
            options = try LessonCommand.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            LessonCommand.exit(withError: error)
        }
        let outcome = run(options: options, console: .standard(), endLine: line)
        exit(outcome.exitCode)
    }

    /// Runs the lesson with parsed options, writing to `console`; returns how it went.
    /// (The executable calls `run()`; tests call this.)
    public func run(options: LessonCommand, console: Console) -> RunOutcome {
        run(options: options, console: console, endLine: nil)
    }

    func run(options: LessonCommand, console: Console, endLine: Int?) -> RunOutcome {
        var runner = LessonRunner(lesson: self, options: options, console: console, endLine: endLine)
        return runner.run()
    }
}
