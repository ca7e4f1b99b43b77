import ExerciseAPI
import Foundation
import LessonKit
import Testing

@Suite("Lesson runner")
struct RunnerTests {
    @Test("cells run in order; a missing exercise is skipped and the run still succeeds")
    func runsCellsInOrder() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let console = Console(capturingWidth: 80)
        let outcome = sampleLesson(trace: trace).run(options: try options(["--out", out.path, "--no-step"]),
                                                     console: console)
        #expect(trace.all == ["compute", "exercise", "table", "after"])
        #expect(outcome.status == .complete)
        #expect(outcome.exitCode == 0)
        #expect(outcome.completedCells == [1, 2, 4, 5])
        #expect(outcome.skippedCells == [3])
        #expect(outcome.unimplemented == [NotImplemented(exercise: "42.1", name: "sampleFormula",
                                                         file: "Exercises/42-sample/SampleFormula.swift")])
        let text = console.capturedText
        #expect(text.contains("exercise 42.1 `sampleFormula` is not implemented yet: write it in Exercises/42-sample/SampleFormula.swift"))
        #expect(text.contains("Not implemented yet (1)"))
        #expect(text.contains("loop: 10 of 10 steps"))
        let results = try readJSON(out.appendingPathComponent("42-sample/results.json"))
        #expect(results["status"] as? String == "complete")
        let recorded = try #require(results["results"] as? [String: Any])
        #expect((recorded["sample.values"] as? [Double])?.count == 5)
        #expect(recorded["after"] as? Bool == true)
        let cells = try #require(results["cells"] as? [[String: Any]])
        #expect(cells.map { $0["status"] as? String } == ["done", "done", "not-implemented", "done", "done"])
    }

    @Test("--cell N runs cells 1 to N only")
    func stopsAtCell() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let outcome = sampleLesson(trace: trace).run(options: try options(["--out", out.path, "--cell", "2"]),
                                                     console: Console(capturingWidth: 80))
        #expect(trace.all == ["compute"])
        #expect(outcome.cellsRun == 2)
        #expect(outcome.exitCode == 0)
        let notebook = try readJSON(out.appendingPathComponent("42-sample/notebook.ipynb"))
        #expect((notebook["cells"] as? [Any])?.count == 2)
    }

    @Test("--cell beyond the last cell is refused before anything runs")
    func refusesMissingCell() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let console = Console(capturingWidth: 80)
        let outcome = sampleLesson(trace: trace).run(options: try options(["--out", out.path, "--cell", "9"]),
                                                     console: console)
        #expect(outcome.status == .notStarted)
        #expect(outcome.exitCode != 0)
        #expect(trace.all.isEmpty)
        #expect(console.capturedText.contains("this lesson has cells 1 to 5"))
    }

    @Test("--scale paper on a lesson without a paper scale is refused before anything runs, with one line")
    func refusesPaperScale() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let console = Console(capturingWidth: 80)
        let outcome = sampleLesson(trace: trace).run(options: try options(["--out", out.path, "--scale", "paper"]),
                                                     console: console)
        #expect(outcome.status == .notStarted)
        #expect(trace.all.isEmpty)
        #expect(console.capturedText.contains("lesson 42 has no paper scale"))
    }

    @Test("a failing cell stops the run with exit 1, and what ran is still written")
    func failingCellKeepsResults() throws {
        let out = try temporaryDirectory()
        let trace = Trace()
        let console = Console(capturingWidth: 80)
        let outcome = sampleLesson(trace: trace, failing: true)
            .run(options: try options(["--out", out.path]), console: console)
        #expect(trace.all == ["compute", "exercise", "table", "broken"])
        #expect(outcome.status == .failed)
        #expect(outcome.exitCode == 1)
        #expect(outcome.failedCell == 5)
        #expect(console.capturedText.contains("cell 5 (Broken) failed: the sample cell breaks"))
        let directory = out.appendingPathComponent("42-sample")
        let results = try readJSON(directory.appendingPathComponent("results.json"))
        #expect(results["status"] as? String == "failed")
        let recorded = try #require(results["results"] as? [String: Any])
        #expect(recorded["before.failure"] as? Int == 1)
        #expect(recorded["sample.name"] as? String == "five draws")
        let notebook = try readJSON(directory.appendingPathComponent("notebook.ipynb"))
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        #expect(cells.count == 5)
        let outputs = try #require(cells[4]["outputs"] as? [[String: Any]])
        #expect(outputs.contains { $0["output_type"] as? String == "error" })
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("notebook.md").path))
    }

    @Test("running exercises, a cell failing after a missing exercise is skipped; with the reference it fails")
    func failureAfterMissingExercise() throws {
        let lesson = Lesson(number: 43, slug: "chain", title: "Chain")
        var trained: [Double] = []
        lesson.code("Train") { _ in
            throw NotImplemented(exercise: "43.1", name: "train", file: "Exercises/43-chain/Train.swift")
        }
        lesson.code("Use") { _ in
            guard let last = trained.last else { throw TestFailure("nothing trained") }
            trained.append(last)
        }
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 80)
        let outcome = lesson.run(options: try options(["--out", out.path, "--implementation", "exercises"]),
                                 console: console)
        #expect(outcome.status == .complete)
        #expect(outcome.skippedCells == [1, 2])
        #expect(console.capturedText.contains("cell 2 skipped: it needs what an unimplemented exercise computes (nothing trained)"))
        let strict = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        #expect(strict.status == .failed)
        #expect(strict.failedCell == 2)
    }

    @Test("an empty result key fails its cell with a message naming the problem")
    func emptyKeyFails() throws {
        let lesson = Lesson(number: 44, slug: "keys", title: "Keys")
        lesson.code("Record") { context in context.record("", 1.0) }
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 80)
        let outcome = lesson.run(options: try options(["--out", out.path]), console: console)
        #expect(outcome.status == .failed)
        #expect(console.capturedText.contains("result key \"\" must be a non-empty name"))
    }

    @Test("a CellSkipped error skips the cell with its reason and the run goes on")
    func cellSkipped() throws {
        let lesson = Lesson(number: 45, slug: "skip", title: "Skip")
        lesson.code("Skip me") { _ in throw CellSkipped("needs a GPU") }
        lesson.code("Run me") { context in context.record("ran", true) }
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 80)
        let outcome = lesson.run(options: try options(["--out", out.path]), console: console)
        #expect(outcome.status == .complete)
        #expect(outcome.skippedCells == [1])
        #expect(outcome.completedCells == [2])
        #expect(console.capturedText.contains("cell 1 skipped: needs a GPU"))
    }

    @Test("the context reports the run's settings to the cells")
    func contextSettings() throws {
        let lesson = Lesson(number: 46, slug: "settings", title: "Settings")
        lesson.code("Read") { context in
            context.record("quick", context.quick)
            context.record("seed", Int(context.seed))
            context.record("implementation", context.implementation.rawValue)
            context.record("steps", context.choose(full: 1000, quick: 10))
            context.record("folder", context.outputDirectory.lastPathComponent)
            context.record("picked", context.pick(reference: "solutions", exercises: "student"))
        }
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path, "--quick", "--seed", "7",
                                             "--implementation", "exercises"]), console: Console(capturingWidth: 80))
        let results = try readJSON(out.appendingPathComponent("46-settings/results.json"))
        let recorded = try #require(results["results"] as? [String: Any])
        #expect(recorded["quick"] as? Bool == true)
        #expect(recorded["seed"] as? Int == 7)
        #expect(recorded["implementation"] as? String == "exercises")
        #expect(recorded["steps"] as? Int == 10)
        #expect(recorded["folder"] as? String == "46-settings")
        #expect(recorded["picked"] as? String == "student")
        #expect(results["seed"] as? Int == 7)
        #expect(results["quick"] as? Bool == true)
        #expect(results["implementation"] as? String == "exercises")
    }
}
