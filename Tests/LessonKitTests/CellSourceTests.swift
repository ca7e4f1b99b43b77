import Foundation
import LessonKit
import Testing

@Suite("Cell code in the notebook")
struct CellSourceTests {
    @Test("a code cell shows the declarations before it and its closure body, dedented")
    func extraction() throws {
        let lesson = Lesson(number: 50, slug: "source", title: "Source")
        lesson.markdown(#"""
        Braces in text { are } ignored: $\frac{a}{b}$ "quoted"
        """#)
        var total = 0
        lesson.code("Sum") { context in
            // add up
            for value in [1, 2, 3] { total += value }
            context.print("total \(total) {")
        }
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        let notebook = try readJSON(out.appendingPathComponent("50-source/notebook.ipynb"))
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let source = (cells[1]["source"] as? [String])?.joined() ?? ""
        #expect(source == """
        var total = 0

        // add up
        for value in [1, 2, 3] { total += value }
        context.print("total \\(total) {")
        """)
    }

    @Test("a source file edited since the build shows no code instead of trapping or showing the wrong code")
    func editedSource() throws {
        let out = try temporaryDirectory()
        let file = out.appendingPathComponent("main.swift")
        // The cells below claim lines 9 and 3, out of order, and line 9 holds no cell any more.
        try "// edited\nlet x = 1\nlesson.code(\"B\") { _ in\n    print(2)\n}\n\n\n\nprint(\"moved\")\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let lesson = Lesson(number: 51, slug: "edited", title: "Edited", file: file.path)
        lesson.code("A", line: 9) { _ in }
        lesson.code("B", line: 3) { _ in }
        let outcome = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        #expect(outcome.status == .complete)
        let notebook = try readJSON(out.appendingPathComponent("51-edited/notebook.ipynb"))
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let sources = cells.map { ($0["source"] as? [String])?.joined() ?? "" }
        #expect(!sources.contains { $0.contains("moved") }, "a line that is no cell any more was shown as code: \(sources)")
    }
}
