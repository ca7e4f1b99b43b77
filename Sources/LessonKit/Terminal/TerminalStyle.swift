/// How rendered Markdown lines look in the terminal.
enum TerminalStyle {
    /// A rendered line with its style applied (headings bold; plain text keeps an underline
    /// for top headings when styles are off).
    static func styled(_ line: MarkdownText.Line, console: Console) -> String {
        switch line.kind {
        case .heading(1): return console.styled(line.text, .boldCyan)
        case .heading: return console.styled(line.text, .bold)
        case .prose, .verbatim: return line.text
        }
    }

    /// Lines for a rendered Markdown text, with an underline under level-1 and level-2 headings
    /// when the console has no styles.
    static func lines(for markdown: String, console: Console) -> [String] {
        var out: [String] = []
        for line in MarkdownText.render(markdown, width: console.width) {
            out.append(styled(line, console: console))
            if !console.usesStyles, case .heading(let level) = line.kind, level <= 2 {
                out.append(String(repeating: level == 1 ? "=" : "-", count: line.text.count))
            }
        }
        return out
    }

    /// A rule naming a cell: `── 3/12 · Train the policy ─────`.
    static func cellRule(number: Int, count: Int, title: String, console: Console) -> String {
        let head = "── \(number)/\(count) · \(title) "
        let rule = head + String(repeating: "─", count: max(3, console.width - head.count))
        return console.styled(rule, .dim)
    }
}
