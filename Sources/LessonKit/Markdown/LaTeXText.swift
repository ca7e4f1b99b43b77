/// Turns simple LaTeX math into Unicode text for the terminal: `\theta_t^2` → θₜ², `\mathbb{E}` → 𝔼,
/// `\frac{a}{b}` → a/b. Anything it does not know it leaves readable (the command's name).
public enum LaTeXText {
    /// The Unicode reading of a LaTeX math expression.
    public static func unicode(_ latex: String) -> String {
        var parser = Parser(characters: Array(latex))
        return parser.parseSequence(until: nil).replacingOccurrences(of: "  ", with: " ")
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "approx": "≈", "sim": "~", "propto": "∝", "infty": "∞", "sum": "Σ", "prod": "Π", "int": "∫",
        "partial": "∂", "nabla": "∇", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
        "Rightarrow": "⇒", "implies": "⇒", "iff": "⇔", "in": "∈", "notin": "∉", "subset": "⊂",
        "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃", "mid": "|", "|": "‖",
        "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "langle": "⟨", "rangle": "⟩",
        "ldots": "…", "dots": "…", "cdots": "⋯", "pm": "±", "mp": "∓", "star": "*", "ast": "*",
        "circ": "∘", "log": "log", "ln": "ln", "exp": "exp", "min": "min", "max": "max", "arg": "arg",
        "sup": "sup", "inf": "inf", "lim": "lim", "sqrt": "√", "quad": "  ", "qquad": "   ",
        ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "{": "{", "}": "}", "_": "_", "%": "%",
        "&": "&", "#": "#", "$": "$", "top": "ᵀ", "prime": "′", "emptyset": "∅", "neg": "¬",
        "land": "∧", "lor": "∨", "equiv": "≡", "coloneqq": "≔", "triangleq": "≜",
        "mathbb{E}": "𝔼", "mathbb{R}": "ℝ", "mathbb{P}": "ℙ", "mathbb{N}": "ℕ", "mathbb{1}": "𝟙",
        "mathcal{D}": "𝒟", "mathcal{L}": "ℒ", "mathcal{N}": "𝒩", "mathcal{T}": "𝒯", "mathcal{S}": "𝒮",
        "mathcal{A}": "𝒜", "mathcal{B}": "ℬ", "mathcal{U}": "𝒰", "mathcal{J}": "𝒥", "mathcal{H}": "ℋ",
    ]

    /// Commands that are dropped with no trace (sizing and spacing).
    static let ignored: Set<String> = ["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr",
                                       "Bigl", "Bigr", "displaystyle", "limits", "nolimits"]
    /// Commands whose argument is kept as plain text.
    static let passThrough: Set<String> = ["text", "mathrm", "operatorname", "mathbf", "boldsymbol",
                                           "mathit", "textrm", "textbf", "mathsf", "bm", "underbrace"]
    /// Accents written with a combining character after the argument.
    static let accents: [String: Character] = ["hat": "\u{0302}", "bar": "\u{0304}", "tilde": "\u{0303}",
                                               "dot": "\u{0307}", "vec": "\u{20D7}", "overline": "\u{0305}",
                                               "widehat": "\u{0302}", "widetilde": "\u{0303}"]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ", "*": "*",
        "′": "′", "ᵀ": "ᵀ", "k": "ᵏ", "t": "ᵗ", "a": "ᵃ", "b": "ᵇ", "e": "ᵉ", "m": "ᵐ", "π": "π",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "o": "ₒ", "x": "ₓ",
        "h": "ₕ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "p": "ₚ", "s": "ₛ", "t": "ₜ", "i": "ᵢ",
        "j": "ⱼ", "r": "ᵣ", "u": "ᵤ", "v": "ᵥ", "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "χ": "ᵪ",
    ]

    /// A recursive reader of the LaTeX text.
    private struct Parser {
        let characters: [Character]
        var position = 0

        mutating func parseSequence(until terminator: Character?) -> String {
            var out = ""
            while position < characters.count {
                let character = characters[position]
                if character == terminator { position += 1; return out }
                out += parseAtom()
            }
            return out
        }

        /// One unit: a command, a group, a script or a character.
        mutating func parseAtom() -> String {
            let character = characters[position]
            position += 1
            switch character {
            case "\\": return parseCommand()
            case "{": return parseSequence(until: "}")
            case "}": return ""
            case "^": return script(parseArgument(), table: LaTeXText.superscripts, marker: "^")
            case "_": return script(parseArgument(), table: LaTeXText.subscripts, marker: "_")
            case "~": return " "
            default: return String(character)
            }
        }

        /// The argument of a script or command: a group or the next unit.
        mutating func parseArgument() -> String {
            while position < characters.count, characters[position] == " " { position += 1 }
            guard position < characters.count else { return "" }
            if characters[position] == "{" {
                position += 1
                return parseSequence(until: "}")
            }
            return parseAtom()
        }

        mutating func parseCommand() -> String {
            guard position < characters.count else { return "\\" }
            var name = ""
            if characters[position].isLetter {
                while position < characters.count, characters[position].isLetter {
                    name.append(characters[position])
                    position += 1
                }
            } else {
                name = String(characters[position])
                position += 1
            }
            if name == "mathbb" || name == "mathcal" {
                let argument = parseArgument()
                return LaTeXText.symbols["\(name){\(argument)}"] ?? argument
            }
            if name == "frac" || name == "dfrac" || name == "tfrac" {
                let numerator = parseArgument()
                let denominator = parseArgument()
                return grouped(numerator) + "/" + grouped(denominator)
            }
            if let accent = LaTeXText.accents[name] {
                let argument = parseArgument()
                return argument.count == 1 ? argument + String(accent) : argument
            }
            if LaTeXText.passThrough.contains(name) { return parseArgument() }
            if LaTeXText.ignored.contains(name) { return "" }
            if let symbol = LaTeXText.symbols[name] {
                return ["sum", "prod", "log", "exp", "min", "max", "arg", "ln", "sup", "inf", "lim"].contains(name)
                    ? symbol + (["log", "exp", "ln"].contains(name) ? " " : "") : symbol
            }
            return name
        }

        /// A fraction's part, in parentheses when it has several terms.
        func grouped(_ text: String) -> String {
            text.contains(where: { " +-−·/".contains($0) }) ? "(\(text))" : text
        }

        func script(_ text: String, table: [Character: Character], marker: String) -> String {
            if text == "*" || text == "⋆" { return "*" }
            let mapped = text.compactMap { table[$0] }
            if mapped.count == text.count { return String(mapped) }
            let simple = text.allSatisfy { $0.isLetter || $0.isNumber }
            return simple ? marker + text : marker + "(\(text))"
        }
    }
}
