import ExerciseAPI
import Foundation
import LessonKit

/// A fresh empty folder under the system's temporary folder.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lessonkit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Options as the command line would give them.
func options(_ arguments: [String]) throws -> LessonCommand {
    try LessonCommand.parse(arguments)
}

/// Reads a JSON file into a dictionary.
func readJSON(_ url: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: url)
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw TestFailure("\(url.lastPathComponent) is not a JSON object")
    }
    return object
}

/// A failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Records the order cells ran in (cells run on the calling thread, one after another).
final class Trace: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    func add(_ event: String) { lock.lock(); events.append(event); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return events }
}

/// A small lesson: text, a computation that prints and records, a table, an unimplemented
/// exercise, and (when `failing`) a cell that throws.
func sampleLesson(trace: Trace, failing: Bool = false) -> Lesson {
    let lesson = Lesson(number: 42, slug: "sample", title: "A sample lesson")
    lesson.markdown(#"""
    # Sample
    The loss is $L(\theta) = \mathbb{E}\,\|a - \pi_\theta(s)\|^2$.
    """#)
    var values: [Double] = []
    lesson.code("Compute") { context in
        trace.add("compute")
        var rng = SplitMix(seed: context.seed)
        values = (0..<5).map { _ in rng.nextUnit() }
        context.print("mean:", values.reduce(0, +) / 5)
        context.record("sample.values", values)
        context.record("sample.summary", ["count": 5.0, "max": values.max()!])
        context.record("sample.name", "five draws")
    }
    lesson.code("Exercise") { context in
        trace.add("exercise")
        throw NotImplemented(exercise: "42.1", name: "sampleFormula", file: "Exercises/42-sample/SampleFormula.swift")
    }
    lesson.code("Table") { context in
        trace.add("table")
        var table = Table("Draws", columns: ["i", .init("value", format: .fixed(3))])
        for (index, value) in values.enumerated() { try table.addRow(index, value) }
        context.show(table)
        let bar = context.progress(total: 10, label: "loop")
        for _ in 0..<10 { bar.advance() }
    }
    if failing {
        lesson.code("Broken") { context in
            trace.add("broken")
            context.record("before.failure", 1)
            throw TestFailure("the sample cell breaks")
        }
    }
    lesson.code("After") { context in
        trace.add("after")
        context.record("after", true)
    }
    return lesson
}

/// A tiny seeded generator, so the test lesson needs no other module.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
