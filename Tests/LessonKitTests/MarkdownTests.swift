import LessonKit
import Testing

@Suite("Terminal text")
struct MarkdownTests {
    @Test("prose wraps at the width without breaking words")
    func wrapping() {
        let text = "Behavior cloning reduces imitation to supervised learning on expert state action pairs."
        let lines = TextWrapping.wrap(text, width: 30)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.joined(separator: " ") == text)
        for (line, next) in zip(lines, lines.dropFirst()) {
            let nextWord = next.split(separator: " ").first ?? ""
            #expect(line.count + 1 + nextWord.count > 30, "the next word would not have fitted on \"\(line)\"")
        }
    }

    @Test("a word longer than the width gets its own line; indents apply")
    func longWordsAndIndents() {
        let lines = TextWrapping.wrap("a supercalifragilistic b", width: 10, firstIndent: "- ", indent: "  ")
        #expect(lines == ["- a", "  supercalifragilistic", "  b"])
    }

    @Test("Markdown renders: headings, wrapped paragraphs, lists, code, display math")
    func rendering() {
        let markdown = #"""
        # Behavior **cloning**

        The policy $\pi_\theta$ imitates the *expert* $\pi^*$ on states from
        `demonstrations`, see [the paper](https://example.org).

        - first item that is long enough to wrap around the narrow width
        - second

        $$
        L(\theta) = \mathbb{E}_{(s,a)\sim\mathcal{D}} \|a - \pi_\theta(s)\|^2
        $$
        """#
        let lines = MarkdownText.render(markdown, width: 40)
        #expect(lines.first == MarkdownText.Line(text: "Behavior cloning", kind: .heading(1)))
        #expect(lines.allSatisfy { $0.kind != .prose || $0.text.count <= 40 })
        let prose = lines.filter { $0.kind == .prose }.map(\.text).joined(separator: " ")
        #expect(prose.contains("The policy π_θ imitates the expert π* on states from demonstrations, see the paper (https://example.org)."))
        #expect(lines.contains { $0.text.hasPrefix("  • first item") })
        #expect(lines.contains { $0.text.hasPrefix("    long enough") || $0.text.hasPrefix("    wrap") || $0.text.hasPrefix("    to wrap") })
        #expect(lines.contains(MarkdownText.Line(text: "    L(θ) = 𝔼_((s,a)~𝒟) ‖a - π_θ(s)‖²", kind: .verbatim)))
    }

    @Test("LaTeX reads as Unicode", arguments: [
        (#"\theta_t^2"#, "θₜ²"), (#"\pi^*"#, "π*"), (#"\gamma^{t}"#, "γᵗ"), (#"\frac{1}{2}"#, "1/2"),
        (#"\log D(x) + \log(1 - D(G(z)))"#, "log D(x) + log (1 - D(G(z)))"), (#"\hat{a}"#, "â"),
        (#"\mathbb{E}_{x \sim p}"#, "𝔼_(x ~ p)"), (#"-\log 4"#, "-log 4"), (#"\lambda \in [0, 1]"#, "λ ∈ [0, 1]"),
        (#"\Phi(s)\epsilon"#, "Φ(s)ε"),
    ])
    func latex(input: String, expected: String) {
        #expect(LaTeXText.unicode(input) == expected)
    }

    @Test("inline marks: paired emphasis dropped, lone marks kept, escapes honoured")
    func inlineMarks() {
        #expect(MarkdownText.inline("a **bold** and _it_ word") == "a bold and it word")
        #expect(MarkdownText.inline("the expert π* acts; a_t stays") == "the expert π* acts; a_t stays")
        #expect(MarkdownText.inline(#"costs \$5"#) == "costs $5")
    }
}
