import Foundation
import Plotting
import Testing

/// Rendered figures compared pixel by pixel with committed reference PNGs in `Golden/`.
///
/// Regenerate the references after an intended change of the look:
/// `UPDATE_GOLDEN=1 swift test --filter GoldenImageTests`, then look at them and commit.
@Suite struct GoldenImageTests {
    /// The directory of the reference images, found from this source file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Largest fraction of pixels allowed to differ by more than the per-channel tolerance.
    static let allowedFraction = 0.005

    @Test(arguments: ["curves", "bars-histogram", "heatmap-quiver"])
    func matchesReference(name: String) throws {
        let figure = Self.figure(named: name)
        let png = try figure.data(format: .png, pngScale: 1)
        let url = Self.directory.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try png.write(to: url, options: .atomic)
        }
        guard let reference = try? Data(contentsOf: url) else {
            Issue.record("no reference \(url.path); run UPDATE_GOLDEN=1 swift test --filter GoldenImageTests")
            return
        }
        let rendered = try RasterImage(png: png), expected = try RasterImage(png: reference)
        #expect(rendered.width == expected.width && rendered.height == expected.height)
        let fraction = rendered.fractionDiffering(from: expected, tolerance: 48)
        #expect(fraction <= Self.allowedFraction, "\(name): \(fraction * 100) % of pixels differ")
    }

    /// A figure that differs visibly from the reference must fail the comparison.
    @Test func comparisonDetectsAChange() throws {
        var changed = Self.figure(named: "curves")
        changed.ax.line(x: [0, 10], y: [0, 1], label: "extra", color: .vermillion, width: 3)
        let a = try RasterImage(png: try Self.figure(named: "curves").data(pngScale: 1))
        let b = try RasterImage(png: try changed.data(pngScale: 1))
        #expect(a.fractionDiffering(from: b) > Self.allowedFraction)
        #expect(a.fractionDiffering(from: a) == 0)
    }

    static func figure(named name: String) -> Figure {
        switch name {
        case "curves":
            var fig = Figure(width: 4, height: 3)
            let x = (0...40).map { Double($0) / 4 }
            let mean = x.map { 1 - exp(-$0 / 3) }
            fig.ax.line(x: x, y: mean, label: "DAgger")
            fig.ax.band(x: x, center: mean, spread: x.map { 0.05 + 0.01 * $0 })
            fig.ax.line(x: x, y: x.map { 0.6 * (1 - exp(-$0 / 2)) }, label: "BC", style: .dashed)
            fig.ax.horizontalLine(y: 1, label: "expert π*")
            fig.ax.xLabel = "iteration i"
            fig.ax.yLabel = "return / J(π*)"
            fig.ax.title = "DAgger vs BC"
            return fig
        case "bars-histogram":
            var fig = Figure(width: 5, height: 2.5, rows: 1, columns: 2)
            fig[0, 0].bars(categories: ["BC", "GAIL", "BCQ"], heights: [0.3, 0.7, 0.9], errors: [0.05, 0.1, 0.04], label: "Φ = 0.05")
            fig[0, 0].bars(categories: ["BC", "GAIL", "BCQ"], heights: [0.2, 0.6, 0.8], errors: [0.04, 0.08, 0.06], label: "Φ = 0.5")
            fig[0, 0].yLabel = "success"
            let values = (0..<2000).map { i in sin(Double(i) * 12.9898) * 43758.5453 }.map { $0 - $0.rounded(.down) }
            fig[0, 1].histogram(values: values.map { $0 * $0 }, bins: 20, density: true, label: "u^2")
            fig[0, 1].xLabel = "x_t"
            return fig
        default:
            var fig = Figure(width: 4, height: 3)
            let n = 12
            let grid = (0..<n).map { Double($0) / Double(n - 1) * 2 - 1 }
            fig.ax.heatMap(values: grid.map { y in grid.map { x in x * x - y * y } }, xRange: -1...1, yRange: -1...1,
                           colorMap: .viridis, colorBarLabel: "D^*(x)")
            var qx: [Double] = [], qy: [Double] = []
            for y in stride(from: -0.75, through: 0.75, by: 0.5) { for x in stride(from: -0.75, through: 0.75, by: 0.5) { qx.append(x); qy.append(y) } }
            fig.ax.quiver(x: qx, y: qy, u: qy.map { -$0 }, v: qx, color: .white)
            fig.ax.text("saddle", at: (0, 0), color: .white)
            fig.ax.aspect = .equal
            fig.ax.xLimits = -1...1
            fig.ax.yLimits = -1...1
            return fig
        }
    }
}
