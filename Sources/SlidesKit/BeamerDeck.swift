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
    /// How many numbers one table frame holds: 10 rows, of two key–value pairs on a 16:9 frame
    /// and of one on a 4:3 frame (too narrow for two).
    public var numbersPerFrame: Int { aspect == .wide ? 20 : 10 }
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
        let shown = Array(lesson.numbers.prefix(numbersPerFrame * Self.maximumTableFrames))
        var start = 0
        while start < shown.count {
            let page = Array(shown[start..<min(start + numbersPerFrame, shown.count)])
            tex += "\\begin{frame}[t]{\(heading): numbers}\n\\centering\\scriptsize\n" + table(page)
            if start + page.count == shown.count && lesson.numbers.count > shown.count {
                tex += "\n\\smallskip \\tiny and \(lesson.numbers.count - shown.count) more in results.json\n"
            }
            tex += "\\end{frame}\n"
            start += page.count
        }
        return tex
    }

    /// Key–value pairs (two side by side on a 16:9 frame), the keys in typewriter type.
    func table(_ numbers: [(key: String, value: Double)]) -> String {
        let pairs = aspect == .wide ? 2 : 1
        let half = (numbers.count + pairs - 1) / pairs
        var tex = pairs == 2 ? "\\begin{tabular}{@{}lr@{\\hspace{2em}}lr@{}}\n\\toprule\n" : "\\begin{tabular}{@{}lr@{}}\n\\toprule\n"
        for row in 0..<half {
            let cells = (0..<pairs).map { row + $0 * half }.map { index -> String in
                guard index < numbers.count else { return " & " }
                let entry = numbers[index]
                return "\\texttt{\(Self.escape(Self.shorten(entry.key)))} & $\(Self.format(entry.value))$"
            }
            tex += cells.joined(separator: " & ") + " \\\\\n"
        }
        tex += "\\bottomrule\n\\end{tabular}\n"
        return tex
    }

    /// A key short enough for half a 4:3 frame (at most 30 characters): its leading parts cut to
    /// their first letter, then dropped, until it fits; the last part whole when it can be.
    static func shorten(_ key: String) -> String {
        guard key.count > 30 else { return key }
        var parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while parts.joined(separator: ".").count > 30 && index < parts.count - 1 {
            parts[index] = String(parts[index].prefix(1))
            index += 1
        }
        var dropped = false
        while parts.count > 1 && parts.joined(separator: ".").count > 30 { parts.removeFirst(); dropped = true }
        let tail = parts.joined(separator: ".")
        if tail.count > 29 && (dropped || tail.count > 30) { return "…" + String(tail.suffix(29)) }
        return dropped ? "…" + tail : tail
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
