import Foundation
import Plotting
import Testing

/// Where the sample figures go: `PLOTTING_SAMPLE_DIR` (kept, for a person to look at) or a
/// temporary directory removed after the test.
private func sampleDirectory(_ name: String) throws -> (path: String, keep: Bool) {
    if let kept = ProcessInfo.processInfo.environment["PLOTTING_SAMPLE_DIR"] { return (kept, true) }
    return (try scratchDirectory(name).path, false)
}

/// The every-artist and long-label figures render to PNG, PDF and SVG with Cairo.
@Test func sampleFiguresRender() throws {
    let (directory, keep) = try sampleDirectory("samples")
    defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
    let written = try SampleFigures.everyArtist().save(to: directory + "/every-artist", formats: [.png, .pdf, .svg])
    #expect(written.count == 3)
    let long = try SampleFigures.longLabels().save(to: directory + "/long-labels", formats: [.png])
    #expect(long.count == 1)
}

/// The gnuplot version of the every-artist figure, in every format.
@Test func sampleFiguresRenderWithGnuplot() throws {
    let (directory, keep) = try sampleDirectory("samples-gnuplot")
    defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
    let written = try SampleFigures.everyArtist().save(to: directory + "/every-artist-gnuplot",
                                                       formats: [.png, .pdf, .svg, .tex], backend: .gnuplot)
    #expect(written.contains { $0.hasSuffix(".gp") })
    #expect(written.contains { $0.hasSuffix("every-artist-gnuplot-latex.tex") })
}
