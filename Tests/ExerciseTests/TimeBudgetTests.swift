import Foundation
import Grading
import Testing

/// The grader's time budget, in process and in seconds: limits derived from the reference's times,
/// checks run in parallel, and a deadline after which the remaining checks are reported as not run.
@Suite struct TimeBudgetTests {
    static let timings = ReferenceTimings(seconds: ["1.1": 0.1, "1.2": 1.0, "1.3": 30], jobs: 2)

    /// Checks that do nothing: the runs below are simulated by sleeping.
    static func checks(_ count: Int, hiddenFrom: Int = .max) -> [ExerciseCheck] {
        (0..<count).map { i in
            ExerciseCheck(id: "9.\(i + 1)", lesson: 9, name: "task\(i + 1)", points: 1,
                          visibility: i >= hiddenFrom ? .hidden : .visible) { _ in }
        }
    }

    /// A simulated check that needs `needs` seconds: it passes if its limit allows, else times out.
    static func simulated(needs: Double) -> @Sendable (ExerciseCheck, Double) -> IsolatedOutcome {
        { _, limit in
            let ran = min(needs, limit)
            Thread.sleep(forTimeInterval: ran)
            return IsolatedOutcome(passed: limit >= needs, notImplemented: false,
                                   message: limit >= needs ? "" : "stopped", seconds: ran, timedOut: limit < needs)
        }
    }

    @Test func limitsDeriveFromTheReferenceWithinFloorAndCeiling() {
        let limits = TimeLimits(factor: 20, floor: 5, ceiling: 120, reference: Self.timings)
        #expect(limits.limit(for: "1.1") == 5)      // 20 × 0.1 = 2, raised to the floor
        #expect(limits.limit(for: "1.2") == 20)     // 20 × 1
        #expect(limits.limit(for: "1.3") == 120)    // 20 × 30 = 600, cut to the ceiling
        #expect(limits.limit(for: "7.7") == 120)    // no reference time
        #expect(TimeLimits(ceiling: 60).limit(for: "1.2") == 60)
        #expect(limits.explanation(for: "1.2") == "20 × the reference's 1 s")
        #expect(limits.explanation(for: "1.1").contains("floor"))
        #expect(limits.worstCase(ids: ["1.2", "1.1", "1.1"], jobs: 2) == 20)
        #expect(limits.worstCase(ids: ["1.1", "1.1", "1.1"], jobs: 1) == 15)
    }

    @Test func timingsRoundTripAndBadFilesSayWhatIsWrong() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timings-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("reference-timings.json")
        try Self.timings.write(to: file)
        #expect(try ReferenceTimings.load(from: file) == Self.timings)
        #expect(throws: GradingInputError.self) { try ReferenceTimings.load(from: folder.appendingPathComponent("none.json")) }
        try Data("not json".utf8).write(to: file)
        let error = #expect(throws: GradingInputError.self) { try ReferenceTimings.load(from: file) }
        #expect(error?.message.contains("not a reference-timings file") == true)
    }

    @Test func checksRunInParallel() {
        let grading = BudgetedGrading(checks: Self.checks(4), limits: TimeLimits(ceiling: 5), jobs: 4, deadline: 60)
        let start = Date()
        let report = grading.run(start: start, runCheck: Self.simulated(needs: 0.4))
        let elapsed = Date().timeIntervalSince(start)
        #expect(report.exercises.allSatisfy { $0.passed })
        #expect(elapsed < 1.2, "4 checks of 0.4 s on 4 workers took \(elapsed) s")
        #expect(report.exercises.map(\.id) == ["9.1", "9.2", "9.3", "9.4"], "the report keeps the catalogue's order")
    }

    @Test func loopsAreStoppedAtTheirLimitAndNamed() throws {
        let grading = BudgetedGrading(checks: Self.checks(3, hiddenFrom: 2),
                                      limits: TimeLimits(factor: 20, floor: 0.2, ceiling: 0.3), jobs: 3, deadline: 60)
        let report = grading.run(runCheck: Self.simulated(needs: 1000))
        #expect(report.exercises.allSatisfy { $0.timedOut && $0.score == 0 && $0.status == "TIMED OUT" })
        #expect(report.exercises[0].message.contains("stopped after its time limit of 0.30 s"), "\(report.exercises[0].message)")
        #expect(report.executionTime < 1.5)
        let note = try #require(report.notes.first)
        #expect(note.contains("9.1 task1, 9.2 task2, 1 hidden check"), "hidden checks are counted, not named: \(note)")
    }

    @Test func theDeadlineStopsTheRunAndNamesWhatDidNotRun() throws {
        // One worker, checks of 0.3 s each, a 0.5 s deadline: the first passes, the second is cut
        // at the deadline, the rest never start, and the report still comes out in time.
        let grading = BudgetedGrading(checks: Self.checks(5), limits: TimeLimits(ceiling: 10), jobs: 1, deadline: 0.5)
        let start = Date()
        let report = grading.run(start: start, runCheck: Self.simulated(needs: 0.3))
        #expect(Date().timeIntervalSince(start) < 0.9)
        #expect(report.exercises[0].passed)
        #expect(report.exercises[1].timedOut && report.exercises[1].message.contains("reached its deadline of 0.50 s"),
                "\(report.exercises[1].message)")
        #expect(report.exercises[2...].allSatisfy { $0.notRun && $0.score == 0 && $0.message.contains("not run") })
        #expect(report.notes.contains { $0.contains("not run, 0 points: 9.3 task3, 9.4 task4, 9.5 task5") }, "\(report.notes)")

        let json = try #require(try JSONSerialization.jsonObject(with: report.gradescopeJSON()) as? [String: Any])
        #expect(json["stdout_visibility"] as? String == "hidden")
        #expect((json["output"] as? String)?.contains("deadline of 0.50 s") == true)
        #expect((json["tests"] as? [[String: Any]])?.count == 5)
        #expect(report.table().contains("NOT RUN"))
    }
}
