import Plotting

/// notebook.md: the run as one Markdown page — the text cells as written, each code cell's code
/// and printed output, tables as Markdown tables, figures as image links with their captions.
struct MarkdownDocument {
    let info: LessonInfo
    let options: LessonCommand
    let records: [CellRecord]
    let sources: [String?]

    func text() -> String {
        var blocks: [String] = []
        blocks.append("<!-- Written by the lesson runner: \(info.directoryName), seed \(options.seed), "
            + "\(options.quick ? "quick" : "full") budgets, \(options.implementation.rawValue) implementation. -->")
        for record in records {
            switch record.cell.body {
            case .markdown(let text):
                blocks.append(text.trimmed())
            case .code:
                blocks += codeBlocks(record)
            case .listing(let listing):
                blocks.append(record.listing ?? "> **Listing '\(listing.title)' not shown:** \(record.status.message ?? "not read")")
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func codeBlocks(_ record: CellRecord) -> [String] {
        var blocks: [String] = []
        if let source = sources.indices.contains(record.number - 1) ? sources[record.number - 1] : nil {
            blocks.append("```swift\n" + source + "\n```")
        }
        var pendingText = ""
        func flushText() {
            let text = pendingText.trimmedTrailingNewlines()
            if !text.isEmpty { blocks.append("```text\n" + text + "\n```") }
            pendingText = ""
        }
        for output in record.outputs {
            switch output {
            case .text(let text):
                pendingText += text
            case .table(let table):
                flushText()
                blocks.append(table.markdown())
            case .markdown(let text):
                flushText()
                blocks.append(text.trimmed())
            case .figure(let figure):
                flushText()
                blocks.append(figureBlock(figure))
            }
        }
        flushText()
        switch record.status {
        case .done: break
        case let .notImplemented(exercise, name, file):
            blocks.append("> **Skipped:** exercise \(exercise) `\(name)` is not implemented yet: write it in `\(file)`.")
        case .skipped(let reason):
            blocks.append("> **Skipped:** \(reason)")
        case .failed(let message):
            blocks.append("> **Cell \(record.number) (\(record.cell.title)) failed:** \(message)")
        }
        return blocks
    }

    private func figureBlock(_ figure: SavedFigure) -> String {
        let shown = figure.files.first { $0.hasSuffix(".png") } ?? figure.files.first { $0.hasSuffix(".svg") }
        var lines: [String] = []
        if let shown { lines.append("![\(figure.caption)](\(shown))") }
        let others = figure.files.filter { $0 != shown }.map { "[\($0.split(separator: ".").last ?? "")](\($0))" }
        lines.append("*Figure \(figure.name).* \(figure.caption)" + (others.isEmpty ? "" : " (" + others.joined(separator: ", ") + ")"))
        return lines.joined(separator: "\n\n")
    }
}

extension String {
    /// The string without trailing newlines.
    func trimmedTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
