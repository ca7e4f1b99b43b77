import Foundation
import Plotting
import Testing

/// The cairolatex output compiled by pdflatex: in a Beamer frame and in a paper's column, the
/// figure fits (no overfull box, no ink outside the text area) and its math is LaTeX math.
@Suite(.enabled(if: TeX.isInstalled, TeX.skipReason))
struct LaTeXFigureTests {
    /// Lesson 1's figure of returns, as the lesson draws it: two panels, bands, the expert line,
    /// a title, and labels with π*, Σ and subscripts.
    static func returnsFigure() -> Figure {
        let demonstrations: [Double] = [1, 2, 5, 10, 25]
        var figure = Figure(width: 10, height: 3.8, rows: 1, columns: 2)
        figure.title = "More demonstrations, better clones"
        for (column, name) in ["pendulum", "lane-keeping car"].enumerated() {
            var ax = figure[0, column]
            let mean = demonstrations.map { 300 - 250 / $0 }
            ax.band(x: demonstrations, lower: mean.map { $0 - 30 }, upper: mean.map { $0 + 30 }, label: "BC ± std over seeds")
            ax.line(x: demonstrations, y: mean, label: "BC (mean of λ_1 seeds)")
            ax.horizontalLine(y: 300, label: "expert π*", style: .dashed)
            ax.xScale = .log
            ax.title = name
            ax.xLabel = "demonstrations"
            ax.yLabel = "return Σ_t γ^t r_t (Φ)"
            figure[0, column] = ax
        }
        return figure
    }

    /// `size`'s figure as `returns.tex` in a scratch directory.
    static func writeFigure(_ size: FigureSize, _ label: String) throws -> URL {
        let directory = try TeX.scratch(label)
        // As a lesson run does (LessonContext.figure): smaller text while the grid is too crowded.
        var figure = returnsFigure().fitted(to: size)
        for attempt in 0... {
            do {
                try figure.saveWithGnuplot(to: directory.appendingPathComponent("returns").path, formats: [.tex])
                break
            } catch PlottingError.invalidSetting(let message) where message.contains("too small") && attempt < 5 {
                figure = returnsFigure().fitted(to: size, scale: figure.scale * 0.85)
            }
        }
        return directory
    }

    /// Every legend title of `directory/returns.gp` ends inside its frame (by pdflatex's own
    /// measure of it, 0.5 pt to spare), and every frame is inside the figure.
    static func expectLegendsHoldTheirText(in directory: URL) throws {
        let script = try String(contentsOf: directory.appendingPathComponent("returns.gp"), encoding: .utf8)
        let legends = ScriptLegend.all(in: script)
        let inches = try #require(ScriptLegend.canvasWidth(in: script))
        #expect(legends.count == 2, "one legend per panel")
        let titles = legends.flatMap(\.titles)
        #expect(titles.count == 6)
        let widths = try TeX.widths(of: titles.map(\.latex), in: directory)
        var index = 0
        for legend in legends {
            #expect(legend.frame.x0 >= 0 && legend.frame.x1 <= 1 && legend.frame.y0 >= 0 && legend.frame.y1 <= 1)
            for title in legend.titles {
                let end = title.x * inches * 72.27 + widths[index]
                let right = legend.frame.x1 * inches * 72.27
                #expect(widths[index] > 5 && end <= right - 0.5, "\(title.latex) ends at \(end) pt, past its frame at \(right) pt")
                index += 1
            }
        }
    }

    @Test("inside a 16:9 Beamer frame: no overfull box, no ink outside the frame's text area")
    func beamerFrame() throws {
        let directory = try Self.writeFigure(.beamer169, "beamer")
        defer { try? FileManager.default.removeItem(at: directory) }
        let tex = try String(contentsOf: directory.appendingPathComponent("returns.tex"), encoding: .utf8)
        #expect(tex.contains("$\\pi^*$"), "π* is LaTeX math")
        #expect(tex.contains("$\\lambda_{"), "λ with its subscript is one math run")
        #expect(tex.contains("$\\Phi$"))
        let source = """
        \\documentclass[aspectratio=169]{beamer}
        \\setbeamertemplate{navigation symbols}{}
        \\begin{document}
        \\begin{frame}{Returns}\\centering
        \\input{returns.tex}\\par
        \\end{frame}
        \\end{document}
        """
        let (status, log) = try TeX.compile(source, name: "frame", in: directory)
        #expect(status == 0, "pdflatex failed: \(log.suffix(600))")
        #expect(!log.contains("Overfull \\hbox"), "the figure is wider than the frame")
        let page = try TeX.page(1, of: "frame", in: directory)
        // Beamer's 16:9 frame is 16 × 9 cm with 1 cm side margins; below its title (1.5 cm).
        let ink = try #require(page.inkBox(rows: 1.5...9))
        #expect(ink.minX >= 0.95 && ink.maxX <= 15.05, "ink from \(ink.minX) to \(ink.maxX) cm runs into the frame's margins")
        #expect(ink.maxY <= 9, "the figure runs off the frame's bottom")
        try Self.expectLegendsHoldTheirText(in: directory)
    }

    @Test("in an 8.4 cm paper column: no overfull box, no ink outside the column")
    func articleColumn() throws {
        let directory = try Self.writeFigure(.column, "column")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = """
        \\documentclass{article}
        \\usepackage[paperwidth=10.4cm,paperheight=9cm,margin=1cm]{geometry}
        \\usepackage{graphicx,color}
        \\pagestyle{empty}
        \\begin{document}
        \\noindent\\input{returns.tex}
        \\end{document}
        """
        let (status, log) = try TeX.compile(source, name: "column", in: directory)
        #expect(status == 0, "pdflatex failed: \(log.suffix(600))")
        #expect(!log.contains("Overfull \\hbox"), "the figure is wider than the column")
        let page = try TeX.page(1, of: "column", in: directory)
        let ink = try #require(page.inkBox())
        #expect(ink.minX >= 0.95 && ink.maxX <= 9.45, "ink from \(ink.minX) to \(ink.maxX) cm is outside the 8.4 cm column")
        try Self.expectLegendsHoldTheirText(in: directory)
    }
}
