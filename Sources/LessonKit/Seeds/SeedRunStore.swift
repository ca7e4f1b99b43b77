import Foundation

/// Where a lesson's per-seed runs are kept between a sharded run (`--seeds`) and the merge
/// (`--merge`): one JSON file per experiment and seed index, `<out>/NN-name/seeds/<experiment>/seed-<k>.json`.
///
/// Each file carries the settings it was made with (lesson, base seed, budgets, implementation,
/// number of seeds), and the merge refuses a file made with other settings, naming the file and
/// the setting, so shards of different runs never mix silently.
struct SeedRunStore: Sendable {
    /// `<out>/NN-name/seeds/`.
    let directory: URL
    /// The settings every file of this run must share.
    let settings: Settings

    /// What a per-seed file must agree on with the run that merges it.
    struct Settings: Codable, Sendable, Equatable {
        /// `NN-name`.
        var lesson: String
        /// The run's `--seed`, as decimal text (any UInt64).
        var seed: String
        /// `--quick`.
        var quick: Bool
        /// `reference` or `exercises`.
        var implementation: String
        /// `--scale` (`nil` in files written before the option existed: `standard`).
        var scale: String?

        /// What differs from `expected`, e.g. "--seed 3, not 0".
        func differences(from expected: Settings) -> [String] {
            var found: [String] = []
            if lesson != expected.lesson { found.append("lesson \(lesson), not \(expected.lesson)") }
            if seed != expected.seed { found.append("--seed \(seed), not \(expected.seed)") }
            if quick != expected.quick { found.append(quick ? "--quick (this run is not quick)" : "full budgets (this run has --quick)") }
            let (mine, theirs) = (scale ?? "standard", expected.scale ?? "standard")
            if mine != theirs { found.append("--scale \(mine), not \(theirs)") }
            if implementation != expected.implementation {
                found.append("--implementation \(implementation), not \(expected.implementation)")
            }
            return found
        }
    }

    /// One seed's run of one experiment, as written to its file.
    struct Record<Run: Codable>: Codable {
        var settings: Settings
        var experiment: String
        var index: Int
        var count: Int
        var run: Run
    }

    /// The file of `experiment`'s run `index`.
    func file(experiment: String, index: Int) -> URL {
        directory.appendingPathComponent(experiment).appendingPathComponent("seed-\(index).json")
    }

    /// Writes one run (atomically: a reader never sees half a file).
    func save<Run: Codable>(_ run: Run, experiment: String, index: Int, count: Int) throws {
        let url = file(experiment: experiment, index: index)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw LessonError.cannotWrite(path: url.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        let record = Record(settings: settings, experiment: experiment, index: index, count: count, run: run)
        let data: Data
        do {
            data = try Self.encoder.encode(record)
        } catch {
            throw LessonError.cannotWrite(path: url.path, reason: "the run cannot be written as JSON (\(error))")
        }
        try AtomicFile.write(data, to: url)
    }

    /// Reads every run `0..<count` of `experiment`, in order.
    ///
    /// - Throws: ``SeedRunError`` naming the seeds that have no file (and the shard command that
    ///   makes them), a file that cannot be read, or one made with other settings.
    func load<Run: Codable>(_ type: Run.Type, experiment: String, count: Int) throws -> [Run] {
        let missing = (0..<count).filter { !FileManager.default.fileExists(atPath: file(experiment: experiment, index: $0).path) }
        if !missing.isEmpty {
            throw SeedRunError.missing(experiment: experiment, indices: missing, count: count,
                                       directory: directory.appendingPathComponent(experiment).path)
        }
        return try (0..<count).map { index in
            let url = file(experiment: experiment, index: index)
            let record: Record<Run>
            do {
                record = try Self.decoder.decode(Record<Run>.self, from: try Data(contentsOf: url))
            } catch {
                throw SeedRunError.unreadable(path: url.path, reason: Self.describe(error))
            }
            if record.settings != settings {
                throw SeedRunError.otherSettings(path: url.path, differences: record.settings.differences(from: settings))
            }
            guard record.count == count, record.index == index, record.experiment == experiment else {
                throw SeedRunError.otherSeedCount(path: url.path, found: record.count, expected: count)
            }
            return record.run
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                       nan: "nan")
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                         nan: "nan")
        return decoder
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return error.localizedDescription
        }
    }
}

/// Why the per-seed runs of a merge (`--merge`) cannot be used.
public enum SeedRunError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Some seeds have no file yet: a shard was not run or has not finished.
    case missing(experiment: String, indices: [Int], count: Int, directory: String)
    /// A file that is not a per-seed run (cut short, edited, from another kit version).
    case unreadable(path: String, reason: String)
    /// A file made with another base seed, budget or implementation.
    case otherSettings(path: String, differences: [String])
    /// A file made with another `--seed-count`.
    case otherSeedCount(path: String, found: Int, expected: Int)

    /// A one-line explanation naming what to do.
    public var description: String {
        switch self {
        case let .missing(experiment, indices, count, directory):
            return "--merge: the experiment \"\(experiment)\" has \(count) seeds but no saved run for seed"
                + "\(indices.count == 1 ? "" : "s") \(Self.ranges(indices)) in \(directory)/: run the shard"
                + "\(indices.count == 1 ? "" : "s") with --seeds \(Self.ranges(indices, argument: true)) first, "
                + "with the same --out, --seed, --quick and --implementation"
        case let .unreadable(path, reason):
            return "--merge: \(path) is not a saved per-seed run (\(reason)); run its shard again"
        case let .otherSettings(path, differences):
            return "--merge: \(path) was made with \(differences.joined(separator: "; ")): merge with the shards' "
                + "settings, or run the shards again with these"
        case let .otherSeedCount(path, found, expected):
            return "--merge: \(path) belongs to a run of \(found) seeds, this merge has \(expected): give the "
                + "shards' --seed-count"
        }
    }

    /// "3–4, 7" (or "3..4" / "7" style arguments, one per shard).
    static func ranges(_ indices: [Int], argument: Bool = false) -> String {
        var parts: [String] = []
        var start = indices.first ?? 0, previous = start
        for index in indices.dropFirst() + [Int.min] {
            if index == previous + 1 { previous = index; continue }
            parts.append(start == previous ? "\(start)" : argument ? "\(start)..\(previous)" : "\(start)–\(previous)")
            start = index
            previous = index
        }
        return parts.joined(separator: argument ? " and --seeds " : ", ")
    }
}
