import Foundation
import Numerics

/// Runs `body(0) … body(count − 1)` on all cores at once and returns the results in order; the
/// first error thrown (by index) is rethrown after every run has finished.
///
/// Each run must own everything it mutates (its networks, its random source): seeds of an
/// experiment are independent, so their results do not depend on how the runs are scheduled.
public func runInParallel<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> Result) throws -> [Result] {
    guard count > 0 else { return [] }
    let box = ResultBox<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let outcome = Swift.Result { try body(index) }
        box.set(index, outcome)
    }
    return try box.values()
}

/// The results of the parallel runs, filled from several threads under a lock.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<Value, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Swift.Result<Value, any Error>) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}

extension FixedBufferExperimentConfiguration {
    /// The seeds of an experiment with `count` seeds starting at `base`: base, base + 1, …
    /// (lesson 6 rebuilds lesson 5's buffers by passing the same seeds).
    public static func seeds(base: UInt64, count: Int) -> [UInt64] {
        (0..<Swift.max(0, count)).map { RandomSource.derivedSeed(base: base, index: $0) }
    }
}
