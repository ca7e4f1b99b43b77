import CCairo
import Foundation

/// Paints a laid-out figure on a Cairo context whose user units are points.
final class CairoPainter {
    let cairo: OpaquePointer
    let figure: Figure
    let layout: FigureLayout
    let panels: [ResolvedPanel]
    let text: PangoText
    /// Heat maps as vector cells instead of an image.
    var vectorCells = false

    /// Spines, ticks and tick labels.
    static let ink = Color(hex: 0x262626)
    /// Grid lines.
    static let gridColor = Color(hex: 0xE3E3E3)

    init(cairo: OpaquePointer, figure: Figure, layout: FigureLayout, panels: [ResolvedPanel]) throws {
        self.cairo = cairo
        self.figure = figure
        self.layout = layout
        self.panels = panels
        text = try PangoText(cairo: cairo, fontFamily: figure.fontFamily)
    }

    /// Paints the background, every panel, then every text of the layout.
    func paint() throws {
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        for (panel, placement) in zip(panels, layout.panels) {
            try paint(panel, placement)
        }
        for box in layout.textBoxes {
            try text.draw(box.text, size: box.fontSize, wrapWidth: box.wrapWidth, on: cairo, x: box.box.minX,
                          y: box.box.minY, rotated: box.rotated, color: box.role == .tickLabel ? Self.ink : .black,
                          centered: box.role != .legend)
        }
    }

    /// One subplot: grid, clipped artists, frame, colour bar, legend, annotations.
    private func paint(_ panel: ResolvedPanel, _ placement: PanelLayout) throws {
        let plot = placement.plotArea
        let xMap = AxisMap(scale: panel.axes.xScale, lower: placement.xLimits.lowerBound,
                           upper: placement.xLimits.upperBound, start: plot.minX, end: plot.maxX)
        let yMap = AxisMap(scale: panel.axes.yScale, lower: placement.yLimits.lowerBound,
                           upper: placement.yLimits.upperBound, start: plot.maxY, end: plot.minY)
        let canvas = ArtistCanvas(cairo: cairo, x: xMap, y: yMap, plot: plot, vectorCells: vectorCells)

        if panel.axes.grid {
            cairo_save(cairo)
            setColor(Self.gridColor)
            cairo_set_line_width(cairo, 0.6)
            for tick in placement.xTicks { if let px = xMap.position(tick.value) { line(px, plot.minY, px, plot.maxY) } }
            for tick in placement.yTicks { if let py = yMap.position(tick.value) { line(plot.minX, py, plot.maxX, py) } }
            cairo_restore(cairo)
        }

        cairo_save(cairo)
        cairo_rectangle(cairo, plot.minX, plot.minY, plot.width, plot.height)
        cairo_clip(cairo)
        let order = panel.artists.indices.filter { panel.artists[$0].isBackground }
            + panel.artists.indices.filter { !panel.artists[$0].isBackground }
        for i in order {
            switch panel.artists[i].artist {
            case .text, .arrow: continue
            default: canvas.draw(panel.artists[i])
            }
        }
        cairo_restore(cairo)

        paintFrame(panel, placement, xMap: xMap, yMap: yMap)
        if let heatMap = panel.colorBar, let bar = placement.colorBarArea {
            paintColorBar(heatMap, bar: bar, ticks: placement.colorBarTicks)
        }
        if let frame = placement.legendArea {
            paintLegend(panel, frame: frame, entries: placement.legendEntries, canvas: canvas)
        }
        for r in panel.artists {
            switch r.artist {
            case .text(let a):
                guard let px = xMap.position(a.x), let py = yMap.position(a.y) else { continue }
                let size = a.size ?? figure.fontSize * Style.annotationScale
                let m = try text.measure(a.text, size: size, wrapWidth: nil)
                let (x, y) = anchored(px, py, width: m.width, height: m.height, anchor: a.anchor)
                try text.draw(a.text, size: size, wrapWidth: nil, on: cairo, x: x, y: y, color: a.color)
            case .arrow(let a):
                guard let x0 = xMap.position(a.fromX), let y0 = yMap.position(a.fromY),
                      let x1 = xMap.position(a.toX), let y1 = yMap.position(a.toY) else { continue }
                canvas.arrow(from: (x0, y0), to: (x1, y1), color: a.color, width: a.width, head: 7)
                if let label = a.label, !label.isEmpty {
                    let size = figure.fontSize * Style.annotationScale
                    let m = try text.measure(label, size: size, wrapWidth: nil)
                    let length = max(((x0 - x1) * (x0 - x1) + (y0 - y1) * (y0 - y1)).squareRoot(), 1e-9)
                    let dx = (x0 - x1) / length, dy = (y0 - y1) / length
                    let cx = x0 + dx * 3 + dx * m.width / 2, cy = y0 + dy * 3 + dy * m.height / 2
                    try text.draw(label, size: size, wrapWidth: nil, on: cairo, x: cx - m.width / 2,
                                  y: cy - m.height / 2, color: a.color)
                }
            default: continue
            }
        }
    }

    /// Spines (left and bottom; all four around heat maps) and outward ticks.
    private func paintFrame(_ panel: ResolvedPanel, _ placement: PanelLayout, xMap: AxisMap, yMap: AxisMap) {
        let plot = placement.plotArea
        cairo_save(cairo)
        setColor(Self.ink)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_SQUARE)
        cairo_set_line_width(cairo, Style.spineWidth)
        if panel.axes.showsSpines {
            line(plot.minX, plot.minY, plot.minX, plot.maxY)
            line(plot.minX, plot.maxY, plot.maxX, plot.maxY)
        }
        if panel.colorBar != nil {
            line(plot.minX, plot.minY, plot.maxX, plot.minY)
            line(plot.maxX, plot.minY, plot.maxX, plot.maxY)
        }
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        cairo_set_line_width(cairo, Style.tickWidth)
        for tick in placement.xTicks {
            if let px = xMap.position(tick.value) { line(px, plot.maxY, px, plot.maxY + Style.tickLength) }
        }
        for tick in placement.yTicks {
            if let py = yMap.position(tick.value) { line(plot.minX, py, plot.minX - Style.tickLength, py) }
        }
        cairo_set_line_width(cairo, Style.tickWidth * 0.75)
        for value in placement.xMinorTicks {
            if let px = xMap.position(value) { line(px, plot.maxY, px, plot.maxY + Style.minorTickLength) }
        }
        for value in placement.yMinorTicks {
            if let py = yMap.position(value) { line(plot.minX, py, plot.minX - Style.minorTickLength, py) }
        }
        cairo_restore(cairo)
    }

    /// A vertical gradient of the heat map's colour map, framed, with ticks on its right.
    private func paintColorBar(_ heatMap: HeatMap, bar: LayoutBox, ticks: [Tick]) {
        cairo_save(cairo)
        if let gradient = cairo_pattern_create_linear(0, bar.maxY, 0, bar.minY) {
            let stops = heatMap.colorMap.stops
            for (k, c) in stops.enumerated() {
                cairo_pattern_add_color_stop_rgb(gradient, Double(k) / Double(stops.count - 1), c.red, c.green, c.blue)
            }
            cairo_set_source(cairo, gradient)
            cairo_rectangle(cairo, bar.minX, bar.minY, bar.width, bar.height)
            cairo_fill(cairo)
            cairo_pattern_destroy(gradient)
        }
        setColor(Self.ink)
        cairo_set_line_width(cairo, 0.6)
        cairo_rectangle(cairo, bar.minX, bar.minY, bar.width, bar.height)
        cairo_stroke(cairo)
        let range = heatMap.resolvedValueRange
        let map = AxisMap(scale: .linear, lower: range.lowerBound, upper: range.upperBound, start: bar.maxY, end: bar.minY)
        cairo_set_line_width(cairo, Style.tickWidth)
        for tick in ticks {
            if let py = map.position(tick.value) { line(bar.maxX, py, bar.maxX + Style.tickLength, py) }
        }
        cairo_restore(cairo)
    }

    /// The legend frame and one sample handle per entry (the texts are drawn with the layout's texts).
    private func paintLegend(_ panel: ResolvedPanel, frame: LayoutBox, entries: [(artist: Int, handle: LayoutBox)],
                             canvas: ArtistCanvas) {
        cairo_save(cairo)
        cairo_rectangle(cairo, frame.minX, frame.minY, frame.width, frame.height)
        cairo_set_source_rgba(cairo, 1, 1, 1, 0.9)
        cairo_fill_preserve(cairo)
        setColor(Color(hex: 0xCCCCCC))
        cairo_set_line_width(cairo, 0.6)
        cairo_stroke(cairo)
        cairo_restore(cairo)
        for entry in entries {
            canvas.legendHandle(panel.artists[entry.artist], in: entry.handle)
        }
    }

    /// The top-left corner of a `width × height` text whose `anchor` is at `(x, y)`.
    private func anchored(_ x: Double, _ y: Double, width: Double, height: Double, anchor: TextAnchor) -> (Double, Double) {
        switch anchor {
        case .center: return (x - width / 2, y - height / 2)
        case .left: return (x, y - height / 2)
        case .right: return (x - width, y - height / 2)
        case .top: return (x - width / 2, y)
        case .bottom: return (x - width / 2, y - height)
        }
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(cairo, c.red, c.green, c.blue, c.alpha)
    }

    private func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cairo_move_to(cairo, x0, y0)
        cairo_line_to(cairo, x1, y1)
        cairo_stroke(cairo)
    }
}
