import Foundation
import Plotting
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A fresh directory under the system temporary directory.
func scratchDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("plotting-tests-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ data: Data) -> (Int, Int)? {
    let bytes = [UInt8](data)
    guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    func int(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (int(16), int(20))
}

/// A small figure using several artists.
func smallFigure() -> Figure {
    var fig = Figure(width: 4, height: 3)
    fig.title = "Loss of π_θ"
    fig.ax.line(y: (0..<50).map { 1 / Double($0 + 1) }, label: "training loss")
    fig.ax.horizontalLine(y: 0.1, label: "ε")
    fig.ax.xLabel = "step t"
    fig.ax.yLabel = "loss L(θ)"
    return fig
}

@Suite struct OutputTests {
    @Test func pngHasSignatureAndScaledSize() throws {
        let dir = try scratchDirectory("png")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try smallFigure().save(to: dir.path + "/fig", formats: [.png], pngScale: 1.5)
        #expect(files == [dir.path + "/fig.png"])
        let data = try Data(contentsOf: URL(fileURLWithPath: files[0]))
        let size = try #require(pngSize(data))
        #expect(size.0 == 600 && size.1 == 450)
        let image = try RasterImage(png: data)
        #expect(image.width == 600)
        // White background in the corner, dark ink somewhere.
        #expect(image.rgba[0] == 255 && image.rgba[1] == 255 && image.rgba[2] == 255)
        #expect(stride(from: 0, to: image.rgba.count, by: 4).contains { image.rgba[$0] < 60 })
    }

    @Test func svgParsesAsXML() throws {
        let data = try smallFigure().data(format: .svg)
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("width=\"288pt\""))
    }

    @Test func pdfHasHeaderAndTrailer() throws {
        let data = try smallFigure().data(format: .pdf)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        let tail = String(decoding: data.suffix(32), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        let dir = try scratchDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        try smallFigure().save(to: dir.appendingPathComponent("nested/fig").path, formats: [.png, .svg, .pdf])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("nested").path)
        #expect(Set(names) == ["fig.png", "fig.svg", "fig.pdf"])
        // A destination that cannot be replaced (a directory) fails cleanly and leaves no temporary file.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("blocked.png"), withIntermediateDirectories: true)
        #expect(throws: PlottingError.self) { try smallFigure().save(to: dir.appendingPathComponent("blocked").path) }
        let after = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!after.contains { $0.hasPrefix(".") }, "left behind: \(after)")
    }

    @Test func badInputThrowsClearErrors() throws {
        var mismatched = Figure()
        mismatched.ax.line(x: [1, 2, 3], y: [1, 2], label: "BC")
        #expect(throws: PlottingError.invalidData("axes (0, 0), artist 1 (line 'BC'): x has 3 values but y has 2")) {
            try mismatched.data()
        }
        var outside = Figure(rows: 1, columns: 2)
        outside[1, 0].line(y: [1, 2])
        #expect(throws: PlottingError.invalidSetting("subplot (1, 0) is outside the 1×2 grid")) { try outside.data() }
        var log = Figure()
        log.ax.line(y: [1, 2])
        log.ax.xScale = .log
        log.ax.xLimits = 0...10
        #expect(throws: PlottingError.self) { try log.data() }
        #expect(throws: PlottingError.self) { try smallFigure().data(pngScale: 0) }
        #expect(throws: PlottingError.unsupportedFormat(".tex (cairolatex) needs backend: .gnuplot")) {
            try smallFigure().data(format: .tex)
        }
        var markup = Figure()
        markup.ax.title = "<span colour=\"red\">bad attribute</span>"
        #expect(throws: PlottingError.self) { try markup.data() }
        var empty = Figure()
        empty.ax.heatMap(values: [], xRange: 0...1, yRange: 0...1)
        #expect(throws: PlottingError.self) { try empty.data() }
        var tiny = Figure(width: 0.5, height: 4)
        tiny.ax.line(y: [1, 2])
        #expect(throws: PlottingError.self) { try tiny.data() }
    }

    /// An empty figure, NaN gaps and log axes with non-positive values still render.
    @Test func degenerateDataRenders() throws {
        #expect(try Figure().data().count > 1000)
        var fig = Figure()
        fig.ax.line(x: [1, 2, 3, 4], y: [1, .nan, 3, -1])
        fig.ax.yScale = .log
        fig.ax.scatter(x: [2], y: [2])
        #expect(try fig.data(format: .pdf).count > 500)
    }
}
