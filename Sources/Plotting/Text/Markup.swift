import Foundation

/// The label markup used by every text of a figure (titles, axis labels, legend entries, tick
/// labels, annotations).
///
/// Plain Unicode is written as is (θ, λ, π*, Φ, γ, ε, ±, ≤ …). On top of it:
/// - `x_t`, `x_{t+1}`: subscript (one character, or a braced group);
/// - `e^{-x}`, `T^2`: superscript (same rule); groups nest: `e^{-x_i^2}`;
/// - `<i>…</i>`, `<b>…</b>`, `<sub>…</sub>`, `<sup>…</sup>`, `<span …>…</span>`: Pango markup tags;
/// - `\_`, `\^`, `\{`, `\}`, `\\`, `\<`: the character itself.
///
/// Everything else, including a `<` that does not open one of those tags and every `&`, is literal
/// text, so `p < 0.05` and `R&D` need no escaping. The Cairo renderer turns the markup into Pango
/// markup, the gnuplot renderer into gnuplot "enhanced text" or, for `cairolatex`, into LaTeX.
public indirect enum Markup: Sendable, Hashable {
    /// Literal text.
    case text(String)
    /// A subscript.
    case sub([Markup])
    /// A superscript.
    case sup([Markup])
    /// Italic text.
    case italic([Markup])
    /// Bold text.
    case bold([Markup])
    /// A Pango `<span …>` with its raw attribute text (other renderers keep only the content).
    case span(attributes: String, [Markup])

    /// Parses label markup; it never fails (unbalanced input is kept as literal text).
    public static func parse(_ source: String) -> [Markup] {
        var parser = MarkupParser(Array(source))
        return parser.parseSequence(until: nil)
    }

    /// The text with the markup removed (for measuring fallbacks and file names).
    public static func plainText(_ nodes: [Markup]) -> String {
        nodes.map { node in
            switch node {
            case .text(let s): return s
            case .sub(let c), .sup(let c), .italic(let c), .bold(let c), .span(_, let c): return plainText(c)
            }
        }.joined()
    }

    /// Pango markup for `source` at `fontSize` points (special characters escaped; sub- and
    /// superscripts as spans at 70 % size, lowered by 0.2 em or raised by 0.38 em of the
    /// surrounding text, so that they nest: `e^{-x_i^2}`).
    public static func pango(_ source: String, fontSize: Double) -> String {
        pango(parse(source), fontSize: fontSize, rise: 0)
    }

    /// Pango markup for parsed nodes at `fontSize` points, `rise` points above the baseline.
    static func pango(_ nodes: [Markup], fontSize: Double, rise: Double) -> String {
        func script(_ children: [Markup], shift: Double) -> String {
            let size = fontSize * 0.7, newRise = rise + shift * fontSize
            return "<span size=\"\(Int((size * 1024).rounded()))\" rise=\"\(Int((newRise * 1024).rounded()))\">"
                + pango(children, fontSize: size, rise: newRise) + "</span>"
        }
        return nodes.map { node in
            switch node {
            case .text(let s):
                var out = ""
                for ch in s {
                    switch ch {
                    case "&": out += "&amp;"
                    case "<": out += "&lt;"
                    case ">": out += "&gt;"
                    case "'": out += "&apos;"
                    case "\"": out += "&quot;"
                    default: out.append(ch)
                    }
                }
                return out
            case .sub(let c): return script(c, shift: -0.2)
            case .sup(let c): return script(c, shift: 0.38)
            case .italic(let c): return "<i>" + pango(c, fontSize: fontSize, rise: rise) + "</i>"
            case .bold(let c): return "<b>" + pango(c, fontSize: fontSize, rise: rise) + "</b>"
            case .span(let a, let c): return "<span " + a + ">" + pango(c, fontSize: fontSize, rise: rise) + "</span>"
            }
        }.joined()
    }
}

/// A recursive-descent parser for ``Markup``.
private struct MarkupParser {
    let chars: [Character]
    var index = 0

    init(_ chars: [Character]) { self.chars = chars }

    /// Nodes up to the closing `terminator` (`}` or a closing tag name), consumed if found.
    mutating func parseSequence(until terminator: String?) -> [Markup] {
        var nodes: [Markup] = []
        var text = ""
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = "" }
        }
        while index < chars.count {
            let ch = chars[index]
            if terminator == "}" && ch == "}" {
                index += 1
                flush()
                return nodes
            }
            if let terminator, terminator != "}", closingTag(terminator) {
                flush()
                return nodes
            }
            switch ch {
            case "\\" where index + 1 < chars.count && "_^{}\\<".contains(chars[index + 1]):
                text.append(chars[index + 1])
                index += 2
            case "_", "^":
                guard index + 1 < chars.count, chars[index + 1] != " " else {
                    text.append(ch); index += 1; continue
                }
                flush()
                index += 1
                let group: [Markup]
                if chars[index] == "{", hasClosingBrace(from: index) {
                    index += 1
                    group = parseSequence(until: "}")
                } else if chars[index] == "\\", index + 1 < chars.count {
                    group = [.text(String(chars[index + 1]))]
                    index += 2
                } else {
                    group = [.text(String(chars[index]))]
                    index += 1
                }
                nodes.append(ch == "_" ? .sub(group) : .sup(group))
            case "<":
                if let (name, attributes, length) = openingTag(), hasClosingTag(name, from: index + length) {
                    flush()
                    index += length
                    let children = parseSequence(until: name)
                    switch name {
                    case "sub": nodes.append(.sub(children))
                    case "sup": nodes.append(.sup(children))
                    case "i": nodes.append(.italic(children))
                    case "b": nodes.append(.bold(children))
                    default: nodes.append(.span(attributes: attributes, children))
                    }
                } else {
                    text.append(ch)
                    index += 1
                }
            default:
                text.append(ch)
                index += 1
            }
        }
        flush()
        return nodes
    }

    /// If a closing `</name>` starts here, consumes it and returns true.
    mutating func closingTag(_ name: String) -> Bool {
        let tag = Array("</\(name)>")
        guard index + tag.count <= chars.count, Array(chars[index..<index + tag.count]) == tag else { return false }
        index += tag.count
        return true
    }

    /// A supported opening tag at `index`: its name, attribute text and length in characters.
    func openingTag() -> (String, String, Int)? {
        for name in ["sub", "sup", "i", "b"] {
            let tag = Array("<\(name)>")
            if index + tag.count <= chars.count, Array(chars[index..<index + tag.count]) == tag {
                return (name, "", tag.count)
            }
        }
        let prefix = Array("<span ")
        guard index + prefix.count <= chars.count, Array(chars[index..<index + prefix.count]) == prefix,
              let end = chars[(index + prefix.count)...].firstIndex(of: ">") else { return nil }
        let attributes = String(chars[(index + prefix.count)..<end]).trimmingCharacters(in: .whitespaces)
        return ("span", attributes, end - index + 1)
    }

    /// Whether `</name>` occurs at or after `start`.
    func hasClosingTag(_ name: String, from start: Int) -> Bool {
        let tag = Array("</\(name)>")
        guard chars.count >= tag.count, start <= chars.count - tag.count else { return false }
        for i in start...(chars.count - tag.count) where Array(chars[i..<i + tag.count]) == tag { return true }
        return false
    }

    /// Whether the `{` at `start` has a matching `}`.
    func hasClosingBrace(from start: Int) -> Bool {
        var depth = 0
        var i = start
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "{" { depth += 1 }
            if chars[i] == "}" { depth -= 1; if depth == 0 { return true } }
            i += 1
        }
        return false
    }
}
