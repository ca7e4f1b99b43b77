import Foundation

/// `body(0) … body(count − 1)` on `threads` threads at once (default: one per active core), the
/// results in index order: the kit's one way of running independent jobs in parallel (the seeds
/// of an experiment, the runs of a sweep, the lessons of a robustness run).
///
/// Each job must own everything it mutates (its networks, its random source), so that the results
/// do not depend on how the jobs are scheduled. Every job runs with subnormal results flushed to
/// zero on x86-64 (``Subnormals``), on one thread or several. After the first error no new job starts; once the
/// running ones have ended, the error of the lowest index is rethrown.
///
/// ```swift
/// let returns = try parallelMap(seeds.count) { i in try train(seed: seeds[i]) }
/// ```
public func parallelMap<Result: Sendable>(_ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                          _ body: @escaping @Sendable (Int) throws -> Result) throws -> [Result] {
    guard count > 0 else { return [] }
    let jobs = ParallelJobs<Result>(count: count)
    let workers = max(1, min(threads, count))
    if workers == 1 {
        Subnormals.flushToZero()   // as on the workers below: one thread or several give the same numbers
        jobs.work(body)
    } else {
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread {
                Subnormals.flushToZero()
                jobs.work(body)
                group.leave()
            }.start()
        }
        group.wait()
    }
    return try jobs.results()
}

/// The jobs of one ``parallelMap(_:threads:_:)``: the next index to hand out and the outcomes,
/// shared by the workers under a lock.
private final class ParallelJobs<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failed = false
    private var outcomes: [Swift.Result<Value, any Error>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// Runs jobs until none is left or one has failed.
    func work(_ body: (Int) throws -> Value) {
        while let index = take() {
            let outcome = Swift.Result { try body(index) }
            lock.withLock {
                outcomes[index] = outcome
                if case .failure = outcome { failed = true }
            }
        }
    }

    /// Every job's value in order, or the error of the failed job of lowest index.
    func results() throws -> [Value] {
        try lock.withLock {
            for case .failure(let error)? in outcomes { throw error }
            return try outcomes.map { try $0!.get() }
        }
    }

    private func take() -> Int? {
        lock.withLock {
            guard !failed, next < outcomes.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
