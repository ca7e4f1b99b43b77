/// Breaks prose into lines of at most a given width, at spaces.
public enum TextWrapping {
    /// The words of `text` (split at any whitespace) filled into lines of at most `width`
    /// characters; the first line starts with `firstIndent`, the others with `indent`.
    /// A word longer than a line gets a line of its own.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !words.isEmpty else { return [firstIndent.trimmedTrailing()] }
        var lines: [String] = []
        var current = firstIndent
        var currentHasWord = false
        for word in words {
            let prefix = lines.isEmpty ? firstIndent : indent
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else if currentHasWord {
                current += " " + word
            } else {
                current = prefix + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmedTrailing() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The string without leading and trailing whitespace.
    func trimmed() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
