import Foundation
import Grading
import Implementations
import Testing

/// The Gradescope autograder (`scripts/gradescope`), run here as Gradescope would run it.
///
/// Each test writes `autograder.zip`, unpacks it into a fake `/autograder` tree in a temporary
/// folder (`source/` from the zip, `submission/`, `results/`) and runs its `run_autograder` with
/// `AUTOGRADER_ROOT` pointing there. `setup.sh` cannot run here (it installs Swift as root from the
/// network), so `AUTOGRADER_KIT` points `run_autograder` at a kit built with this machine's Swift:
/// a copy of this repository in `.build/gradescope-test/kit`, kept between runs so that only the
/// submission's `Exercises/` recompile (the first run builds it whole: minutes). The reference's
/// times, which set each check's limit, are measured there once, as `setup.sh` does.
///
/// They build that second copy of the kit, minutes on a fresh clone, so `scripts/test` leaves them
/// out; `scripts/test-gradescope` runs them (it sets `KIT_GRADESCOPE_TESTS=1`).
@Suite(.serialized, .enabled(if: referenceIsAvailable, "needs Solutions/ (the instructor's kit)"),
       .enabled(if: gradescopeTestsRequested,
                "builds a second copy of the kit (minutes): run scripts/test-gradescope (KIT_GRADESCOPE_TESTS=1)"))
struct GradescopeBundleTests {
    /// A submission whose stubs for these exercises loop forever (their hidden checks loop too).
    static let loopingExercises = ["1.4", "3.1", "8.1"]

    @Test func loopingSubmissionIsStoppedWithinTheBudgetAndTheLoopsAreNamed() throws {
        let kit = try Self.preparedKit()
        let submission = try Self.submission(from: Self.repository.appendingPathComponent("Exercises"))
        for id in Self.loopingExercises { try Self.makeLoop(exercise: id, in: submission) }
        let looping = allChecks.filter { Self.loopingExercises.contains($0.id.replacingOccurrences(of: "h", with: "")) }

        // Limits of max(2 s, 5 × the reference's time): the loops are stopped and named, every other
        // exercise is graded.
        let limits = ["AUTOGRADER_MIN_LIMIT": "2", "AUTOGRADER_LIMIT_FACTOR": "5"]
        let run = try Self.runAutograder(submission: submission, kit: kit, settings: limits)
        #expect(run.results.score == 0, "\(run.log)")
        #expect(run.results.tests.count == allChecks.count)
        for check in looping {
            let test = try #require(run.results.tests.first { $0.number == check.id })
            #expect(test.output.contains("stopped after its time limit of "), "\(check.id): \(test.output)")
        }
        for check in allChecks where !looping.contains(where: { $0.id == check.id }) {
            let test = try #require(run.results.tests.first { $0.number == check.id })
            #expect(test.output.contains("not implemented"), "\(check.id): \(test.output)")
        }
        let visibleLoops = looping.filter { $0.visibility == .visible }.map { "\($0.id) \($0.name)" }
        for name in visibleLoops { #expect(run.results.output.contains(name), "\(run.results.output)") }
        #expect(run.results.executionTime < 20, "grading took \(run.results.executionTime) s")

        // A 3 s deadline: grading stops in time, still writes the report, and names what it did not run.
        let cut = try Self.runAutograder(submission: submission, kit: kit,
                                         settings: limits.merging(["AUTOGRADER_DEADLINE": "3"]) { $1 })
        #expect(cut.results.executionTime < 5, "grading took \(cut.results.executionTime) s against a 3 s deadline")
        #expect(cut.results.tests.count == allChecks.count)
        let notRun = cut.results.tests.filter { $0.output.contains("not run") }
        #expect(!notRun.isEmpty, "a 3 s deadline with 2 s loops should leave checks not run:\n\(cut.log)")
        #expect(cut.results.output.contains("deadline of 3 s"), "\(cut.results.output)")
        for test in cut.results.tests where looping.contains(where: { $0.id == test.number }) {
            #expect(test.output.contains("stopped") || test.output.contains("not run"), "\(test.number): \(test.output)")
        }
        print("looping submission: run_autograder \(Self.seconds(run.wallTime)) s (grading "
              + "\(Self.seconds(run.results.executionTime)) s); with a 3 s deadline \(Self.seconds(cut.wallTime)) s "
              + "(grading \(Self.seconds(cut.results.executionTime)) s, \(notRun.count) not run)")
    }

    @Test func referenceScoresFullMarks() throws {
        let kit = try Self.preparedKit()
        let submission = try Self.submission(from: Self.repository.appendingPathComponent("Solutions"))
        let run = try Self.runAutograder(submission: submission, kit: kit)
        let maxScore = allChecks.reduce(0) { $0 + $1.points }
        #expect(run.results.score == maxScore, "\(run.log)")
        #expect(run.results.tests.allSatisfy { $0.status == "passed" })
        print("reference submission: run_autograder \(Self.seconds(run.wallTime)) s "
              + "(grading \(Self.seconds(run.results.executionTime)) s)")
    }

    @Test func untouchedStubsScoreZero() throws {
        let kit = try Self.preparedKit()
        let submission = try Self.submission(from: Self.repository.appendingPathComponent("Exercises"))
        let run = try Self.runAutograder(submission: submission, kit: kit)
        #expect(run.results.score == 0, "\(run.log)")
        #expect(run.results.tests.count == allChecks.count)
        for test in run.results.tests {
            #expect(test.status == "failed" && test.output.contains("not implemented"), "\(test.number): \(test.output)")
        }
        #expect(run.results.stdoutVisibility == "hidden")
        let hidden = run.results.tests.filter { $0.visibility == "after_published" }.count
        #expect(hidden == allChecks.filter { $0.visibility == .hidden }.count)
    }

    @Test func aSubmissionThatDoesNotCompileGetsTheCompilersErrors() throws {
        let kit = try Self.preparedKit()
        let submission = try Self.submission(from: Self.repository.appendingPathComponent("Exercises"))
        let file = try Self.stubFile(exercise: "1.4", in: submission)
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "throw NotImplemented(", with: "return undefinedName; throw NotImplemented(")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.runAutograder(submission: submission, kit: kit)
        #expect(run.results.score == 0)
        #expect(run.results.tests.count == allChecks.count, "\(run.log)")
        #expect(run.results.output.contains("does not compile"), "\(run.results.output)")
        #expect(run.results.output.contains("undefinedName"), "\(run.results.output)")
        #expect(run.results.output.contains("Exercises/01-behavior-cloning/") && !run.results.output.contains(kit.path),
                "paths should be cut to Exercises/…: \(run.results.output)")
    }

    @Test(arguments: [
        ("no submission folder", "nothing was uploaded"),
        ("no Exercises folder", "has no Exercises/ folder"),
        ("a lesson folder missing", "lacks the lesson folders 02-distribution-shift"),
    ])
    func badSubmissionsGetOneClearLine(_ problem: String, _ expected: String) throws {
        let kit = try Self.preparedKit()
        let submission = try Self.submission(from: Self.repository.appendingPathComponent("Exercises"))
        switch problem {
        case "no submission folder":
            try FileManager.default.removeItem(at: submission)
        case "no Exercises folder":
            try FileManager.default.moveItem(at: submission.appendingPathComponent("Exercises"),
                                             to: submission.appendingPathComponent("MyCode"))
        default:
            try FileManager.default.removeItem(at: submission.appendingPathComponent("Exercises/02-distribution-shift"))
        }
        let run = try Self.runAutograder(submission: submission, kit: kit)
        #expect(run.results.score == 0)
        #expect(run.results.output.contains(expected), "\(problem): \(run.results.output)")
        #expect(run.log.contains("run_autograder: ") && run.log.contains(expected), "\(run.log)")
        #expect(run.wallTime < 30, "\(problem) took \(run.wallTime) s: it should not build")
    }
}

/// Whether this test process should run the Gradescope bundle tests (`KIT_GRADESCOPE_TESTS=1`).
let gradescopeTestsRequested = ProcessInfo.processInfo.environment["KIT_GRADESCOPE_TESTS"] == "1"
