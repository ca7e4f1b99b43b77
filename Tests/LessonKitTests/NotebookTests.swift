import Foundation
import LessonKit
import Plotting
import Testing

@Suite("Notebooks")
struct NotebookTests {
    @Test("notebook.ipynb is nbformat 4.4: every cell has type, source and metadata; code cells have outputs")
    func notebookStructure() throws {
        let out = try temporaryDirectory()
        _ = sampleLesson(trace: Trace()).run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        let notebook = try readJSON(out.appendingPathComponent("42-sample/notebook.ipynb"))
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 4)
        #expect(notebook["metadata"] is [String: Any])
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        #expect(cells.count == 5)
        for cell in cells {
            let type = try #require(cell["cell_type"] as? String)
            #expect(["markdown", "code"].contains(type))
            #expect(cell["source"] is [String])
            #expect(cell["metadata"] is [String: Any])
            if type == "code" {
                #expect(cell["outputs"] is [[String: Any]])
                #expect(cell.keys.contains("execution_count"))
            }
        }
        let markdown = (cells[0]["source"] as? [String])?.joined() ?? ""
        #expect(markdown.contains(#"$L(\theta) = \mathbb{E}\,\|a - \pi_\theta(s)\|^2$"#), "math kept for Jupyter")

        let compute = try #require(cells[1]["outputs"] as? [[String: Any]])
        let printed = compute.compactMap { $0["text"] as? [String] }.flatMap { $0 }.joined()
        #expect(printed.hasPrefix("mean: "))
        let source = (cells[1]["source"] as? [String])?.joined() ?? ""
        #expect(source.contains("context.record(\"sample.values\", values)"), "the cell's own code is shown")

        let skipped = cells[2]
        #expect(skipped["execution_count"] is NSNull)
        let tags = (skipped["metadata"] as? [String: Any])?["tags"] as? [String]
        #expect(tags == ["skipped"])
        let skipText = ((skipped["outputs"] as? [[String: Any]])?.first?["text"] as? [String])?.joined() ?? ""
        #expect(skipText.contains("exercise 42.1 `sampleFormula` is not implemented yet"))

        let table = try #require((cells[3]["outputs"] as? [[String: Any]])?.first)
        #expect(table["output_type"] as? String == "display_data")
        let data = try #require(table["data"] as? [String: Any])
        let tableMarkdown = (data["text/markdown"] as? [String])?.joined() ?? ""
        #expect(tableMarkdown.contains("| i | value |"))
    }

    @Test("notebook.md has the text, the code, the output and the table")
    func markdownNotebook() throws {
        let out = try temporaryDirectory()
        _ = sampleLesson(trace: Trace()).run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        let text = try String(contentsOf: out.appendingPathComponent("42-sample/notebook.md"), encoding: .utf8)
        #expect(text.contains("# Sample"))
        #expect(text.contains("```swift\n"))
        #expect(text.contains("```text\nmean: "))
        #expect(text.contains("| i | value |"))
        #expect(text.contains("> **Skipped:** exercise 42.1 `sampleFormula`"))
    }

    @Test("a figure is saved in every format and embedded in the notebook as a PNG")
    func figureEmbedded() throws {
        let lesson = Lesson(number: 48, slug: "figure", title: "Figure")
        lesson.figure("curve", caption: "A parabola.") { _ in
            var figure = Figure(width: 3, height: 2)
            let x = (0..<20).map { Double($0) / 19 }
            figure.ax.line(x: x, y: x.map { $0 * $0 }, label: "x²")
            return figure
        }
        let out = try temporaryDirectory()
        let outcome = lesson.run(options: try options(["--out", out.path, "--formats", "png,svg"]),
                                 console: Console(capturingWidth: 80))
        #expect(outcome.status == .complete, "\(outcome.message ?? "")")
        let directory = out.appendingPathComponent("48-figure")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("curve.png").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("curve.svg").path))
        let notebook = try readJSON(directory.appendingPathComponent("notebook.ipynb"))
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let outputs = try #require(cells.first?["outputs"] as? [[String: Any]])
        let images = outputs.compactMap { ($0["data"] as? [String: Any])?["image/png"] as? String }
        let image = try #require(images.first)
        let png = try #require(Data(base64Encoded: image))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // The caption is the figure's alternative text, in the HTML rendering that viewers prefer.
        let htmls = outputs.compactMap { ($0["data"] as? [String: Any])?["text/html"] as? String }
        let html = try #require(htmls.first)
        #expect(html.hasPrefix("<img src=\"data:image/png;base64,") && html.hasSuffix("alt=\"A parabola.\"/>"))
        let markdown = try String(contentsOf: directory.appendingPathComponent("notebook.md"), encoding: .utf8)
        #expect(markdown.contains("![A parabola.](curve.png)"))
    }

    @Test("bad figure names are refused with a message naming the problem")
    func badFigureNames() throws {
        let lesson = Lesson(number: 49, slug: "names", title: "Names")
        lesson.figure("bad/name", caption: "x") { _ in Figure() }
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 80)
        let outcome = lesson.run(options: try options(["--out", out.path]), console: console)
        #expect(outcome.status == .failed)
        #expect(console.capturedText.contains("figure name \"bad/name\" must be letters, digits"))
    }
}
