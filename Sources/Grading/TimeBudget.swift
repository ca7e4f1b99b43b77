import Foundation

/// How long each check took on the reference solutions, measured by
/// `grade --implementation reference --save-timings FILE` on the machine that will grade.
///
/// A check's time limit is derived from its reference time (see ``TimeLimits``), so that a slow but
/// correct submission passes while an infinite loop is stopped after seconds, not minutes.
public struct ReferenceTimings: Codable, Sendable, Equatable {
    /// Seconds per check id ("1.2", "1.2h"), as measured.
    public var seconds: [String: Double]
    /// How many checks ran at once while measuring (times under load are longer).
    public var jobs: Int
    /// When the times were measured (ISO 8601).
    public var measured: String

    /// Creates timings from measured seconds per check id.
    public init(seconds: [String: Double], jobs: Int, measured: Date = Date()) {
        self.seconds = seconds.mapValues { ($0 * 1000).rounded() / 1000 }
        self.jobs = jobs
        self.measured = ISO8601DateFormatter().string(from: measured)
    }

    /// Reads timings written by ``write(to:)``; the error says which file and what is wrong with it.
    public static func load(from url: URL) throws -> ReferenceTimings {
        guard let data = try? Data(contentsOf: url) else {
            throw GradingInputError("cannot read the reference timings \(url.path): the file is missing or unreadable "
                               + "(write it with grade --implementation reference --save-timings \(url.path))")
        }
        do {
            return try JSONDecoder().decode(ReferenceTimings.self, from: data)
        } catch {
            throw GradingInputError("\(url.path) is not a reference-timings file written by grade --save-timings: \(error)")
        }
    }

    /// Writes the timings as JSON, creating the folder if needed.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

/// Each check's time limit: `max(floor, factor × reference seconds)`, never above `ceiling`; a check
/// without a reference time (no timings given, or a check added since they were measured) gets
/// `ceiling`.
public struct TimeLimits: Sendable {
    /// Multiplies the reference's time (20: a submission may be 20 times slower than the reference).
    public var factor: Double
    /// The least any check is given, however fast the reference (start-up and scheduling noise).
    public var floor: Double
    /// The most any check is given, and the limit of a check without a reference time.
    public var ceiling: Double
    /// The reference's times, if measured.
    public var reference: ReferenceTimings?

    /// Creates a policy; see the properties.
    public init(factor: Double = 20, floor: Double = 5, ceiling: Double = 120, reference: ReferenceTimings? = nil) {
        self.factor = factor
        self.floor = floor
        self.ceiling = ceiling
        self.reference = reference
    }

    /// The seconds check `id` may run.
    public func limit(for id: String) -> Double {
        guard let seconds = reference?.seconds[id] else { return ceiling }
        return min(ceiling, max(floor, factor * seconds))
    }

    /// Why check `id` has its limit, for a time-out message: "20 × the reference's 0.31 s".
    public func explanation(for id: String) -> String {
        guard let seconds = reference?.seconds[id] else {
            return reference == nil ? "the fixed limit" : "no reference time was measured for it"
        }
        let derived = factor * seconds
        if derived >= ceiling { return "the ceiling; \(formatSeconds(factor)) × the reference's \(formatSeconds(seconds)) s is more" }
        if derived <= floor { return "the floor; the reference takes \(formatSeconds(seconds)) s" }
        return "\(formatSeconds(factor)) × the reference's \(formatSeconds(seconds)) s"
    }

    /// The longest a run of the checks `ids` can take on `jobs` parallel workers if every check runs
    /// to its limit (a submission that loops in every exercise): the greedy schedule's makespan.
    public func worstCase(ids: [String], jobs: Int) -> Double {
        var workers = [Double](repeating: 0, count: max(1, jobs))
        for id in ids {
            let earliest = workers.indices.min { workers[$0] < workers[$1] }!
            workers[earliest] += limit(for: id)
        }
        return workers.max() ?? 0
    }
}

/// Bad input to the grader itself (a missing or malformed file, a wrong folder layout): one line
/// that says what is wrong and how to fix it.
public struct GradingInputError: Error, CustomStringConvertible, Sendable {
    /// The line to print.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Seconds for a message: "0.31", "2.5", "5", "13".
public func formatSeconds(_ seconds: Double) -> String {
    if seconds >= 10 || seconds == seconds.rounded() { return String(Int(seconds.rounded())) }
    return seconds >= 1 ? String(format: "%.1f", seconds) : String(format: "%.2f", seconds)
}
