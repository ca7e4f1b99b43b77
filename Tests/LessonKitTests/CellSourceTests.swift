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
}
