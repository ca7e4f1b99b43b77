import Foundation
import LessonKit
import Testing

/// Answers for the pauses between cells, handed out in order.
final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: [String]
    private(set) var asked = 0
    init(_ answers: [String]) { remaining = answers }
    func next() -> String? {
        lock.lock(); defer { lock.unlock() }
        asked += 1
        return remaining.isEmpty ? nil : remaining.removeFirst()
    }
}

@Suite("Stepping and progress")
struct SteppingTests {
    @Test("--step pauses after each cell; q stops the run, which still writes its files and exits 0")
    func stepAndStop() throws {
        let answers = Answers(["", "q"])
        let text = Trace()
        let console = Console(isTerminal: false, width: 80, usesStyles: false, sink: { text.add($0) },
                              input: { answers.next() })
        let trace = Trace()
        let out = try temporaryDirectory()
        let outcome = sampleLesson(trace: trace).run(options: try options(["--out", out.path, "--step"]), console: console)
        #expect(answers.asked == 2)
        #expect(outcome.status == .stopped)
        #expect(outcome.exitCode == 0)
        #expect(outcome.cellsRun == 2)
        #expect(trace.all == ["compute"])
        #expect(text.all.joined().contains("[Enter: cell 2/5 · q: stop]"))
        let results = try readJSON(out.appendingPathComponent("42-sample/results.json"))
        #expect(results["status"] as? String == "stopped")
    }

    @Test("--no-step never pauses")
    func noStep() throws {
        let answers = Answers([])
        let console = Console(isTerminal: true, width: 80, usesStyles: false, sink: { _ in }, input: { answers.next() })
        let out = try temporaryDirectory()
        _ = sampleLesson(trace: Trace()).run(options: try options(["--out", out.path, "--no-step"]), console: console)
        #expect(answers.asked == 0)
    }

    @Test("off a terminal, a progress bar prints a line at every tenth and one at the end")
    func plainProgress() throws {
        let lesson = Lesson(number: 51, slug: "progress", title: "Progress")
        lesson.code("Loop") { context in
            let bar = context.progress(total: 200, label: "training")
            for step in 0..<200 { bar.advance(status: "step \(step)") }
            bar.update(200)
            #expect(bar.completedSteps == 200)
        }
        let console = Console(capturingWidth: 80)
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path]), console: console)
        let lines = console.capturedText.split(separator: "\n").filter { $0.hasPrefix("training:") }
        #expect(lines.count == 10)
        #expect(lines.first?.hasPrefix("training: 10% (20/200)") == true)
        #expect(lines.last?.hasPrefix("training: 200 of 200 steps in") == true)
    }

    @Test("on a terminal, a progress bar redraws one line in place")
    func terminalProgress() throws {
        let text = Trace()
        let console = Console(isTerminal: true, width: 80, usesStyles: false, sink: { text.add($0) })
        let lesson = Lesson(number: 52, slug: "bar", title: "Bar")
        lesson.code("Loop") { context in
            let bar = context.progress(total: 50, label: "fitting")
            for _ in 0..<50 { bar.advance() }
        }
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path, "--no-step"]), console: console)
        let all = text.all.joined()
        #expect(all.contains("\rfitting █"))
        #expect(all.contains("100%  50/50  in "))
    }
}
