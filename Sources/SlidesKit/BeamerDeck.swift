import Foundation
import Plotting

/// The Beamer source of a deck of the course: for every lesson a title frame, one frame per
/// figure with the lesson's caption, and its key numbers from results.json in a table.
/// Every word of it comes from the lessons' outputs; nothing is typed in here but the layout.
public struct BeamerDeck {
    /// The frame's shape.
    public enum Aspect: String, CaseIterable, Sendable {
        /// 16:9 (160 × 90 mm).
        case wide = "169"
        /// 4:3 (128 × 96 mm).
        case standard = "43"
    }

    /// The lessons, in order.
    public let lessons: [LessonOutput]
    /// The frames' shape.
    public let aspect: Aspect
    /// How many table rows (group headings included) one column of a table frame holds; a 16:9
    /// frame shows two columns side by side, a 4:3 frame one (too narrow for two).
    public static let rowsPerColumn = 20
    /// Columns of a table frame.
    public var columnsPerFrame: Int { aspect == .wide ? 2 : 1 }
    /// Table frames per lesson at most; further numbers are left to results.json.
    public static let maximumTableFrames = 2

    /// A deck of `lessons` in frames of `aspect`.
    public init(lessons: [LessonOutput], aspect: Aspect) {
        self.lessons = lessons
        self.aspect = aspect
    }

    /// The whole document.
    public func source() -> String {
        var tex = """
        % A Beamer deck of the course, written by the `slides` command from the lessons' outputs.
        \\RequirePackage{fix-cm}
        \\documentclass[aspectratio=\(aspect.rawValue),10pt]{beamer}
        \\usepackage[utf8]{inputenc}
        \\usepackage{graphicx}
        \\usepackage{color}
        \\usepackage{booktabs}
        \\setbeamertemplate{navigation symbols}{}
        \\setbeamertemplate{caption}{\\insertcaption}
        \\begin{document}

        """
        for lesson in lessons { tex += frames(for: lesson) }
        tex += "\\end{document}\n"
        return tex
    }

    /// The frames of one lesson.
    func frames(for lesson: LessonOutput) -> String {
        let heading = "Lesson \(lesson.number): \(Self.escape(lesson.title))"
        var tex = "\n% ---- Lesson \(lesson.number) (\(lesson.directory.lastPathComponent))\n"
        tex += "\\section{\(heading)}\n"
        tex += "\\begin{frame}\n\\centering\n{\\usebeamerfont{title}\\usebeamercolor[fg]{title}\(heading)\\par}\n"
        tex += "\\vspace{1em}{\\small \(lesson.figures.count) figure\(lesson.figures.count == 1 ? "" : "s")"
        tex += lesson.quick ? ", quick run (\\texttt{-{}-quick})" : ""
        tex += "\\par}\n\\end{frame}\n"
        for figure in lesson.figures {
            guard let graphic = lesson.graphic(for: figure) else { continue }
            tex += "\\begin{frame}[t]{\(heading)}\n\\centering\n"
            if graphic.isLaTeX {
                let folder = graphic.file.deletingLastPathComponent().path
                tex += "{\\graphicspath{{\(folder)/}}\\input{\(graphic.file.path)}}\\par\n"
            } else {
                tex += "\\includegraphics[width=\\textwidth,height=0.6\\textheight,keepaspectratio]{\(graphic.file.path)}\\par\n"
            }
            let size = figure.caption.count > 330 ? "\\tiny" : "\\scriptsize"
            tex += "\\vspace{0.5ex}\\parbox{\\textwidth}{\(size) \\textbf{\(Self.escape(figure.name)).} \(Self.escape(figure.caption))}\n"
            tex += "\\end{frame}\n"
        }
        let columns = NumberTable.columns(lesson.numbers, rows: Self.rowsPerColumn,
                                          keyWidth: aspect == .wide ? 40 : 60)
        let pages = Array(stride(from: 0, to: min(columns.count, columnsPerFrame * Self.maximumTableFrames),
                                 by: columnsPerFrame))
        for (index, start) in pages.enumerated() {
            let page = Array(columns[start..<min(start + columnsPerFrame, columns.count)])
            tex += "\\begin{frame}[t]{\(heading): numbers}\n\\centering\\scriptsize\n" + table(page)
            let shownCount = columns.prefix(start + page.count).reduce(0) { $0 + $1.numberCount }
            if index == pages.count - 1 && lesson.numbers.count > shownCount {
                tex += "\n\\smallskip \\tiny and \(lesson.numbers.count - shownCount) more in results.json\n"
            }
            tex += "\\end{frame}\n"
        }
        return tex
    }

    /// Columns of rows side by side: a group's heading (its keys' shared leading parts, in
    /// italics) above the numbers that share it, each shown by its last part in typewriter type.
    func table(_ columns: [NumberTable.Column]) -> String {
        let spec = Array(repeating: "lr", count: columns.count).joined(separator: "@{\\hspace{2em}}")
        var tex = "\\begin{tabular}{@{}\(spec)@{}}\n\\toprule\n"
        let height = columns.map(\.rows.count).max() ?? 0
        for row in 0..<height {
            let cells = columns.map { column -> String in
                guard row < column.rows.count else { return " & " }
                switch column.rows[row] {
                case .heading(let text):
                    return "\\multicolumn{2}{@{}l@{}}{\\textit{\(Self.escape(text))}}"
                case .number(let key, let value, let indented):
                    return (indented ? "\\quad" : "") + "\\texttt{\(Self.escape(key))} & $\(Self.format(value))$"
                }
            }
            tex += cells.joined(separator: " & ") + " \\\\\n"
        }
        tex += "\\bottomrule\n\\end{tabular}\n"
        return tex
    }

    /// Four significant digits; powers of ten in LaTeX.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        let text = String(format: "%.4g", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(text[..<e])\\times 10^{\(exponent)}"
    }

    /// Caption and title text for LaTeX: specials escaped, Greek letters and symbols in math
    /// (the figures' own conversion, ``Markup/latex(_:)``), the notebook's `*emphasis*` dropped,
    /// and a prose exponent in parentheses (`n^(−1/2)`) set as a superscript.
    static func escape(_ text: String) -> String {
        var plain = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            .replacingOccurrences(of: "…", with: "...")
        // `^(…)` becomes the markup superscript `^{…}` (kept apart from literal carets meanwhile).
        let marker = "\u{1}"
        plain = plain.replacingOccurrences(of: #"\^\(([^()]*)\)"#, with: marker + "{$1}", options: .regularExpression)
        // Underscores are literal in captions (L_BC), not markup subscripts.
        let protected = plain.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "^", with: "\\^")
            .replacingOccurrences(of: marker, with: "^")
        return Markup.latex(protected)
    }
}
