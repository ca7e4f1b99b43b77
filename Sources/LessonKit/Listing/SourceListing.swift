import Foundation

/// A region of the kit's own source that a lesson shows: the algorithm's update step as it runs,
/// read from the file when the lesson runs, so the notebook never shows a copy that can drift.
///
/// In the source file the region is marked by two comment lines:
/// ```swift
/// // listing: update
/// let target = reward + discount * (1 - done) * nextValue
/// // end listing
/// ```
/// and the lesson shows it with
/// ```swift
/// lesson.listing("BCQ's update", file: "Sources/Algorithms/BCQ/BCQ.swift", region: "update")
/// ```
public struct SourceListing: Sendable, Equatable {
    /// The heading shown above the code.
    public let title: String
    /// The file, relative to the package's root, e.g. "Sources/Algorithms/BCQ/BCQ.swift".
    public let file: String
    /// The region's name, as written after `// listing:`.
    public let region: String

    /// A listing of `region` in `file`.
    public init(title: String, file: String, region: String) {
        self.title = title
        self.file = file
        self.region = region
    }

    /// The marker line that opens `region`.
    public static func openingMarker(_ region: String) -> String { "// listing: \(region)" }
    /// The marker line that closes a region.
    public static let closingMarker = "// end listing"

    /// The region's code found in a file.
    public struct Excerpt: Sendable, Equatable {
        /// The first and last line of the code (from 1, markers excluded).
        public let lines: ClosedRange<Int>
        /// The code, with the indentation common to its lines removed.
        public let code: String
    }

    /// The region's code in `text` (the file's contents).
    ///
    /// - Throws: ``SourceListingError`` when the region is missing, opened twice, never closed or
    ///   empty.
    public func excerpt(in text: String) throws -> Excerpt {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let opening = Self.openingMarker(region)
        let starts = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == opening }
        guard let start = starts.first else {
            throw SourceListingError("\(file) has no line `\(opening)` (the listing '\(title)' shows that region)")
        }
        guard starts.count == 1 else {
            throw SourceListingError("\(file) opens the region '\(region)' \(starts.count) times (lines "
                                     + starts.map { String($0 + 1) }.joined(separator: ", ") + ")")
        }
        guard let end = lines[(start + 1)...].firstIndex(where: {
            $0.trimmingCharacters(in: .whitespaces) == Self.closingMarker
        }) else {
            throw SourceListingError("\(file): the region '\(region)' opened on line \(start + 1) has no `\(Self.closingMarker)`")
        }
        let body = Array(lines[(start + 1)..<end])
        guard body.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw SourceListingError("\(file): the region '\(region)' (lines \(start + 1)–\(end + 1)) is empty")
        }
        let indent = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        let code = body.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n")
        return Excerpt(lines: (start + 2)...end, code: code)
    }

    /// The region's code read from the file under `root` (the package's root folder).
    ///
    /// - Throws: ``SourceListingError`` when the file cannot be read or the region is not in it.
    public func excerpt(root: URL) throws -> Excerpt {
        let url = root.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SourceListingError("cannot read \(url.path) for the listing '\(title)' (the lesson reads the kit's "
                                     + "sources when it runs: run it from its checkout)")
        }
        return try excerpt(in: text)
    }

    /// The Markdown a notebook shows: the title, where the code is, and the code.
    public func markdown(_ excerpt: Excerpt) -> String {
        "**\(title)**: the code that runs, from `\(file)` (lines \(excerpt.lines.lowerBound)–\(excerpt.lines.upperBound)).\n\n"
            + "```swift\n" + excerpt.code + "\n```"
    }
}

/// A listing that cannot be shown, with a message naming the file and the problem.
public struct SourceListingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public let message: String
    /// An error with the given message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
