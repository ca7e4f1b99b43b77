import Foundation

/// A lesson's typed results, turned into the entries of results.json's "results" object.
///
/// A lesson keeps its numbers in one `Codable` value (its type lives in `LessonClaims`, where the
/// claims decode the same type) and hands it to ``Lesson/results(_:)``; each of the value's
/// top-level properties becomes one entry. NaN, ±∞ are written as "nan", "inf", "-inf".
enum TypedResults {
    /// The encoder that writes a lesson's typed results (and the decoder that reads them back must
    /// use the same strategy for non-finite numbers).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The entries of `value`, which must encode as a keyed object.
    ///
    /// - Throws: ``LessonError/badTypedResults(_:)`` when it does not encode as an object.
    static func entries(of value: any Encodable) throws -> [(String, ResultValue)] {
        let data: Data
        do {
            data = try encoder().encode(value)
        } catch {
            throw LessonError.badTypedResults("\(type(of: value)) cannot be encoded: \(error)")
        }
        guard case .dictionary(let members) = try JSONDecoder().decode(ResultValue.self, from: data) else {
            throw LessonError.badTypedResults("\(type(of: value)) must encode as an object with one entry per property")
        }
        return members.keys.sorted().map { ($0, members[$0]!) }
    }

    /// The typed entries followed by the ones recorded with `context.record`; a key in both is an error.
    static func merged(typed: [(String, ResultValue)], recorded: [(String, ResultValue)]) throws -> [(String, ResultValue)] {
        let typedKeys = Set(typed.map(\.0))
        if let clash = recorded.first(where: { typedKeys.contains($0.0) }) {
            throw LessonError.badTypedResults("the key \"\(clash.0)\" is both in the lesson's typed results and recorded "
                                              + "with context.record")
        }
        return typed + recorded
    }
}

extension ResultValue: Decodable {
    /// Reads any JSON value: true/false, a whole number, a real number, text, a list or an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let whole = try? container.decode(Int.self) {
            self = .integer(whole)
        } else if let real = try? container.decode(Double.self) {
            self = .number(real)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([ResultValue].self) {
            self = .list(list)
        } else if let members = try? container.decode([String: ResultValue].self) {
            self = .dictionary(members)
        } else if container.decodeNil() {
            self = .text("nan")
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }
}
