import ArgumentParser
import Foundation

/// A range of seed indices for `--seeds`: `5..9`, `5...9` and `5-9` are seeds 5 to 9, `3` is seed 3 alone.
///
/// The indices count the runs of each of a lesson's per-seed experiments (0 is the first run, made
/// with the run's `--seed`; run k uses the k-th seed derived from it), so shards with disjoint
/// ranges split a lesson's work between processes or machines without repeating any of it.
public struct SeedRange: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    /// The first index.
    public let lowerBound: Int
    /// The last index (included).
    public let upperBound: Int

    /// Indices `lowerBound` through `upperBound`.
    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Parses `5..9`, `5...9`, `5-9` or `3`; `nil` (a usage error) for anything else, a negative
    /// index or a range that ends before it starts.
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        if let range = text.range(of: "...") ?? text.range(of: "..") {
            parts = [text[..<range.lowerBound], text[range.upperBound...]]
        } else {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
        }
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
              first >= 0, last >= first else { return nil }
        self.init(first, last)
    }

    /// Whether `index` is in the range.
    public func contains(_ index: Int) -> Bool { (lowerBound...upperBound).contains(index) }

    /// "5–9", or "3" for one seed.
    public var description: String { lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)–\(upperBound)" }

    /// The folder name of a shard's outputs: "seeds-5-9".
    var folderName: String { "seeds-\(lowerBound)-\(upperBound)" }
}

