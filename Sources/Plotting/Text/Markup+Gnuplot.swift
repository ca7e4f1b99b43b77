extension Markup {
    /// gnuplot "enhanced text" for `source` (enhanced-text specials `_ ^ @ & ~ { } \\` escaped with a
    /// backslash); quoting it for a script is the caller's job.
    public static func gnuplotEnhanced(_ source: String) -> String {
        gnuplotEnhanced(parse(source))
    }

    /// gnuplot enhanced text for parsed nodes.
    public static func gnuplotEnhanced(_ nodes: [Markup]) -> String {
        nodes.map { node in
            switch node {
            case .text(let s):
                var out = ""
                for ch in s {
                    switch ch {
                    case "_", "^", "@", "&", "~", "{", "}", "\\": out += "\\" + String(ch)
                    default: out.append(ch)
                    }
                }
                return out
            case .sub(let c): return "_{" + gnuplotEnhanced(c) + "}"
            case .sup(let c): return "^{" + gnuplotEnhanced(c) + "}"
            case .italic(let c): return "{/:Italic " + gnuplotEnhanced(c) + "}"
            case .bold(let c): return "{/:Bold " + gnuplotEnhanced(c) + "}"
            case .span(_, let c): return gnuplotEnhanced(c)
            }
        }.joined()
    }

    /// LaTeX for `source` (gnuplot's `cairolatex` terminal): specials escaped, Greek letters and
    /// common symbols as math commands, sub/superscripts in math mode.
    /// Adjacent math runs are joined (`θ_t` gives `$\theta_{…}$`) and a star after a symbol is
    /// its superscript (`π*` gives `$\pi^*$`).
    public static func latex(_ source: String) -> String {
        let text = latex(parse(source))
        // A `$` not escaped by a backslash: `$$` joins two math runs, `$*` closes one before a star.
        let joined = text.replacingOccurrences(of: #"(?<!\\)\$\$"#, with: "", options: .regularExpression)
        return joined.replacingOccurrences(of: #"(?<!\\)\$\*"#, with: "^*$", options: .regularExpression)
    }

    /// LaTeX for parsed nodes.
    public static func latex(_ nodes: [Markup]) -> String {
        nodes.map { node in
            switch node {
            case .text(let s):
                var out = ""
                for ch in s {
                    if let math = latexSymbols[ch] {
                        out += "$" + math + "$"
                        continue
                    }
                    if let accented = latexAccented(ch) {
                        out += "$" + accented + "$"
                        continue
                    }
                    switch ch {
                    case "#", "$", "%", "&", "_", "{", "}": out += "\\" + String(ch)
                    case "~": out += "\\textasciitilde{}"
                    case "^": out += "\\textasciicircum{}"
                    case "\\": out += "\\textbackslash{}"
                    // OT1 has no bar: `|` in text would print an em dash.
                    case "|": out += "$|$"
                    case "<": out += "$<$"
                    case ">": out += "$>$"
                    default: out.append(ch)
                    }
                }
                return out
            case .sub(let c): return latexScript(c, math: "_", text: "\\textsubscript")
            case .sup(let c): return latexScript(c, math: "^", text: "\\textsuperscript")
            case .italic(let c): return "\\textit{" + latex(c) + "}"
            case .bold(let c): return "\\textbf{" + latex(c) + "}"
            case .span(_, let c): return latex(c)
            }
        }.joined()
    }

    /// A sub- or superscript at the script size of the text around it, whatever that size is:
    /// in math mode (`$_{t}$`, `$^{\mathrm{BC}}$`) when it holds only letters, digits and math
    /// symbols, else as `\textsubscript{…}` / `\textsuperscript{…}` (LaTeX's kernel). Never a
    /// fixed size such as `\scriptsize`, which is the document's and stands too large and too
    /// high beside a smaller label.
    static func latexScript(_ nodes: [Markup], math marker: String, text command: String) -> String {
        var plain = ""
        for node in nodes {
            guard case .text(let s) = node else { return command + "{" + latex(nodes) + "}" }
            plain += s
        }
        var out = "", word = ""
        func flush() {
            guard !word.isEmpty else { return }
            out += word.count > 1 ? "\\mathrm{" + word + "}" : word
            word = ""
        }
        for ch in plain {
            if ch.isASCII && ch.isLetter { word.append(ch); continue }
            flush()
            if ch.isASCII && (ch.isNumber || "+-=,.()'/|<>[]".contains(ch)) {
                out.append(ch)
            } else if ch == "*" || ch == "∗" {
                out += "*"
            } else if let symbol = latexSymbols[ch] {
                out += symbol + " "
            } else {
                return command + "{" + latex(nodes) + "}"
            }
        }
        flush()
        return "$" + marker + "{" + out.trimmingCharacters(in: .whitespaces) + "}$"
    }

    /// A letter with a combining dot, bar, hat or tilde (`θ̇`, `x̄`) as a math accent (`\dot{\theta}`).
    static func latexAccented(_ ch: Character) -> String? {
        let scalars = Array(ch.unicodeScalars)
        guard scalars.count == 2, let accent = latexAccents[scalars[1].value] else { return nil }
        let base = Character(scalars[0])
        if let math = latexSymbols[base] { return accent + "{" + math + "}" }
        guard base.isASCII, base.isLetter else { return nil }
        return accent + "{" + String(base) + "}"
    }

    /// Combining accents (their code points) and their math commands.
    static let latexAccents: [UInt32: String] = [0x307: "\\dot", 0x308: "\\ddot", 0x304: "\\bar", 0x302: "\\hat", 0x303: "\\tilde"]

    /// Unicode symbols the lectures use, as LaTeX math commands.
    static let latexSymbols: [Character: String] = [
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ϵ": "\\epsilon",
        "ζ": "\\zeta", "η": "\\eta", "θ": "\\theta", "ι": "\\iota", "κ": "\\kappa", "λ": "\\lambda",
        "μ": "\\mu", "ν": "\\nu", "ξ": "\\xi", "π": "\\pi", "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau",
        "υ": "\\upsilon", "φ": "\\phi", "ϕ": "\\phi", "χ": "\\chi", "ψ": "\\psi", "ω": "\\omega",
        "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta", "Λ": "\\Lambda", "Ξ": "\\Xi", "Π": "\\Pi",
        "Σ": "\\Sigma", "Φ": "\\Phi", "Ψ": "\\Psi", "Ω": "\\Omega",
        "±": "\\pm", "×": "\\times", "·": "\\cdot", "−": "-", "≤": "\\leq", "≥": "\\geq", "≠": "\\neq",
        "≈": "\\approx", "→": "\\to", "←": "\\leftarrow", "∞": "\\infty", "∇": "\\nabla", "∂": "\\partial",
        "∈": "\\in", "∼": "\\sim", "√": "\\surd", "∑": "\\sum", "∫": "\\int", "°": "^{\\circ}",
        "²": "^{2}", "³": "^{3}", "∗": "*", "…": "\\ldots", "⋅": "\\cdot", "∝": "\\propto", "\u{2009}": "\\,",
        "‖": "\\|", "¹": "^{1}", "⁰": "^{0}", "⁴": "^{4}", "⁻": "^{-}", "⁺": "^{+}", "ᵀ": "^{\\top}",
        "₀": "_{0}", "₁": "_{1}", "₂": "_{2}", "₃": "_{3}", "₄": "_{4}", "₅": "_{5}", "₆": "_{6}", "₇": "_{7}",
        "₈": "_{8}", "₉": "_{9}", "ₜ": "_{t}",
    ]
}
