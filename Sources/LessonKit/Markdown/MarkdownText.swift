/// Renders the simple Markdown of a lesson's text cells for the terminal: headings, paragraphs
/// wrapped to the width, lists with hanging indents, block quotes, code blocks and tables as they
/// are, and math (`$…$`, `$$…$$`) read as Unicode (`\pi_\theta` → π_θ).
public enum MarkdownText {
    /// How a rendered line is to be shown.
    public enum LineKind: Sendable, Equatable {
        /// A heading of the given level (1 = `#`).
        case heading(Int)
        /// Ordinary prose.
        case prose
        /// Code, math display or a table: shown as it is.
        case verbatim
    }

    /// A line of the rendered text.
    public struct Line: Sendable, Equatable {
        /// The text, without styles.
        public var text: String
        /// What the line is.
        public var kind: LineKind

        /// A line of `text` of kind `kind`.
        public init(text: String, kind: LineKind) {
            self.text = text
            self.kind = kind
        }
    }

    /// The lines of `markdown` rendered for a terminal `width` characters wide.
    public static func render(_ markdown: String, width: Int) -> [Line] {
        var lines: [Line] = []
        var paragraph: [String] = []
        var paragraphIndent = (first: "", rest: "")
        var inFence = false
        var inDisplayMath = false
        var math: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = inline(paragraph.joined(separator: " "))
            lines += TextWrapping.wrap(text, width: width, firstIndent: paragraphIndent.first,
                                       indent: paragraphIndent.rest).map { Line(text: $0, kind: .prose) }
            paragraph = []
            paragraphIndent = ("", "")
        }
        func blank() {
            if let last = lines.last, last.text.isEmpty { return }
            if !lines.isEmpty { lines.append(Line(text: "", kind: .prose)) }
        }
        func flushMath() {
            let body = LaTeXText.unicode(math.joined(separator: " ")).trimmed()
            lines.append(Line(text: "    " + body, kind: .verbatim))
            math = []
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = rawLine.trimmedTrailing()
            let stripped = line.trimmed()
            if inFence {
                if stripped.hasPrefix("```") { inFence = false; blank() } else {
                    lines.append(Line(text: "    " + line, kind: .verbatim))
                }
                continue
            }
            if inDisplayMath {
                if let end = stripped.range(of: "$$") {
                    math.append(String(stripped[..<end.lowerBound]))
                    inDisplayMath = false
                    flushMath()
                } else {
                    math.append(stripped)
                }
                continue
            }
            if stripped.hasPrefix("```") {
                flushParagraph(); blank(); inFence = true; continue
            }
            if stripped.hasPrefix("$$") {
                flushParagraph(); blank()
                let rest = String(stripped.dropFirst(2))
                if let end = rest.range(of: "$$") {
                    math = [String(rest[..<end.lowerBound])]
                    flushMath()
                } else {
                    math = [rest]
                    inDisplayMath = true
                }
                continue
            }
            if stripped.isEmpty { flushParagraph(); blank(); continue }
            if let level = headingLevel(stripped) {
                flushParagraph(); blank()
                let title = inline(String(stripped.drop(while: { $0 == "#" })).trimmed())
                lines += TextWrapping.wrap(title, width: width).map { Line(text: $0, kind: .heading(level)) }
                lines.append(Line(text: "", kind: .prose))
                continue
            }
            if stripped.hasPrefix("|") {
                flushParagraph()
                if !stripped.allSatisfy({ "|-: ".contains($0) }) {
                    lines.append(Line(text: "  " + inline(stripped), kind: .verbatim))
                }
                continue
            }
            if let (marker, rest) = listItem(stripped) {
                flushParagraph()
                let depth = String(repeating: " ", count: min(8, line.prefix(while: { $0 == " " }).count))
                paragraphIndent = (depth + "  " + marker + " ", depth + "  " + String(repeating: " ", count: marker.count + 1))
                paragraph = [rest]
                continue
            }
            if stripped.hasPrefix(">") {
                if paragraph.isEmpty { paragraphIndent = ("  │ ", "  │ ") }
                paragraph.append(String(stripped.dropFirst()).trimmed())
                continue
            }
            if line.hasPrefix("    ") && paragraph.isEmpty {
                lines.append(Line(text: line, kind: .verbatim))
                continue
            }
            paragraph.append(stripped)
        }
        if inDisplayMath { flushMath() }
        flushParagraph()
        while let last = lines.last, last.text.isEmpty { lines.removeLast() }
        return lines
    }

    /// The heading level of a line (`## Title` → 2), if it is a heading.
    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// The list marker (shown as "•" or "3.") and the item's text, if the line is a list item.
    static func listItem(_ line: String) -> (String, String)? {
        for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) {
            return ("•", String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return (digits + ".", String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline Markdown made plain: emphasis and code marks dropped, links as "text (url)",
    /// inline math read as Unicode.
    public static func inline(_ text: String) -> String {
        var out = ""
        var characters = Substring(text)
        while let character = characters.first {
            switch character {
            case "\\" where characters.count > 1 && "*_`$[]#\\".contains(characters.dropFirst().first!):
                out.append(characters.dropFirst().first!)
                characters = characters.dropFirst(2)
            case "$":
                let rest = characters.dropFirst()
                if let end = rest.firstIndex(of: "$"), end != rest.startIndex {
                    out += LaTeXText.unicode(String(rest[..<end]))
                    characters = rest[rest.index(after: end)...]
                } else {
                    out.append("$"); characters = rest
                }
            case "`":
                let rest = characters.dropFirst()
                if let end = rest.firstIndex(of: "`") {
                    out += rest[..<end]
                    characters = rest[rest.index(after: end)...]
                } else {
                    out.append("`"); characters = rest
                }
            case "*", "_":
                // Paired emphasis marks around words are dropped; a lone mark (π*, a_t) stays.
                let run = String(characters.prefix(while: { $0 == character }))
                let rest = characters.dropFirst(run.count)
                let before = out.last
                let opens = (before.map { $0.isWhitespace || "([\"'".contains($0) } ?? true)
                    && (rest.first.map { !$0.isWhitespace } ?? false)
                if opens, let close = rest.range(of: run), close.lowerBound != rest.startIndex,
                   !rest[rest.index(before: close.lowerBound)].isWhitespace {
                    out += inline(String(rest[..<close.lowerBound]))
                    characters = rest[close.upperBound...]
                } else {
                    out += run
                    characters = rest
                }
            case "[":
                if let close = characters.firstIndex(of: "]"),
                   characters[characters.index(after: close)...].first == "(",
                   let end = characters[close...].firstIndex(of: ")") {
                    let label = characters[characters.index(after: characters.startIndex)..<close]
                    let url = characters[characters.index(close, offsetBy: 2)..<end]
                    out += inline(String(label)) + (url.isEmpty || url == label ? "" : " (\(url))")
                    characters = characters[characters.index(after: end)...]
                } else {
                    out.append("["); characters = characters.dropFirst()
                }
            default:
                out.append(character)
                characters = characters.dropFirst()
            }
        }
        return out
    }
}
