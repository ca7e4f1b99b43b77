import ExerciseAPI
import Foundation

/// A check's verdict that an implementation is wrong, with a message that names the exercise, the
/// input and the expected and actual values.
public struct CheckFailure: Error, CustomStringConvertible, Sendable {
    /// The whole message, e.g. "exercise 1.1 behaviorCloningLoss(predictions: [[1.0]], targets:
    /// [[0.0]]): expected 1.0, got 0.5".
    public let message: String

    /// Creates a failure with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Helpers a check uses to compare what the student's code returned with the reference.
///
/// Each throws a ``CheckFailure`` whose message reads "exercise <id> <call>: expected …, got …".
public struct Expect: Sendable {
    /// The exercise id and function, e.g. "1.1 behaviorCloningLoss".
    public let exercise: String

    /// A comparer for exercise `id` whose function is `name`.
    public init(_ id: String, _ name: String) { exercise = "\(id) \(name)" }

    /// Fails unless `got` is within `tolerance` (absolute, or relative to |expected| when larger).
    public func close(_ got: Double, _ expected: Double, tolerance: Double = 1e-4,
                      _ call: String, hint: String? = nil) throws {
        if got.isNaN && expected.isNaN { return }
        let scale = max(1, abs(expected))
        guard got.isFinite == expected.isFinite, abs(got - expected) <= tolerance * scale
                || (got == expected) else {
            throw CheckFailure("exercise \(exercise)\(call.isEmpty ? "" : " " + call): expected \(format(expected)), got \(format(got))"
                               + (hint.map { " (\($0))" } ?? ""))
        }
    }

    /// Fails unless `got` is close to `expected`; when it fails and `got` is (within the same
    /// tolerance) the value one of `mistakes` gives, the message carries that mistake's hint,
    /// naming what went wrong; otherwise it carries `hint`.
    public func close(_ got: Double, _ expected: Double, tolerance: Double = 1e-4, _ call: String,
                      mistakes: [KnownMistake], hint: String? = nil) throws {
        func near(_ x: Double, _ y: Double) -> Bool { x == y || abs(x - y) <= tolerance * max(1, abs(y)) }
        let recognised = mistakes.first { near(got, $0.value) && !near($0.value, expected) }
        try close(got, expected, tolerance: tolerance, call, hint: recognised?.hint ?? hint)
    }

    /// Fails unless every element of `got` is close to `expected` (and the counts agree).
    public func close(_ got: [Double], _ expected: [Double], tolerance: Double = 1e-4,
                      _ call: String, hint: String? = nil) throws {
        guard got.count == expected.count else {
            throw CheckFailure("exercise \(exercise) \(call): expected \(expected.count) values, got \(got.count)")
        }
        for i in got.indices {
            let scale = max(1, abs(expected[i]))
            if !(abs(got[i] - expected[i]) <= tolerance * scale) && !(got[i] == expected[i]) {
                throw CheckFailure("exercise \(exercise) \(call): at index \(i) expected \(format(expected[i])), got \(format(got[i]))"
                                   + " (expected \(format(expected)), got \(format(got)))"
                                   + (hint.map { " (\($0))" } ?? ""))
            }
        }
    }

    /// Fails unless every element of `got` is close to `expected`; when it fails and `got` is
    /// (element by element, within the tolerance) what one of `mistakes` gives, the message
    /// carries that mistake's hint; otherwise `hint`.
    public func close(_ got: [Double], _ expected: [Double], tolerance: Double = 1e-4, _ call: String,
                      mistakes: [(values: [Double], hint: String)], hint: String? = nil) throws {
        func near(_ xs: [Double], _ ys: [Double]) -> Bool {
            xs.count == ys.count && zip(xs, ys).allSatisfy { $0 == $1 || abs($0 - $1) <= tolerance * max(1, abs($1)) }
        }
        let recognised = mistakes.first { near(got, $0.values) && !near($0.values, expected) }
        try close(got, expected, tolerance: tolerance, call, hint: recognised?.hint ?? hint)
    }

    /// Fails with `message` unless `condition` holds.
    public func that(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw CheckFailure("exercise \(exercise): \(message())") }
    }

    /// Fails unless `body` throws: `call` names the input, `expectedError` what should be thrown.
    ///
    /// A ``NotImplemented`` error is passed on, so an untouched stub reads as "not implemented",
    /// not as an implementation that forgot to validate its input.
    public func throwsError(_ call: String, _ expectedError: String = "an error naming the problem",
                            _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let stub as NotImplemented {
            throw stub
        } catch {
            return
        }
        try that(false, "\(call) should throw \(expectedError), but it returned normally")
    }

    private func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "+inf" : "-inf" }
        let s = String(format: "%.6g", x)
        return s
    }

    private func format(_ xs: [Double]) -> String {
        let shown = xs.prefix(8).map(format).joined(separator: ", ")
        return "[\(shown)\(xs.count > 8 ? ", … (\(xs.count) values)" : "")]"
    }
}

/// A wrong answer a check can recognise: the value a known mistake gives on the check's input, and
/// a hint that names that mistake (see ``Expect/close(_:_:tolerance:_:mistakes:hint:)``).
public struct KnownMistake: Sendable {
    /// What the mistaken formula returns on the input.
    public let value: Double
    /// The words that name the mistake, e.g. "natural logarithms: nats, not bits".
    public let hint: String

    /// A mistake that gives `value`, named by `hint`.
    public init(_ value: Double, _ hint: String) {
        self.value = value
        self.hint = hint
    }
}
