import Foundation

/// notebook.ipynb: a Jupyter notebook (nbformat 4.4) of the run. Text cells are Markdown cells
/// (math renders in Jupyter); code cells hold the cell's Swift code and, as outputs, what it
/// printed, its tables (plain text and Markdown) and its figures (embedded PNG).
struct NotebookDocument {
    let info: LessonInfo
    let options: LessonCommand
    let records: [CellRecord]
    let sources: [String?]

    func json() -> JSONValue {
        var cells: [JSONValue] = []
        var executionCount = 0
        for record in records {
            switch record.cell.body {
            case .markdown(let text):
                cells.append(.object([("cell_type", .string("markdown")), ("metadata", .object([])),
                                      ("source", Self.lines(text))]))
            case .listing(let listing):
                let text = record.listing ?? "> **Listing '\(listing.title)' not shown:** \(record.status.message ?? "not read")"
                cells.append(.object([("cell_type", .string("markdown")), ("metadata", .object([])),
                                      ("source", Self.lines(text))]))
            case .code:
                executionCount += 1
                cells.append(codeCell(record, executionCount: executionCount))
            }
        }
        return .object([
            ("cells", .array(cells)),
            ("metadata", .object([
                ("kernelspec", .object([("display_name", .string("Swift")), ("language", .string("swift")),
                                        ("name", .string("swift"))])),
                ("language_info", .object([("file_extension", .string(".swift")), ("name", .string("swift"))])),
                ("lessonkit", .object([
                    ("lesson", .string(info.directoryName)), ("title", .string(info.title)),
                    ("seed", .string(String(options.seed))), ("quick", .bool(options.quick)),
                    ("implementation", .string(options.implementation.rawValue)),
                ])),
            ])),
            ("nbformat", .integer(4)),
            ("nbformat_minor", .integer(4)),
        ])
    }

    private func codeCell(_ record: CellRecord, executionCount: Int) -> JSONValue {
        var outputs: [JSONValue] = []
        var pendingText = ""
        func flushText() {
            guard !pendingText.isEmpty else { return }
            outputs.append(.object([("name", .string("stdout")), ("output_type", .string("stream")),
                                    ("text", Self.lines(pendingText))]))
            pendingText = ""
        }
        for output in record.outputs {
            switch output {
            case .text(let text):
                pendingText += text
            case .table(let table):
                flushText()
                outputs.append(displayData([("text/markdown", Self.lines(table.markdown())),
                                            ("text/plain", Self.lines(table.plainText()))]))
            case .markdown(let text):
                flushText()
                outputs.append(displayData([("text/markdown", Self.lines(text)),
                                            ("text/plain", Self.lines(MarkdownText.render(text, width: 80).map(\.text)
                                                .joined(separator: "\n")))]))
            case .figure(let figure):
                flushText()
                // The caption is the image's alternative text: an HTML rendering carries it (Jupyter, VS Code
                // and nbconvert prefer text/html to image/png), the PNG stays for viewers that show only images.
                let base64 = Data(figure.png).base64EncodedString()
                let html = "<img src=\"data:image/png;base64,\(base64)\" alt=\"\(Self.escapedAttribute(figure.caption))\"/>"
                outputs.append(displayData([("text/html", .string(html)), ("image/png", .string(base64)),
                                            ("text/plain", Self.lines("Figure \(figure.name): \(figure.caption)"))],
                                           metadata: [("image/png", .object([("alt", .string(figure.caption))]))]))
                outputs.append(displayData([("text/markdown", Self.lines("*Figure \(figure.name).* \(figure.caption)")),
                                            ("text/plain", Self.lines("Figure \(figure.name): \(figure.caption)"))]))
            }
        }
        flushText()
        var metadata: [(String, JSONValue)] = [("lessonkit", .object([("cell", .integer(record.number)),
                                                                      ("title", .string(record.cell.title)),
                                                                      ("status", .string(record.status.word))]))]
        switch record.status {
        case .done:
            break
        case let .notImplemented(exercise, name, file):
            metadata.append(("tags", .array([.string("skipped")])))
            outputs.append(stderr("skipped: exercise \(exercise) `\(name)` is not implemented yet: write it in \(file)\n"))
        case .skipped(let reason):
            metadata.append(("tags", .array([.string("skipped")])))
            outputs.append(stderr("skipped: \(reason)\n"))
        case .failed(let message):
            metadata.append(("tags", .array([.string("failed")])))
            outputs.append(.object([("ename", .string("CellFailed")), ("evalue", .string(message)),
                                    ("output_type", .string("error")),
                                    ("traceback", .array([.string("cell \(record.number) (\(record.cell.title)) failed: \(message)")]))]))
        }
        let source = sources.indices.contains(record.number - 1) ? sources[record.number - 1] : nil
        return .object([
            ("cell_type", .string("code")),
            ("execution_count", record.status == .done ? .integer(executionCount) : .null),
            ("metadata", .object(metadata)),
            ("outputs", .array(outputs)),
            ("source", Self.lines(source ?? "// \(record.cell.title)")),
        ])
    }

    private func displayData(_ data: [(String, JSONValue)], metadata: [(String, JSONValue)] = []) -> JSONValue {
        .object([("data", .object(data)), ("metadata", .object(metadata)), ("output_type", .string("display_data"))])
    }

    private func stderr(_ text: String) -> JSONValue {
        .object([("name", .string("stderr")), ("output_type", .string("stream")), ("text", Self.lines(text))])
    }

    /// `text` inside a double-quoted HTML attribute.
    static func escapedAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text as Jupyter stores it: a list of lines, each but the last ending in "\n".
    static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" { lines.append(.string(current)); current = "" }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
