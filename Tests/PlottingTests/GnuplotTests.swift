import Foundation
import Plotting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct GnuplotTests {
    @Test func writesScriptDataAndRendersPNG() throws {
        let dir = try scratchDirectory("gnuplot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try smallFigure().save(to: dir.path + "/loss", formats: [.png, .svg], backend: .gnuplot, pngScale: 1)
        #expect(files.contains(dir.path + "/loss.png") && files.contains(dir.path + "/loss.gp"))
        let png = try Data(contentsOf: dir.appendingPathComponent("loss.png"))
        let size = try #require(pngSize(png))
        #expect(size.0 == 400 && size.1 == 300)
        let script = try String(contentsOf: dir.appendingPathComponent("loss.gp"), encoding: .utf8)
        #expect(script.contains("set terminal pngcairo") && script.contains("'loss.1-1.dat'"))
        #expect(script.contains("L(θ)"))
        let data = try String(contentsOf: dir.appendingPathComponent("loss.1-1.dat"), encoding: .utf8)
        #expect(data.split(separator: "\n").count == 50)
        let svg = try Data(contentsOf: dir.appendingPathComponent("loss.svg"))
        #expect(XMLParser(data: svg).parse())
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasPrefix(".") }, "temporary files left: \(names)")
    }

    @Test func rendersEveryArtistAndLatex() throws {
        let dir = try scratchDirectory("gnuplot-all")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try SampleFigures.everyArtist().saveWithGnuplot(to: dir.path + "/all", formats: [.pdf, .tex])
        #expect(files.contains(dir.path + "/all.pdf"))
        #expect(files.contains(dir.path + "/all-latex.tex") && files.contains(dir.path + "/all-latex.pdf"))
        let tex = try String(contentsOf: dir.appendingPathComponent("all-latex.tex"), encoding: .utf8)
        #expect(tex.contains("$\\theta$") && tex.contains("includegraphics"))
        let pdf = try Data(contentsOf: dir.appendingPathComponent("all.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func missingGnuplotThrowsAndKeepsTheScript() throws {
        let dir = try scratchDirectory("gnuplot-missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = PlottingError.gnuplotMissing(script: dir.path + "/fig.gp")
        #expect(throws: expected) {
            try smallFigure().saveWithGnuplot(to: dir.path + "/fig", executable: dir.path + "/no-such-gnuplot")
        }
        #expect(FileManager.default.fileExists(atPath: dir.path + "/fig.gp"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/fig.png"))
    }

    @Test func failingGnuplotReportsItsMessage() throws {
        let dir = try scratchDirectory("gnuplot-fail")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A stand-in "gnuplot" that complains and exits with status 3.
        let fake = dir.appendingPathComponent("fake-gnuplot")
        try "#!/bin/sh\ncat >/dev/null\necho 'line 1: broken' >&2\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        // Running a script just written can fail with "Text file busy" when a process that another
        // test forks at that moment inherits the writing descriptor (a Linux race); try again then.
        var message = ""
        for _ in 0..<10 {
            do {
                try smallFigure().saveWithGnuplot(to: dir.path + "/fig", executable: fake.path)
                Issue.record("expected a failure")
            } catch PlottingError.gnuplotFailed(let text) {
                message = text
            }
            if !message.contains("Text file busy") { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(message.contains("line 1: broken"), "gnuplot's message was not passed on: \(message)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/fig.png"))
    }
}
