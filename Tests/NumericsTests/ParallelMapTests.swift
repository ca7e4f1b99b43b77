import Foundation
import Numerics
import Testing

@Suite("parallelMap: jobs on threads, results in index order")
struct ParallelMapTests {
    /// The jobs' start order, recorded under a lock.
    final class StartLog: @unchecked Sendable {
        private let lock = NSLock()
        private var indices: [Int] = []
        func record(_ i: Int) { lock.withLock { indices.append(i) } }
        var started: [Int] { lock.withLock { indices } }
    }

    @Test("results come back in index order, on one thread or several")
    func resultsInIndexOrder() throws {
        for threads in [1, 2, 4] {
            #expect(try parallelMap(7, threads: threads) { $0 * $0 } == [0, 1, 4, 9, 16, 25, 36], "\(threads) threads")
        }
        #expect(try parallelMap(0) { $0 }.isEmpty)
    }

    @Test("after an error no new job starts, and the error is rethrown")
    func firstErrorStopsTheRest() {
        struct Failure: Error, Equatable { let index: Int }
        let log = StartLog()
        #expect(throws: Failure(index: 1)) {
            _ = try parallelMap(5, threads: 1) { i in
                log.record(i)
                if i == 1 || i == 4 { throw Failure(index: i) }
                return i
            }
        }
        #expect(log.started == [0, 1], "job 1 failed, so jobs 2–4 never started")
    }
}
