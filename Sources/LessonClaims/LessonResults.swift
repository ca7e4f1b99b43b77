import Foundation

/// A lesson's results.json, read: what the lesson recorded with `context.record`.
///
/// The claims read their numbers through it, in the tests and in `robustness` alike.
public struct LessonResults {
    /// The whole document.
    public let document: [String: Any]
    /// Its "results" object.
    public let results: [String: Any]

    /// Reads `url` (a results.json).
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ClaimError.unreadable(path: url.path, reason: "no such file")
        }
        guard let document = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ClaimError.unreadable(path: url.path, reason: "not a JSON object")
        }
        self.init(document: document)
    }

    /// Wraps a decoded document.
    public init(document: [String: Any]) {
        self.document = document
        self.results = document["results"] as? [String: Any] ?? [:]
    }

    /// The run's status ("complete" when every cell ran).
    public var status: String? { document["status"] as? String }

    /// The results decoded as the lesson's typed results (the type its cells fill in).
    ///
    /// - Throws: ``ClaimError/undecodable(type:path:reason:)`` naming the missing or mistyped entry.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: results)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ClaimError(decoding: error, as: T.self)
        }
    }

    /// The recorded value under `key`.
    public func value(_ key: String) throws -> Any {
        guard let value = results[key] else { throw ClaimError.missingResult(key: key, available: results.keys.sorted()) }
        return value
    }

    /// The recorded number under `key`.
    public func number(_ key: String) throws -> Double {
        guard let number = try value(key) as? Double else { throw ClaimError.wrongType(key: key, expected: "a number") }
        return number
    }

    /// The recorded list of numbers under `key` (`null` entries, which stand for NaN, read as NaN).
    public func numbers(_ key: String) throws -> [Double] {
        guard let list = try value(key) as? [Any] else { throw ClaimError.wrongType(key: key, expected: "a list of numbers") }
        return try list.map { item in
            if let number = item as? Double { return number }
            if item is NSNull || (item as? String) == "nan" { return .nan }
            throw ClaimError.wrongType(key: key, expected: "a list of numbers")
        }
    }

    /// The recorded list of lists of numbers under `key` (e.g. one curve per seed).
    public func numberLists(_ key: String) throws -> [[Double]] {
        guard let lists = try value(key) as? [[Double]] else {
            throw ClaimError.wrongType(key: key, expected: "a list of lists of numbers")
        }
        return lists
    }

    /// The recorded text under `key`.
    public func text(_ key: String) throws -> String {
        guard let text = try value(key) as? String else { throw ClaimError.wrongType(key: key, expected: "text") }
        return text
    }

    /// The recorded Boolean under `key`.
    public func flag(_ key: String) throws -> Bool {
        guard let flag = try value(key) as? Bool else { throw ClaimError.wrongType(key: key, expected: "true or false") }
        return flag
    }

    /// The recorded dictionary under `key`.
    public func dictionary(_ key: String) throws -> [String: Any] {
        guard let dictionary = try value(key) as? [String: Any] else {
            throw ClaimError.wrongType(key: key, expected: "a dictionary")
        }
        return dictionary
    }

    /// The number under `member` of the dictionary recorded under `key`.
    public func number(_ key: String, _ member: String) throws -> Double {
        guard let number = try dictionary(key)[member] as? Double else {
            throw ClaimError.wrongType(key: "\(key).\(member)", expected: "a number")
        }
        return number
    }

    /// The list of numbers under `member` of the dictionary recorded under `key`.
    public func numbers(_ key: String, _ member: String) throws -> [Double] {
        guard let numbers = try dictionary(key)[member] as? [Double] else {
            throw ClaimError.wrongType(key: "\(key).\(member)", expected: "a list of numbers")
        }
        return numbers
    }
}

/// Why a claim could not be evaluated.
public enum ClaimError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missingResult(key: String, available: [String])
    case wrongType(key: String, expected: String)
    case undecodable(type: String, path: String, reason: String)
    /// A study claim (``Claim/Status/study(seeds:_:)``) on a run with too few seeds to decide it.
    case tooFewSeeds(have: Int, need: Int)
    /// A study claim on runs shorter than the budget it is about (e.g. `--quick`'s).
    case tooShortRuns(have: Int, need: Int)

    /// The error for a typed result that could not be decoded, naming the entry by its path.
    init<T>(decoding error: DecodingError, as type: T.Type) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case let .keyNotFound(key, context):
            self = .undecodable(type: "\(type)", path: path(context.codingPath + [key]), reason: "missing")
        case let .valueNotFound(_, context):
            self = .undecodable(type: "\(type)", path: path(context.codingPath), reason: "null")
        case let .typeMismatch(expected, context):
            self = .undecodable(type: "\(type)", path: path(context.codingPath), reason: "not \(expected)")
        case let .dataCorrupted(context):
            self = .undecodable(type: "\(type)", path: path(context.codingPath), reason: context.debugDescription)
        @unknown default:
            self = .undecodable(type: "\(type)", path: "", reason: "\(error)")
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .missingResult(key, available):
            return "results.json has no result \"\(key)\"; it has: \(available.prefix(40).joined(separator: ", "))"
                + (available.count > 40 ? ", …" : "")
        case let .wrongType(key, expected): return "result \"\(key)\" is not \(expected)"
        case let .undecodable(type, path, reason):
            return "results.json does not hold a \(type): \(path.isEmpty ? "the results" : "\"\(path)\"") \(reason)"
        case let .tooFewSeeds(have, need):
            return "not decided on \(have) seed\(have == 1 ? "" : "s"): the claim needs \(need) (run with --seed-count \(need))"
        case let .tooShortRuns(have, need):
            return "not decided on runs of \(have) steps: the claim is about runs of \(need) (the default budget, not --quick)"
        }
    }
}
