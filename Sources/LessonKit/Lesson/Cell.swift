/// One cell of a lesson: text, or code that computes, prints, records and draws.
struct Cell {
    /// What the cell holds.
    enum Body {
        /// Markdown text (with `$…$` / `$$…$$` math).
        case markdown(String)
        /// A computation run with the lesson's context.
        case code((LessonContext) throws -> Void)
        /// A region of the kit's source shown as it is (read when the lesson runs).
        case listing(SourceListing)
    }

    /// The cell's name in the terminal and in error messages.
    let title: String
    /// What the cell holds.
    let body: Body
    /// The line of the lesson's source where the cell is declared (to show its code in the notebook).
    let line: Int

    /// Whether the cell is text.
    var isMarkdown: Bool {
        if case .markdown = body { return true }
        return false
    }

    /// A title for a text cell: its first heading, else its first words.
    static func title(ofMarkdown text: String) -> String {
        let lines = text.split(separator: "\n").map { String($0).trimmed() }.filter { !$0.isEmpty }
        if let heading = lines.first(where: { MarkdownText.headingLevel($0) != nil }) {
            return MarkdownText.inline(String(heading.drop(while: { $0 == "#" })).trimmed())
        }
        let words = MarkdownText.inline(lines.first ?? "text").split(separator: " ").prefix(6)
        return words.joined(separator: " ") + (words.count == 6 ? "…" : "")
    }
}

/// What became of a cell in a run.
enum CellStatus: Equatable {
    /// It ran to its end.
    case done
    /// Its exercise is not written yet; it was skipped.
    case notImplemented(exercise: String, name: String, file: String)
    /// It could not run because an earlier cell was skipped, or it asked to be skipped.
    case skipped(reason: String)
    /// It threw an error; the run stopped there.
    case failed(message: String)

    /// The failure's or the skip's message (nil when the cell ran).
    var message: String? {
        switch self {
        case .done: return nil
        case let .notImplemented(exercise, name, _): return "exercise \(exercise) `\(name)` is not implemented"
        case .skipped(let reason): return reason
        case .failed(let message): return message
        }
    }

    /// A short word for results.json and the notebook's metadata.
    var word: String {
        switch self {
        case .done: return "done"
        case .notImplemented: return "not-implemented"
        case .skipped: return "skipped"
        case .failed: return "failed"
        }
    }
}

/// One thing a code cell showed.
enum CellOutput {
    /// Printed text (newlines included).
    case text(String)
    /// A table.
    case table(Table)
    /// Markdown the cell showed.
    case markdown(String)
    /// A figure it saved.
    case figure(SavedFigure)
}

/// A figure as saved: its files (names relative to the lesson's output folder) and its PNG bytes
/// for the notebook.
struct SavedFigure {
    let name: String
    let caption: String
    let files: [String]
    let png: [UInt8]
}

/// A cell's run: what it showed and how it ended.
struct CellRecord {
    let number: Int
    let cell: Cell
    var status: CellStatus = .done
    /// A listing cell's Markdown (title, file, lines and code), once read.
    var listing: String?
    var outputs: [CellOutput] = []
    var seconds: Double = 0
}

/// The error a cell throws to skip itself (it is reported, and the run goes on).
///
/// ```swift
/// guard !returns.isEmpty else { throw CellSkipped("needs the returns of cell 4") }
/// ```
public struct CellSkipped: Error, CustomStringConvertible, Sendable {
    /// Why the cell was skipped.
    public let reason: String

    /// Skips the cell for `reason`.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
