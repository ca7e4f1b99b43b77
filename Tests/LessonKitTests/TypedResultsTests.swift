import Foundation
import LessonKit
import Testing

private struct Sample: Codable {
    struct Sweep: Codable { var values: [Double]; var count: Int }
    var sweep: Sweep?
    var flag = true
}

@Suite("Typed results in results.json")
struct TypedResultsTests {
    @Test("each top-level property is one entry, nested values as objects, NaN as \"nan\", beside recorded keys")
    func written() throws {
        let lesson = Lesson(number: 53, slug: "typed", title: "Typed")
        var sample = Sample()
        lesson.results { sample }
        lesson.code("Fill") { context in
            sample.sweep = .init(values: [1.5, .nan], count: 2)
            context.record("other.key", 3)
        }
        let out = try temporaryDirectory()
        let outcome = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        #expect(outcome.failedCell == nil)
        let text = try String(contentsOf: out.appendingPathComponent("53-typed/results.json"), encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [String: Any])
        let sweep = try #require(results["sweep"] as? [String: Any])
        #expect(sweep["count"] as? Int == 2)
        #expect((sweep["values"] as? [Any])?.last as? String == "nan")
        #expect(results["flag"] as? Bool == true)
        #expect(results["other.key"] as? Int == 3)
    }

    @Test("a recorded key that is also a typed property fails the run with a line naming the key")
    func clash() throws {
        let lesson = Lesson(number: 54, slug: "clash", title: "Clash")
        lesson.results { Sample() }
        lesson.code("Clash") { context in context.record("flag", false) }
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 120)
        let outcome = lesson.run(options: try options(["--out", out.path]), console: console)
        #expect(outcome.status == .failed)
        #expect(outcome.message?.contains("the key \"flag\" is both in the lesson's typed results") == true, "\(outcome.message ?? "")")
    }
}
