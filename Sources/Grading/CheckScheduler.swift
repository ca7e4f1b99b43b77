import Foundation
import Numerics

/// What became of one check in a run with a deadline.
public struct ScheduledResult: Sendable {
    /// The check's outcome; `nil` when it never started because the deadline had passed.
    public var outcome: IsolatedOutcome?
    /// The seconds the check was given: its own limit, or less when the deadline was nearer.
    public var limit: Double
    /// Whether the whole run's deadline, not the check's own limit, stopped it.
    public var stoppedByDeadline: Bool

    /// `true` when the check never started.
    public var notRun: Bool { outcome == nil }
}

/// Runs isolated checks several at a time (one worker per core by default), each with its own time
/// limit, and the whole run against a deadline.
///
/// Workers take the checks in order. A check that starts close to the deadline gets only the time
/// left; once the deadline has passed (or is less than ``shortestStart`` away), the remaining checks
/// are not started and come back with no outcome, so that a report can still be written in time and
/// name them.
public struct CheckScheduler: Sendable {
    /// How many checks run at once.
    public var jobs: Int
    /// When the whole run must be over.
    public var deadline: Date

    /// Creates a scheduler; `jobs` is at least 1.
    public init(jobs: Int, deadline: Date) {
        self.jobs = max(1, jobs)
        self.deadline = deadline
    }

    /// A check is not started with less time than this left before the deadline.
    public static let shortestStart = 0.1

    /// The number of cores this process may use, the default for ``jobs``: the processor count,
    /// or less where a container's CPU quota (cgroup v2 `cpu.max`, v1 `cpu.cfs_quota_us`) allows less.
    public static var availableCores: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        func read(_ path: String) -> [Double]? {
            (try? String(contentsOfFile: path, encoding: .utf8))?
                .split(whereSeparator: \.isWhitespace).map { Double($0) ?? .nan }
        }
        var quota: Double?
        if let v2 = read("/sys/fs/cgroup/cpu.max"), v2.count == 2, v2[0].isFinite, v2[1] > 0 {
            quota = v2[0] / v2[1]
        } else if let q = read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")?.first, q > 0,
                  let p = read("/sys/fs/cgroup/cpu/cpu.cfs_period_us")?.first, p > 0 {
            quota = q / p
        }
        guard let quota else { return max(1, cores) }
        return max(1, min(cores, Int(quota.rounded(.up))))
    }

    /// Runs tasks `0..<limits.count`, task `i` by `run(i, limit)` with `limit` at most `limits[i]`
    /// (`run` must stop by then, as ``IsolatedRunner`` does), and calls `finished(i, result)` as
    /// each one ends or is skipped, one call at a time. Returns the results in task order.
    public func run(limits: [Double], run: @escaping @Sendable (Int, Double) -> IsolatedOutcome,
                    finished: @escaping @Sendable (Int, ScheduledResult) -> Void = { _, _ in }) -> [ScheduledResult] {
        let state = SchedulerState(count: limits.count)
        let deadline = self.deadline
        let done = DispatchGroup()
        for _ in 0..<min(jobs, max(1, limits.count)) {
            done.enter()
            let worker = Thread {
                Subnormals.flushToZero()
                while let index = state.next() {
                    let remaining = deadline.timeIntervalSinceNow
                    let result: ScheduledResult
                    if remaining < Self.shortestStart {
                        result = ScheduledResult(outcome: nil, limit: 0, stoppedByDeadline: false)
                    } else {
                        let limit = min(limits[index], remaining)
                        let outcome = run(index, limit)
                        result = ScheduledResult(outcome: outcome, limit: limit,
                                                 stoppedByDeadline: outcome.timedOut && limit < limits[index])
                    }
                    state.record(index, result, finished)
                }
                done.leave()
            }
            worker.stackSize = 1 << 20
            worker.start()
        }
        done.wait()
        return state.results()
    }
}

/// The workers' shared queue position and results, behind a lock.
private final class SchedulerState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var slots: [ScheduledResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < slots.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func record(_ index: Int, _ result: ScheduledResult, _ finished: (Int, ScheduledResult) -> Void) {
        lock.withLock {
            slots[index] = result
            finished(index, result)
        }
    }

    func results() -> [ScheduledResult] {
        lock.withLock { slots.map { $0! } }
    }
}
