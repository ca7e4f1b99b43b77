import Foundation
import Plotting
import Testing

/// The gnuplot backend draws what the Cairo backend draws: order, ticks, opacity, shapes, legends.
@Suite struct GnuplotFidelityTests {
    static let red = Color(hex: 0xFF0000)
    static let green = Color(hex: 0x00FF00)

    /// Renders `figure` with gnuplot as PNG (100 px per inch); returns the image and the script.
    func render(_ figure: Figure, _ name: String) throws -> (image: RasterImage, script: String) {
        let dir = try scratchDirectory("gnuplot-\(name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try figure.saveWithGnuplot(to: dir.path + "/\(name)", formats: [.png], pngScale: 1)
        let image = try RasterImage(png: Data(contentsOf: dir.appendingPathComponent("\(name).png")))
        let script = try String(contentsOf: dir.appendingPathComponent("\(name).gp"), encoding: .utf8)
        return (image, script)
    }

    /// The x coordinates of the pixels within `tolerance` of `color` (per channel).
    func columns(of color: Color, in image: RasterImage, tolerance: Int = 10) -> [Int] {
        let target = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        var xs: [Int] = []
        for i in stride(from: 0, to: image.rgba.count, by: 4) {
            if (0..<3).allSatisfy({ abs(Int(image.rgba[i + $0]) - target[$0]) <= tolerance }) {
                xs.append((i / 4) % image.width)
            }
        }
        return xs
    }

    /// A grid world in miniature: a heat map, then a wall (polygon) and a goal (circle) over it.
    func gridWorld() -> Figure {
        var figure = Figure(width: 4, height: 3)
        figure.ax.heatMap(values: [[0, 1], [1, 0]], xRange: 0...2, yRange: 0...2, colorMap: .grays)
        figure.ax.polygon(points: [(0, 0), (1, 0), (1, 1), (0, 1)], fill: Self.red, stroke: nil)
        figure.ax.circle(center: (1.5, 1.5), radius: 0.3, fill: Self.green, stroke: nil)
        figure.ax.xTicks = []
        figure.ax.yTicks = []
        return figure
    }

    @Test func shapesAddedAfterAHeatMapAreDrawnOverIt() throws {
        let figure = gridWorld()
        let (image, script) = try render(figure, "order")
        // The same figure through Cairo shows as much wall and goal (within 15 %, anti-aliasing aside).
        let cairo = try RasterImage(png: figure.data(format: .png, pngScale: 1))
        for color in [Self.red, Self.green] {
            let drawn = columns(of: color, in: image).count, expected = columns(of: color, in: cairo).count
            #expect(expected > 500)
            #expect(abs(drawn - expected) < expected * 15 / 100, "\(color.hexString): \(drawn) px, Cairo \(expected) px")
        }
        let plot = script.components(separatedBy: "set output 'order.png'").last ?? ""
        let heatMap = plot.range(of: "with image")?.lowerBound, wall = plot.range(of: "with filledcurves closed")?.lowerBound
        #expect(heatMap != nil && wall != nil && heatMap! < wall!, "the wall must follow the heat map in the plot command")
    }

    @Test func anEmptyTickListMeansNoTicks() throws {
        let (image, script) = try render(gridWorld(), "ticks")
        #expect(script.contains("unset xtics") && script.contains("unset ytics"))
        #expect(!script.contains("set xtics (") && !script.contains("set ytics ("))
        // No tick marks or labels: nothing dark left of or below the plot area, where they would be
        // (3 px allowed for the frame; the colour bar is on the right).
        let plot = try #require(gridWorld().layout().panels.first?.plotArea)
        let scale = 100.0 / 72  // pixels per point at pngScale 1
        var outside = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let px = Double(x) / scale, py = Double(y) / scale, margin = 3 / scale
                guard px < plot.minX - margin || (py > plot.maxY + margin && px < plot.maxX) else { continue }
                if image.rgba[(y * image.width + x) * 4] < 100 { outside += 1 }
            }
        }
        #expect(outside == 0, "\(outside) dark pixels outside the plot area")
    }

    @Test func translucentColoursStayTranslucent() throws {
        var figure = Figure(width: 4, height: 3)
        let blue = Color(red: 0, green: 0, blue: 1, alpha: 0.5)
        figure.ax.line(x: [0, 1], y: [0.5, 0.5], color: blue, width: 10)
        figure.ax.band(x: [0, 1], lower: [0.1, 0.1], upper: [0.2, 0.2], color: Self.red.withAlpha(0.5), opacity: 0.4)
        figure.ax.scatter(x: [0.5], y: [0.8], color: Self.green.withAlpha(0.5), size: 20, opacity: 1)
        figure.ax.yLimits = 0...1
        let (image, script) = try render(figure, "alpha")
        #expect(script.contains("lc rgb '#800000FF'"))
        #expect(script.contains("fs transparent solid 0.2"))
        #expect(script.contains("lc rgb '#8000FF00'"))
        // Half-transparent blue over white: (128, 128, 255), never full blue.
        #expect(columns(of: Color(red: 0.5, green: 0.5, blue: 1), in: image, tolerance: 12).count > 300)
        #expect(columns(of: Color(red: 0, green: 0, blue: 1), in: image, tolerance: 30).isEmpty)
        // The band: 20 % red over white, never a stronger red.
        #expect(columns(of: Color(red: 1, green: 0.8, blue: 0.8), in: image, tolerance: 12).count > 300)
        #expect(columns(of: Color(red: 1, green: 0.5, blue: 0.5), in: image, tolerance: 30).isEmpty)
    }

    @Test func aPanelOfShapesAloneRenders() throws {
        var figure = Figure(width: 4, height: 3)
        figure.ax.polygon(points: [(0, 0), (2, 0), (1, 1.5)], fill: Self.red, label: "block")
        figure.ax.circle(center: (3, 1), radius: 0.5, fill: Self.green, label: "obstacle")
        figure.ax.aspect = .equal
        let (image, script) = try render(figure, "shapes")
        #expect(script.contains("keyentry"))
        #expect(columns(of: Self.red, in: image).count > 500)
        #expect(columns(of: Self.green, in: image).count > 200)
    }

    @Test func anOutsideLegendStaysBesideItsOwnPanel() throws {
        var figure = Figure(width: 8, height: 3, rows: 1, columns: 2)
        var left = Axes()
        // Data only near the left edge, so red or green far right of it is the legend's sample.
        left.line(x: [0, 0.1], y: [0, 1], label: "first series", color: Self.red)
        left.line(x: [0, 0.1], y: [1, 0], label: "second series", color: Self.green)
        left.xLimits = 0...1
        left.legend = .outsideRight
        figure[0, 0] = left
        var right = Axes()
        right.line(x: [0, 1], y: [0, 1], color: .black)
        figure[0, 1] = right
        let (image, script) = try render(figure, "legend")
        #expect(script.contains("set key at screen"))
        let reds = columns(of: Self.red, in: image), greens = columns(of: Self.green, in: image)
        #expect(reds.contains { $0 > image.width / 4 } && greens.contains { $0 > image.width / 4 }, "no legend sample")
        // Every sample lies in the left half (the left panel's cell), not over the right panel.
        #expect((reds + greens).allSatisfy { $0 < image.width / 2 }, "legend sample at x = \((reds + greens).max() ?? 0)")
    }

    @Test func detailsFollowTheLayout() throws {
        var figure = Figure(width: 4, height: 3)
        figure.ax.line(x: [1, 10, 100], y: [1, 2, 3], label: "mean")
        figure.ax.band(x: [1, 10, 100], lower: [0.5, 1.5, 2.5], upper: [1.5, 2.5, 3.5], label: "± std")
        figure.ax.xScale = .log
        figure.ax.grid = true
        figure.ax.legend = .upperLeft
        let (_, script) = try render(figure, "details")
        // Solid grid lines (gnuplot's grid line type 0 is dotted).
        #expect(script.contains("set grid xtics ytics lt 1"))
        // The layout's minor ticks on the log axis, unlabelled at level 1.
        #expect(script.contains("\"\" 2 1, \"\" 3 1"))
        // Legend rows in the order the artists were added: the band is plotted first, untitled,
        // and its key entry follows the line's.
        let plot = try #require(script.components(separatedBy: "\nplot ").dropFirst().first)
        let line = try #require(plot.range(of: "title \"mean\"")), band = try #require(plot.range(of: "title \"± std\""))
        #expect(line.lowerBound < band.lowerBound)
        #expect(plot.contains("with filledcurves fs transparent solid 0.22 noborder lc rgb '#0072B2' notitle"))
    }
}
