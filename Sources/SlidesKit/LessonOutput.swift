import Foundation

/// What one lesson run left in `<out>/NN-name/`, as the deck needs it: the lesson's number and
/// title and its key numbers (results.json), and its figures with their captions (notebook.md).
public struct LessonOutput {
    /// A figure the lesson wrote, with the caption it gave.
    public struct FigureEntry {
        /// The figure's file name without extension.
        public let name: String
        /// The lesson's caption, as written in the notebook.
        public let caption: String
    }

    /// The lesson's number (0–8).
    public let number: Int
    /// The lesson's title.
    public let title: String
    /// The folder holding the outputs.
    public let directory: URL
    /// The figures, in the notebook's order.
    public let figures: [FigureEntry]
    /// The scalar numbers of results.json's `results`, as (dotted key, value), in file order.
    public let numbers: [(key: String, value: Double)]
    /// Whether the run used `--quick`.
    public let quick: Bool

    /// Reads `directory/results.json` and `directory/notebook.md`.
    /// - Throws: ``SlidesError`` naming the file that is missing or unreadable.
    public init(directory: URL) throws {
        self.directory = directory
        let resultsFile = directory.appendingPathComponent("results.json")
        guard let data = FileManager.default.contents(atPath: resultsFile.path),
              case .object(let object)? = try? JSONDecoder().decode(JSON.self, from: data),
              case .object(let lesson)? = object["lesson"],
              case .number(let number)? = lesson["number"], case .string(let title)? = lesson["title"] else {
            throw SlidesError("\(resultsFile.path) is missing or has no lesson number and title: run the lesson first")
        }
        self.number = Int(number)
        self.title = title
        if case .bool(let quick)? = object["quick"] { self.quick = quick } else { quick = false }
        numbers = Self.scalars(in: object["results"], prefix: "")
        let notebook = directory.appendingPathComponent("notebook.md")
        guard let markdown = try? String(contentsOf: notebook, encoding: .utf8) else {
            throw SlidesError("\(notebook.path) is missing: run the lesson first")
        }
        figures = Self.figures(inNotebook: markdown)
    }

    /// `*Figure name.* caption ([svg](…), …)` lines of notebook.md.
    static func figures(inNotebook markdown: String) -> [FigureEntry] {
        markdown.split(separator: "\n").compactMap { line -> FigureEntry? in
            guard line.hasPrefix("*Figure "), let end = line.range(of: ".* ") else { return nil }
            let name = String(line[line.index(line.startIndex, offsetBy: 8)..<end.lowerBound])
            var caption = String(line[end.upperBound...])
            if let links = caption.range(of: " ([", options: .backwards) { caption = String(caption[..<links.lowerBound]) }
            return FigureEntry(name: name, caption: caption)
        }
    }

    /// Every finite number in `value` (nested dictionaries flattened with dots; lists left out:
    /// they are curves, shown by the figures), keys sorted.
    static func scalars(in value: JSON?, prefix: String) -> [(key: String, value: Double)] {
        guard case .object(let dictionary)? = value else { return [] }
        return dictionary.keys.sorted().flatMap { key -> [(key: String, value: Double)] in
            let path = prefix.isEmpty ? key : prefix + "." + key
            if case .number(let number)? = dictionary[key] { return number.isFinite ? [(path, number)] : [] }
            return scalars(in: dictionary[key], prefix: path)
        }
    }

    /// The file the deck shows for `figure`: the cairolatex `.tex` when the run wrote one, else
    /// the PDF, else the PNG (`nil` if none is there).
    public func graphic(for figure: FigureEntry) -> (file: URL, isLaTeX: Bool)? {
        let fm = FileManager.default
        for (suffix, isLaTeX) in [("-latex.tex", true), (".tex", true), (".pdf", false), (".png", false)] {
            let file = directory.appendingPathComponent(figure.name + suffix)
            if fm.fileExists(atPath: file.path) { return (file, isLaTeX) }
        }
        return nil
    }
}

/// A problem that stops the deck, said in one line.
public struct SlidesError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}

/// A JSON value, enough to read results.json.
enum JSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }
}
