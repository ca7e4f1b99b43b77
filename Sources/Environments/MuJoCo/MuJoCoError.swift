import Foundation

/// A problem loading or driving a MuJoCo model, as a one-line message.
public enum MuJoCoError: Error, Equatable, CustomStringConvertible {
    /// `mj_loadXML` rejected a model: `source` names the file (or the name given to a model read
    /// from a string), `message` is MuJoCo's message with its line breaks folded into one line.
    case loadFailed(source: String, message: String)
    /// A vector had the wrong number of entries (`what` names it, e.g. "qpos").
    case wrongSize(model: String, what: String, expected: Int, got: Int)
    /// A vector contained NaN or an infinity.
    case notFinite(model: String, what: String, values: [Double])
    /// No object of the kind `kind` (e.g. "geom") is called `name` in the model.
    case unknownName(model: String, kind: String, name: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .loadFailed(source, message):
            return "MuJoCo could not load \(source): \(message)"
        case let .wrongSize(model, what, expected, got):
            return "\(model): \(what) needs \(expected) number(s), got \(got)"
        case let .notFinite(model, what, values):
            return "\(model): \(what) \(values) contains NaN or an infinity"
        case let .unknownName(model, kind, name):
            return "\(model): no \(kind) named \"\(name)\""
        }
    }

    /// MuJoCo's multi-line message as one line: lines trimmed, empty ones dropped, joined by "; "
    /// (by a space after a line ending in a colon).
    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard var joined = lines.first else { return "no message from MuJoCo" }
        for line in lines.dropFirst() { joined += (joined.hasSuffix(":") ? " " : "; ") + line }
        return joined
    }
}
