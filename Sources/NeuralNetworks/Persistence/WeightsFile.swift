import Foundation
import Numerics

/// Saving and loading parameter values as a JSON file.
///
/// The file is a JSON object, readable by any language:
///
///     {
///       "format": "lfd-weights",
///       "version": 1,
///       "parameters": [
///         { "name": "actor.0.weight", "rows": 3, "cols": 64, "values": [0.12, -0.4, …] },
///         …
///       ]
///     }
///
/// `values` lists the entries row after row. Loading matches parameters by name and checks
/// every shape, so a file from another network is refused with an error naming the difference.
public enum WeightsFile {
    /// The value of the "format" key.
    public static let formatName = "lfd-weights"
    /// The version written by `save`.
    public static let version = 1

    struct Entry: Codable {
        var name: String
        var rows: Int
        var cols: Int
        var values: [Float]
    }

    struct Contents: Codable {
        var format: String
        var version: Int
        var parameters: [Entry]
    }

    /// Writes the values of `parameters` to `url`.
    public static func save(_ parameters: [Parameter], to url: URL) throws {
        var seen = Set<String>()
        for p in parameters where !seen.insert(p.name).inserted {
            throw WeightsFileError.duplicateName(p.name)
        }
        let contents = Contents(format: formatName, version: version, parameters: parameters.map {
            Entry(name: $0.name, rows: $0.value.rows, cols: $0.value.cols, values: $0.value.scalars)
        })
        let data = try JSONEncoder().encode(contents)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw WeightsFileError.unwritable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads values from `url` into `parameters` (all of them must be in the file, with the same
    /// shapes). Nothing is changed when an error is thrown.
    public static func load(into parameters: [Parameter], from url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WeightsFileError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw WeightsFileError.notAWeightsFile(path: url.path)
        }
        guard contents.format == formatName else { throw WeightsFileError.notAWeightsFile(path: url.path) }
        guard contents.version == version else {
            throw WeightsFileError.unsupportedVersion(path: url.path, version: contents.version)
        }
        let byName = Dictionary(contents.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var values: [Matrix] = []
        for p in parameters {
            guard let entry = byName[p.name] else {
                throw WeightsFileError.missingParameter(name: p.name, path: url.path)
            }
            guard entry.rows == p.value.rows, entry.cols == p.value.cols, entry.values.count == entry.rows * entry.cols
            else {
                throw WeightsFileError.shapeMismatch(name: p.name, expected: p.value.shapeDescription,
                                                     found: "\(entry.rows)×\(entry.cols) (\(entry.values.count) values)")
            }
            values.append(Matrix(rows: entry.rows, cols: entry.cols, values: entry.values))
        }
        for (p, v) in zip(parameters, values) { p.value = v }
    }
}

/// Why saving or loading weights failed.
public enum WeightsFileError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// The file is not a weights file written by `WeightsFile.save`.
    case notAWeightsFile(path: String)
    /// The file was written by an unknown version.
    case unsupportedVersion(path: String, version: Int)
    /// A parameter of the network is not in the file.
    case missingParameter(name: String, path: String)
    /// A parameter in the file has another shape than in the network.
    case shapeMismatch(name: String, expected: String, found: String)
    /// Two parameters to save share a name.
    case duplicateName(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read weights file \(path): \(reason)"
        case let .unwritable(path, reason): "cannot write weights file \(path): \(reason)"
        case let .notAWeightsFile(path): "\(path) is not a weights file (expected JSON with \"format\": \"lfd-weights\")"
        case let .unsupportedVersion(path, version): "\(path) has weights-file version \(version), expected 1"
        case let .missingParameter(name, path): "parameter \(name) is missing from \(path) (saved from another network?)"
        case let .shapeMismatch(name, expected, found): "parameter \(name) is \(expected) in the network but \(found) in the file"
        case let .duplicateName(name): "two parameters are named \(name); give the networks different names"
        }
    }
}

extension Layer {
    /// Saves this layer's parameter values to `url` (see `WeightsFile`).
    public func saveWeights(to url: URL) throws {
        try WeightsFile.save(parameters, to: url)
    }

    /// Loads this layer's parameter values from `url` (see `WeightsFile`).
    public func loadWeights(from url: URL) throws {
        try WeightsFile.load(into: parameters, from: url)
    }
}
