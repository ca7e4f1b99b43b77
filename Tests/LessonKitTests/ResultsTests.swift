import Foundation
import LessonKit
import Testing

@Suite("results.json")
struct ResultsTests {
    @Test("the same seed writes byte-identical results.json; another seed changes it")
    func deterministic() throws {
        func run(seed: String) throws -> Data {
            let out = try temporaryDirectory()
            _ = sampleLesson(trace: Trace()).run(options: try options(["--out", out.path, "--seed", seed]),
                                                 console: Console(capturingWidth: 80))
            return try Data(contentsOf: out.appendingPathComponent("42-sample/results.json"))
        }
        let first = try run(seed: "3")
        let second = try run(seed: "3")
        let other = try run(seed: "4")
        #expect(first == second)
        #expect(first != other)
    }

    @Test("nested dictionaries, lists, text and non-finite numbers are written as JSON")
    func valueKinds() throws {
        let lesson = Lesson(number: 47, slug: "values", title: "Values")
        lesson.code("Record") { context in
            context.record("nested", ["b": ["x": [1.5, 2.5]], "a": ["x": [0.25]]])
            context.record("nan", Double.nan)
            context.record("float", Float(0.1))
            context.record("text", "π* wins")
            context.record("replaced", 1)
            context.record("replaced", 2)
        }
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        let url = out.appendingPathComponent("47-values/results.json")
        let results = try readJSON(url)
        let recorded = try #require(results["results"] as? [String: Any])
        let nested = try #require(recorded["nested"] as? [String: [String: [Double]]])
        #expect(nested["b"]?["x"] == [1.5, 2.5])
        #expect(recorded["nan"] as? String == "nan")
        #expect(recorded["float"] as? Double == 0.1)
        #expect(recorded["text"] as? String == "π* wins")
        #expect(recorded["replaced"] as? Int == 2)
        let text = try String(contentsOf: url, encoding: .utf8)
        let a = try #require(text.range(of: "\"a\""))
        let b = try #require(text.range(of: "\"b\""))
        #expect(a.lowerBound < b.lowerBound, "dictionary keys are written sorted")
        #expect(!text.contains("timing") && !text.contains(out.path), "no times or paths in results.json")
    }

    @Test("measurements (throughputs, wall times) go to timing.json and never to results.json")
    func measurementsStayOutOfResults() throws {
        let lesson = Lesson(number: 48, slug: "measured", title: "Measured")
        lesson.code("Measure") { context in
            context.record("returns", [1.0, 2.0])
            context.recordMeasurement("throughput.stepsPerSecond", 1234.5)
            context.recordMeasurement("throughput.stepsPerSecond", 2345.5)
        }
        let out = try temporaryDirectory()
        _ = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 80))
        let results = try String(contentsOf: out.appendingPathComponent("48-measured/results.json"), encoding: .utf8)
        #expect(!results.contains("throughput"), "a measurement leaked into results.json")
        let timing = try readJSON(out.appendingPathComponent("48-measured/timing.json"))
        let measurements = try #require(timing["measurements"] as? [String: Double])
        #expect(measurements == ["throughput.stepsPerSecond": 2345.5])
    }
}
