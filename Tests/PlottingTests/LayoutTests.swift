import Foundation
import Plotting
import Testing

@Suite struct LayoutTests {
    /// Every text box lies inside the canvas, even with labels longer than the subplot.
    @Test func longLabelsStayInsideTheCanvas() throws {
        for figure in [SampleFigures.longLabels(), SampleFigures.everyArtist()] {
            let layout = try figure.layout()
            #expect(!layout.textBoxes.isEmpty)
            for text in layout.textBoxes {
                #expect(layout.canvas.contains(text.box), "\"\(text.text)\" at \(text.box) leaves the canvas")
            }
            for panel in layout.panels {
                #expect(layout.canvas.contains(panel.plotArea))
                if let legend = panel.legendArea { #expect(layout.canvas.contains(legend)) }
            }
        }
    }

    /// On the sample figure no two texts overlap, no text enters another subplot's plot area,
    /// and no inside legend covers data.
    @Test func sampleFigureHasNoCollisions() throws {
        let layout = try SampleFigures.everyArtist().layout()
        let texts = layout.textBoxes
        for i in texts.indices {
            for j in texts.indices where j > i {
                #expect(!texts[i].box.intersects(texts[j].box, tolerance: 0.5),
                        "\"\(texts[i].text)\" overlaps \"\(texts[j].text)\"")
            }
            for panel in layout.panels where texts[i].role != .legend {
                #expect(!panel.plotArea.intersects(texts[i].box, tolerance: 0.5),
                        "\"\(texts[i].text)\" enters a plot area")
            }
        }
        for panel in layout.panels {
            #expect(panel.legendCoveredSamples == 0, "legend of (\(panel.row), \(panel.column)) covers data at \(String(describing: panel.legendPlacement))")
            for other in layout.panels where other.row != panel.row || other.column != panel.column {
                #expect(!panel.plotArea.intersects(other.plotArea))
            }
        }
    }

    /// Subplots in one grid column share their left edge; in one row, their top edge (the scene
    /// drawing at (1, 2) is shrunk to an equal aspect ratio and is left out).
    @Test func subplotsAlign() throws {
        let layout = try SampleFigures.everyArtist().layout()
        func panel(_ r: Int, _ c: Int) -> PanelLayout { layout.panels.first { $0.row == r && $0.column == c }! }
        for column in 0..<2 {
            #expect(abs(panel(0, column).plotArea.minX - panel(1, column).plotArea.minX) < 0.5)
        }
        #expect(abs(panel(0, 0).plotArea.minY - panel(0, 2).plotArea.minY) < 0.5)
        #expect(abs(panel(1, 0).plotArea.maxY - panel(1, 1).plotArea.maxY) < 0.5)
    }

    /// `.auto` puts the legend in the corner without data, and outside when every corner is taken.
    @Test func automaticLegendAvoidsData() throws {
        func placement(_ build: (inout Axes) -> Void) throws -> LegendPlacement? {
            var fig = Figure(width: 5, height: 3.5)
            build(&fig.ax)
            return try fig.layout().panels[0].legendPlacement
        }
        // A rising curve fills the upper right and lower left: upper left or lower right are free.
        let rising = try placement { ax in
            let x = (0...50).map { Double($0) / 50 }
            ax.line(x: x, y: x.map { $0 * $0 }, label: "rising")
            ax.line(x: x, y: x.map { $0 * $0 * $0 }, label: "rising faster")
        }
        #expect(rising == .upperLeft)
        // Data only in the upper half: a lower corner.
        let upper = try placement { ax in
            ax.scatter(x: (0...40).map { Double($0) }, y: (0...40).map { 10 + Double($0 % 3) }, label: "high")
            ax.yLimits = 0...13
        }
        #expect(upper == .lowerRight || upper == .lowerLeft)
        // A dense grid everywhere: outside right.
        let dense = try placement { ax in
            var x: [Double] = [], y: [Double] = []
            for i in 0...40 { for j in 0...40 { x.append(Double(i)); y.append(Double(j)) } }
            ax.scatter(x: x, y: y, label: "everywhere", size: 2)
        }
        #expect(dense == .outsideRight)
        // An explicit placement is kept; `.none` hides the legend.
        #expect(try placement { ax in ax.line(y: [1, 2], label: "a"); ax.legend = .lowerLeft } == .lowerLeft)
        #expect(try placement { ax in ax.line(y: [1, 2], label: "a"); ax.legend = .none } == nil)
        #expect(try placement { ax in ax.line(y: [1, 2]) } == nil)
    }

    /// Automatic limits pad the data by 5 %, except at a bar or histogram baseline.
    @Test func automaticLimits() throws {
        var fig = Figure()
        fig.ax.line(x: [0, 10], y: [2, 4])
        let panel = try fig.layout().panels[0]
        #expect(abs(panel.xLimits.lowerBound - -0.5) < 1e-9 && abs(panel.xLimits.upperBound - 10.5) < 1e-9)
        #expect(abs(panel.yLimits.lowerBound - 1.9) < 1e-9)
        var bars = Figure()
        bars.ax.bars(categories: ["a", "b"], heights: [3, 5])
        let barPanel = try bars.layout().panels[0]
        #expect(barPanel.yLimits.lowerBound == 0)
        #expect(barPanel.xTicks.map(\.label) == ["a", "b"])
        var log = Figure()
        log.ax.line(x: [1, 1000], y: [0, 5])
        log.ax.xScale = .log
        let logPanel = try log.layout().panels[0]
        #expect(logPanel.xLimits.lowerBound < 1 && logPanel.xLimits.lowerBound > 0.5)
        #expect(logPanel.xTicks.map(\.value) == [1, 10, 100, 1000])
        #expect(!logPanel.xMinorTicks.isEmpty)
    }

    /// Equal aspect makes one x unit as long as one y unit.
    @Test func equalAspect() throws {
        var fig = Figure(width: 6, height: 3)
        fig.ax.circle(center: (0, 0), radius: 1)
        fig.ax.xLimits = -2...2
        fig.ax.yLimits = -1...1
        fig.ax.aspect = .equal
        let panel = try fig.layout().panels[0]
        let xUnit = panel.plotArea.width / 4, yUnit = panel.plotArea.height / 2
        #expect(abs(xUnit - yUnit) < 0.01)
    }
}
