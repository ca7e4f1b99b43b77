import Foundation
import Plotting
import Testing

/// Writes the sample figures where a person can look at them (`PLOTTING_SAMPLE_DIR`, default: a temp dir).
@Test func sampleFiguresRender() throws {
    let directory = ProcessInfo.processInfo.environment["PLOTTING_SAMPLE_DIR"]
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("plotting-samples-\(getpid())").path
    let written = try SampleFigures.everyArtist().save(to: directory + "/every-artist", formats: [.png, .pdf, .svg])
    #expect(written.count == 3)
    let long = try SampleFigures.longLabels().save(to: directory + "/long-labels", formats: [.png])
    #expect(long.count == 1)
}

/// The gnuplot version of the sample figure, for a person to compare.
@Test func sampleFiguresRenderWithGnuplot() throws {
    let directory = ProcessInfo.processInfo.environment["PLOTTING_SAMPLE_DIR"]
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("plotting-samples-\(getpid())").path
    let written = try SampleFigures.everyArtist().save(to: directory + "/every-artist-gnuplot",
                                                       formats: [.png, .pdf, .svg, .tex], backend: .gnuplot)
    #expect(written.contains { $0.hasSuffix(".gp") })
}
