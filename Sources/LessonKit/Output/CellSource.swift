import Foundation

/// Finds each code cell's Swift code in the lesson's source file, for the notebooks: the
/// declarations written just before the cell (e.g. `var losses: [Double] = []`) and the body of
/// its closure, dedented.
enum CellSource {
    /// The code for every cell (`nil` where it cannot be found, and for text cells).
    ///
    /// - Parameters:
    ///   - file: the lesson's `main.swift`.
    ///   - cellLines: the line (from 1) where each cell's declaration starts.
    ///   - endLine: the line of `lesson.run()`, if known.
    static func extract(file: String, cellLines: [Int], endLine: Int?) -> [String?] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            return cellLines.map { _ in nil }
        }
        return extract(source: text, cellLines: cellLines, endLine: endLine)
    }

    /// The code for every cell, from the source text itself.
    static func extract(source: String, cellLines: [Int], endLine: Int?) -> [String?] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lineStarts: [Int] = []
        var offset = 0
        for line in lines {
            lineStarts.append(offset)
            offset += line.count + 1
        }
        let characters = Array(source)
        var results: [String?] = []
        var previousEndLine = 0
        for line in cellLines {
            // A line that does not declare a cell means the source changed since the lesson was built
            // (the line numbers are the build's): show no code rather than the wrong code.
            guard line >= 1, line <= lines.count, lines[line - 1].trimmed().hasPrefix("lesson.") else {
                results.append(nil)
                continue
            }
            var scanner = Scanner(characters: characters, position: lineStarts[line - 1])
            let call = scanner.scanCall()
            let callEndLine = call.map { lineNumber(of: $0.end, in: lineStarts) } ?? line
            defer { previousEndLine = max(previousEndLine, callEndLine) }
            guard let call, let body = call.closure else { results.append(nil); continue }
            let leading = lines[min(previousEndLine, line - 1)..<(line - 1)]
                .filter { !$0.trimmed().isEmpty && !$0.trimmed().hasPrefix("lesson.") }
            var bodyText = String(characters[body])
            if let range = bodyText.range(of: #"^\s*(\w+|_)\s+in\b"#, options: .regularExpression) {
                bodyText.removeSubrange(range)
            }
            let bodyLines = trimBlankEnds(dedent(bodyText.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)))
            let code = trimBlankEnds(dedent(Array(leading)) + (leading.isEmpty ? [] : [""]) + bodyLines)
            results.append(code.isEmpty ? nil : code.joined(separator: "\n"))
        }
        return results
    }

    private static func lineNumber(of offset: Int, in lineStarts: [Int]) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The lines without blank lines at either end.
    static func trimBlankEnds(_ lines: [String]) -> [String] {
        Array(lines.drop(while: { $0.trimmed().isEmpty }).reversed().drop(while: { $0.trimmed().isEmpty }).reversed())
    }

    /// The lines with their common leading spaces removed (blank lines ignored when measuring).
    static func dedent(_ lines: [String]) -> [String] {
        let indents = lines.filter { !$0.trimmed().isEmpty }.map { $0.prefix(while: { $0 == " " }).count }
        let common = indents.min() ?? 0
        return lines.map { $0.trimmed().isEmpty ? "" : String($0.dropFirst(common)).trimmedTrailing() }
    }

    /// A small reader of Swift text that knows strings and comments well enough to match brackets.
    private struct Scanner {
        let characters: [Character]
        var position: Int

        /// The span of the call starting here, and its trailing closure's inside, if it has one.
        mutating func scanCall() -> (end: Int, closure: Range<Int>?)? {
            var depth = 0
            var started = false
            var closureStart: Int?
            var closure: Range<Int>?
            while position < characters.count {
                let character = characters[position]
                if skipTrivia() { continue }
                switch character {
                case "(", "[", "{":
                    if character == "{" && depth == 0 { closureStart = position + 1 }
                    depth += 1
                    started = true
                case ")", "]", "}":
                    depth -= 1
                    if depth == 0, character == "}", let start = closureStart { closure = start..<position }
                    if depth <= 0 && started && !nextIsOpeningBrace(after: position) {
                        return (position, closure)
                    }
                default:
                    break
                }
                position += 1
            }
            return nil
        }

        private func nextIsOpeningBrace(after index: Int) -> Bool {
            var i = index + 1
            while i < characters.count, characters[i] == " " || characters[i] == "\t" { i += 1 }
            return i < characters.count && characters[i] == "{"
        }

        /// Skips a comment or string literal at the position; true if it skipped something.
        private mutating func skipTrivia() -> Bool {
            let rest = characters[position...]
            if rest.starts(with: ["/", "/"]) {
                while position < characters.count, characters[position] != "\n" { position += 1 }
                return true
            }
            if rest.starts(with: ["/", "*"]) {
                position += 2
                while position + 1 < characters.count, !(characters[position] == "*" && characters[position + 1] == "/") {
                    position += 1
                }
                position += 2
                return true
            }
            var hashes = 0
            while position + hashes < characters.count, characters[position + hashes] == "#" { hashes += 1 }
            guard position + hashes < characters.count, characters[position + hashes] == "\"" else { return false }
            let opening = position + hashes
            let isMultiline = characters[opening...].starts(with: ["\"", "\"", "\""])
            let quote: [Character] = (isMultiline ? ["\"", "\"", "\""] : ["\""]) + Array(repeating: "#", count: hashes)
            position = opening + (isMultiline ? 3 : 1)
            while position < characters.count {
                if hashes == 0, characters[position] == "\\" { position += 2; continue }
                if characters[position...].starts(with: quote) { position += quote.count; return true }
                if !isMultiline, characters[position] == "\n" { position += 1; return true }
                position += 1
            }
            return true
        }
    }
}
