/// A number, text or structure a lesson records in `results.json`.
///
/// Lessons rarely name this type: `context.record` takes any `ResultConvertible` value (`Double`,
/// `Float`, `Int`, `Bool`, `String`, arrays of them and `[String: …]` dictionaries of them).
public enum ResultValue: Sendable, Equatable {
    /// A real number.
    case number(Double)
    /// A whole number.
    case integer(Int)
    /// A yes/no answer.
    case bool(Bool)
    /// Text.
    case text(String)
    /// An ordered list.
    case list([ResultValue])
    /// Named values; written with their keys sorted, so the file is the same on every run.
    case dictionary([String: ResultValue])

    /// The JSON form of this value.
    var json: JSONValue {
        switch self {
        case .number(let value): return .number(value)
        case .integer(let value): return .integer(value)
        case .bool(let value): return .bool(value)
        case .text(let value): return .string(value)
        case .list(let items): return .array(items.map(\.json))
        case .dictionary(let members):
            return .object(members.keys.sorted().map { ($0, members[$0]!.json) })
        }
    }
}

/// A value that can be recorded in `results.json` with `context.record(_:_:)`.
public protocol ResultConvertible {
    /// This value as a result.
    var resultValue: ResultValue { get }
}

extension ResultValue: ResultConvertible {
    /// The value itself.
    public var resultValue: ResultValue { self }
}

extension Double: ResultConvertible {
    /// The number.
    public var resultValue: ResultValue { .number(self) }
}

extension Float: ResultConvertible {
    /// The number, widened to `Double` through its shortest decimal form (so 0.1 stays 0.1).
    public var resultValue: ResultValue { .number(Double("\(self)") ?? Double(self)) }
}

extension Int: ResultConvertible {
    /// The whole number.
    public var resultValue: ResultValue { .integer(self) }
}

extension Bool: ResultConvertible {
    /// The truth value.
    public var resultValue: ResultValue { .bool(self) }
}

extension String: ResultConvertible {
    /// The text.
    public var resultValue: ResultValue { .text(self) }
}

extension Array: ResultConvertible where Element: ResultConvertible {
    /// The list of the elements' values.
    public var resultValue: ResultValue { .list(map(\.resultValue)) }
}

extension Dictionary: ResultConvertible where Key == String, Value: ResultConvertible {
    /// The named values.
    public var resultValue: ResultValue { .dictionary(mapValues(\.resultValue)) }
}
