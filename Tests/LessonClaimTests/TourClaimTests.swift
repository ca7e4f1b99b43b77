import Foundation
import LessonClaims
import Testing

@Suite("Lesson 0: the tour")
struct TourClaimTests {
    @Test("the tour runs every cell, estimates its numbers and writes its figures and notebooks")
    func tourRuns() throws {
        let run = try LessonRun.run("00-tour", seed: 0, timeLimit: 300)
        #expect(run.status == "complete")
        let results = try LessonResults(document: run.document).decode(Lesson00Results.self)
        let sampling = try #require(results.sampling), fit = try #require(results.fit)
        #expect(abs(sampling.mean - 1) < 0.05)
        #expect(abs(sampling.std - 0.5) < 0.05)
        #expect(abs(sampling.piEstimate - Double.pi) < 0.15)
        #expect(abs(fit.slope - 2) < 0.1)
        #expect(abs(fit.intercept + 1) < 0.1)
        #expect(fit.finalLoss < fit.firstLoss / 3, "the training loss falls")
        #expect(abs(fit.finalLoss - 0.09) < 0.04, "the final loss is near the noise variance 0.09")
        for figure in ["curves", "distributions", "fields", "shapes", "symbols"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png written")
        }
        for file in ["notebook.ipynb", "notebook.md", "results.json"] {
            #expect(run.wrote(file), "\(file) written")
        }
    }

    @Test("the same seed gives byte-identical results.json")
    func tourIsDeterministic() throws {
        let first = try LessonRun.run("00-tour", seed: 5, arguments: ["--cell", "4"], timeLimit: 300)
        let second = try LessonRun.run("00-tour", seed: 5, arguments: ["--cell", "4"], timeLimit: 300)
        let a = try Data(contentsOf: first.directory.appendingPathComponent("results.json"))
        let b = try Data(contentsOf: second.directory.appendingPathComponent("results.json"))
        #expect(a == b)
    }
}

@Suite("Running lesson executables")
struct LessonRunTests {
    @Test("a lesson that is not built fails with a message saying to build first")
    func notBuilt() {
        #expect {
            try LessonRun.locate("99-no-such-lesson")
        } throws: { error in
            "\(error)".contains("is not built: run swift build first")
        }
    }
}
