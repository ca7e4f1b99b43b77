import Foundation

/// The work done by each of several parallel runs (``parallelMap(_:threads:_:)``), summed for one
/// progress bar: each run reports its own count, from its own thread.
public final class WorkTally: @unchecked Sendable {
    private let lock = NSLock()
    private var units: [Int]

    /// A tally for `count` runs, all at zero.
    public init(count: Int) { units = Array(repeating: 0, count: Swift.max(0, count)) }

    /// Records that run `index` has done `value` units and returns the total over all runs.
    public func set(_ index: Int, _ value: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        units[index] = value
        return units.reduce(0, +)
    }
}
