import Foundation

/// A value that one job of a ``parallelMap(_:threads:_:)`` produces and another waits for: the
/// producer calls ``fulfil(_:)`` (or ``fail(_:)`` when it throws), the consumer ``value()``.
///
/// Waiting blocks the consumer's thread, so the producer's job must come earlier in the map's
/// order than the consumer's: the map hands out jobs in index order, so a producer has always
/// started before its consumer waits, even on one thread.
public final class PendingValue<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<Value, any Error>?

    /// A value not produced yet.
    public init() {}

    /// Hands `value` to every waiting and later consumer. Only the first outcome counts.
    public func fulfil(_ value: Value) { settle(.success(value)) }

    /// Makes every waiting and later consumer throw `error`. Only the first outcome counts.
    public func fail(_ error: any Error) { settle(.failure(error)) }

    /// Waits until the value is produced and returns it, or throws the producer's error.
    public func value() throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return try outcome!.get()
    }

    private func settle(_ result: Result<Value, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        guard outcome == nil else { return }
        outcome = result
        condition.broadcast()
    }
}
