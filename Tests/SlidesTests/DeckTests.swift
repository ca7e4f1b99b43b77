import Foundation
import Plotting
import SlidesKit
import Testing

/// The deck written from a lesson's outputs compiles in both aspect ratios, and its pages keep
/// their ink inside the frame.
@Suite(.enabled(if: TeX.isInstalled, TeX.skipReason))
struct DeckTests {
    /// A lesson folder as a run leaves it: results.json, notebook.md and a cairolatex figure.
    static func lessonFolder(_ size: FigureSize) throws -> URL {
        let root = try TeX.scratch("deck")
        let directory = root.appendingPathComponent("01-behavior-cloning")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let results = """
        {"lesson": {"number": 1, "slug": "behavior-cloning", "title": "Behavior cloning"}, "seed": 0, "quick": true,
         "results": {"car": {"expertReturn": 299.558, "curve": [1, 2]}, "finalLoss": 1.6e-07, "seeds": 3}}
        """
        try results.write(to: directory.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        let notebook = """
        # Behavior cloning

        *Figure returns.* Return against the number of demonstrations (mean ± std over seeds); the dashed line is the expert π*, L_BC falls like n^(−1/2). ([svg](returns.svg), [pdf](returns.pdf))
        """
        try notebook.write(to: directory.appendingPathComponent("notebook.md"), atomically: true, encoding: .utf8)
        try LaTeXFigureTests.returnsFigure().fitted(to: size)
            .saveWithGnuplot(to: directory.appendingPathComponent("returns").path, formats: [.tex])
        return root
    }

    @Test("reads the caption and the numbers", arguments: [BeamerDeck.Aspect.wide, .standard])
    func compiles(_ aspect: BeamerDeck.Aspect) throws {
        let root = try Self.lessonFolder(aspect == .wide ? .beamer169 : .beamer43)
        defer { try? FileManager.default.removeItem(at: root) }
        let lesson = try LessonOutput(directory: root.appendingPathComponent("01-behavior-cloning"))
        #expect(lesson.figures.map(\.name) == ["returns"])
        #expect(lesson.numbers.map(\.key) == ["car.expertReturn", "finalLoss", "seeds"])
        let source = BeamerDeck(lessons: [lesson], aspect: aspect).source()
        #expect(source.contains("the expert $\\pi^*$, L\\_BC falls"))
        // A prose exponent is typeset as one, not shown as "^(".
        #expect(source.contains("like n$^{") && !source.contains("^("))
        // The numbers: car.expertReturn under the heading "car"; a top-level key unindented.
        #expect(source.contains("\\textit{car}") && source.contains("\\quad\\texttt{expertReturn}"))
        #expect(source.contains("\\texttt{finalLoss}") && !source.contains("\\quad\\texttt{finalLoss}"))
        let (status, log) = try TeX.compile(source, name: "deck", in: root)
        #expect(status == 0, "pdflatex failed: \(log.suffix(600))")
        #expect(!log.contains("Overfull \\hbox"))
        #expect(!log.contains("Overfull \\vbox"))
        // Page 2 is the figure's frame: its ink stays inside the frame's 1 cm side margins.
        let page = try TeX.page(2, of: "deck", in: root)
        let frameWidth = aspect == .wide ? 16.0 : 12.8
        let ink = try #require(page.inkBox(rows: 1.3...(aspect == .wide ? 9 : 9.6)))
        #expect(ink.minX >= 0.95 && ink.maxX <= frameWidth - 0.95, "ink from \(ink.minX) to \(ink.maxX) cm")
    }
}
