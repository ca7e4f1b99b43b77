import CCairo
import Foundation

/// Draws resolved artists on a Cairo context through the panel's axis maps.
struct ArtistCanvas {
    let cairo: OpaquePointer
    let x: AxisMap
    let y: AxisMap
    let plot: LayoutBox
    /// Draw heat maps as one rectangle per cell (SVG viewers smooth embedded images).
    var vectorCells = false

    /// Draws one artist (texts and arrows are drawn by the painter, unclipped).
    func draw(_ r: ResolvedArtist) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        switch r.artist {
        case .line(let a):
            stroke(runs(a.x, a.y), color: r.color, width: a.width, style: a.style)
            if let marker = a.marker {
                for (px, py) in points(a.x, a.y) { self.marker(marker, at: px, py, diameter: max(4, a.width * 3), color: r.color) }
            }
        case .scatter(let a):
            for (px, py) in points(a.x, a.y) {
                marker(a.marker, at: px, py, diameter: a.size, color: r.color.withAlpha(a.opacity * r.color.alpha))
            }
        case .band(let a):
            setColor(r.color.withAlpha(a.opacity * r.color.alpha))
            for run in bandRuns(a) {
                path(run, close: true)
                cairo_fill(cairo)
            }
        case .histogram(let a):
            setColor(r.color.withAlpha(a.opacity))
            for rect in r.rects where rect.y1 != rect.y0 { rectangle(rect); cairo_fill(cairo) }
            stroke([histogramOutline(r.rects)], color: r.color, width: 1.1, style: .solid)
        case .bars:
            setColor(r.color)
            for rect in r.rects { rectangle(rect); cairo_fill(cairo) }
            errorBars(r.rects)
        case .heatMap(let a):
            heatMap(a)
        case .quiver(let a):
            let s = a.resolvedScale
            for i in a.x.indices {
                guard let x0 = x.position(a.x[i]), let y0 = y.position(a.y[i]),
                      let x1 = x.position(a.x[i] + s * a.u[i]), let y1 = y.position(a.y[i] + s * a.v[i]) else { continue }
                arrow(from: (x0, y0), to: (x1, y1), color: r.color, width: 0.9, head: 4.5)
            }
        case .referenceLine(let a):
            if a.orientation == .horizontal, let py = y.position(a.value) {
                stroke([[(plot.minX, py), (plot.maxX, py)]], color: a.color, width: a.width, style: a.style)
            } else if a.orientation == .vertical, let px = x.position(a.value) {
                stroke([[(px, plot.minY), (px, plot.maxY)]], color: a.color, width: a.width, style: a.style)
            }
        case .polygon(let a):
            let pts = points(a.x, a.y)
            guard pts.count >= 2 else { return }
            path(pts, close: true)
            fillAndStroke(fill: a.fill, stroke: a.stroke, width: a.lineWidth)
        case .circle(let a):
            guard let cx = x.position(a.centerX), let cy = y.position(a.centerY),
                  let ex = x.position(a.centerX + a.radius), let ey = y.position(a.centerY + a.radius) else { return }
            let rx = abs(ex - cx), ry = abs(ey - cy)
            guard rx > 0, ry > 0 else { return }
            cairo_save(cairo)
            cairo_translate(cairo, cx, cy)
            cairo_scale(cairo, rx, ry)
            cairo_new_path(cairo)
            cairo_arc(cairo, 0, 0, 1, 0, 2 * Double.pi)
            cairo_restore(cairo)
            fillAndStroke(fill: a.fill, stroke: a.stroke, width: a.lineWidth)
        case .text, .arrow:
            break
        }
    }

    /// A small sample of the artist for its legend row.
    func legendHandle(_ r: ResolvedArtist, in box: LayoutBox) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        let midY = box.midY
        let swatch = LayoutBox(x: box.minX, y: midY - 4.5, width: box.width, height: 9)
        switch r.artist {
        case .line(let a):
            stroke([[(box.minX, midY), (box.maxX, midY)]], color: r.color, width: a.width, style: a.style)
            if let m = a.marker { marker(m, at: box.midX, midY, diameter: max(4, a.width * 3), color: r.color) }
        case .referenceLine(let a):
            stroke([[(box.minX, midY), (box.maxX, midY)]], color: a.color, width: a.width, style: a.style)
        case .scatter(let a):
            marker(a.marker, at: box.midX, midY, diameter: max(a.size, 4), color: r.color.withAlpha(a.opacity))
        case .band(let a):
            setColor(r.color.withAlpha(a.opacity))
            cairo_rectangle(cairo, swatch.minX, swatch.minY, swatch.width, swatch.height)
            cairo_fill(cairo)
        case .histogram(let a):
            cairo_rectangle(cairo, swatch.minX, swatch.minY, swatch.width, swatch.height)
            setColor(r.color.withAlpha(a.opacity))
            cairo_fill_preserve(cairo)
            setColor(r.color)
            cairo_set_line_width(cairo, 1)
            cairo_stroke(cairo)
        case .bars:
            setColor(r.color)
            cairo_rectangle(cairo, swatch.minX, swatch.minY, swatch.width, swatch.height)
            cairo_fill(cairo)
        case .polygon(let a):
            cairo_rectangle(cairo, swatch.minX, swatch.minY, swatch.width, swatch.height)
            fillAndStroke(fill: a.fill, stroke: a.stroke, width: min(a.lineWidth, 1.5))
        case .circle(let a):
            cairo_new_path(cairo)
            cairo_arc(cairo, box.midX, midY, 4.5, 0, 2 * Double.pi)
            fillAndStroke(fill: a.fill, stroke: a.stroke, width: min(a.lineWidth, 1.5))
        case .quiver:
            arrow(from: (box.minX, midY), to: (box.maxX, midY), color: r.color, width: 0.9, head: 4.5)
        case .heatMap, .text, .arrow:
            break
        }
    }

    /// An arrow with a filled triangular head of length `head` points (shorter for short arrows).
    func arrow(from a: (Double, Double), to b: (Double, Double), color: Color, width: Double, head: Double) {
        let dx = b.0 - a.0, dy = b.1 - a.1
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0.1 else { return }
        let h = min(head, length * 0.45), ux = dx / length, uy = dy / length
        let baseX = b.0 - ux * h, baseY = b.1 - uy * h
        cairo_save(cairo)
        setColor(color)
        cairo_set_line_width(cairo, width)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(cairo, a.0, a.1)
        cairo_line_to(cairo, baseX + ux * 0.5, baseY + uy * 0.5)
        cairo_stroke(cairo)
        let halfWidth = h * 0.38
        cairo_move_to(cairo, b.0, b.1)
        cairo_line_to(cairo, baseX - uy * halfWidth, baseY + ux * halfWidth)
        cairo_line_to(cairo, baseX + uy * halfWidth, baseY - ux * halfWidth)
        cairo_close_path(cairo)
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    // MARK: - Paths

    /// Canvas points of the finite, showable `(x, y)` pairs.
    private func points(_ xs: [Double], _ ys: [Double]) -> [(Double, Double)] {
        zip(xs, ys).compactMap { px, py in
            guard let a = x.position(px), let b = y.position(py) else { return nil }
            return (a, b)
        }
    }

    /// Runs of consecutive showable points (a NaN or a non-positive value on a log axis breaks the line).
    private func runs(_ xs: [Double], _ ys: [Double]) -> [[(Double, Double)]] {
        var result: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        for (px, py) in zip(xs, ys) {
            if let a = x.position(px), let b = y.position(py) {
                current.append((a, b))
            } else if !current.isEmpty {
                result.append(current); current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Closed outlines of the band's runs: the upper edge forwards, the lower edge backwards.
    private func bandRuns(_ band: Band) -> [[(Double, Double)]] {
        var result: [[(Double, Double)]] = []
        var upper: [(Double, Double)] = [], lower: [(Double, Double)] = []
        func flush() {
            if upper.count >= 2 { result.append(upper + lower.reversed()) }
            upper = []; lower = []
        }
        for i in band.x.indices {
            if let px = x.position(band.x[i]), let lo = y.position(band.lower[i]), let hi = y.position(band.upper[i]) {
                upper.append((px, hi)); lower.append((px, lo))
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The stepped top edge of contiguous histogram bins, from the baseline up and back down.
    private func histogramOutline(_ rects: [DataRect]) -> [(Double, Double)] {
        guard let first = rects.first, let last = rects.last else { return [] }
        var outline: [(Double, Double)] = []
        let base = baseline()
        if let px = x.position(first.x0) { outline.append((px, base)) }
        for rect in rects {
            guard let x0 = x.position(rect.x0), let x1 = x.position(rect.x1) else { continue }
            let top = y.position(rect.y1) ?? base
            outline.append((x0, top)); outline.append((x1, top))
        }
        if let px = x.position(last.x1) { outline.append((px, base)) }
        return outline
    }

    /// The canvas y of value 0, or the bottom of the plot on a log axis.
    private func baseline() -> Double {
        y.position(0) ?? plot.maxY + 1
    }

    private func rectangle(_ rect: DataRect) {
        guard let x0 = x.position(rect.x0), let x1 = x.position(rect.x1) else { return }
        let y0 = y.position(rect.y0) ?? baseline(), y1 = y.position(rect.y1) ?? baseline()
        cairo_rectangle(cairo, min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
    }

    /// Black error bars with short caps on top of bars.
    private func errorBars(_ rects: [DataRect]) {
        cairo_save(cairo)
        setColor(CairoPainter.ink)
        cairo_set_line_width(cairo, 1)
        for rect in rects {
            guard let e = rect.error, e.isFinite, e > 0, let x0 = x.position(rect.x0), let x1 = x.position(rect.x1),
                  let top = y.position(rect.y1 + e) else { continue }
            let bottom = y.position(rect.y1 - e) ?? baseline()
            let mid = (x0 + x1) / 2, cap = min(3, abs(x1 - x0) * 0.25)
            for (ax, ay, bx, by) in [(mid, bottom, mid, top), (mid - cap, top, mid + cap, top),
                                     (mid - cap, bottom, mid + cap, bottom)] {
                cairo_move_to(cairo, ax, ay); cairo_line_to(cairo, bx, by)
            }
            cairo_stroke(cairo)
        }
        cairo_restore(cairo)
    }

    private func path(_ pts: [(Double, Double)], close: Bool) {
        cairo_new_path(cairo)
        for (i, p) in pts.enumerated() {
            if i == 0 { cairo_move_to(cairo, p.0, p.1) } else { cairo_line_to(cairo, p.0, p.1) }
        }
        if close { cairo_close_path(cairo) }
    }

    private func stroke(_ runs: [[(Double, Double)]], color: Color, width: Double, style: LineStyle) {
        cairo_save(cairo)
        setColor(color)
        cairo_set_line_width(cairo, width)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        let w = max(width, 1)
        let dashes: [Double]
        switch style {
        case .solid: dashes = []
        case .dashed: dashes = [4.5 * w, 2.2 * w]
        case .dotted: dashes = [0.01, 2 * w]
        case .dashDot: dashes = [5 * w, 1.8 * w, 0.01, 1.8 * w]
        }
        cairo_set_line_cap(cairo, style == .dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND)
        cairo_set_dash(cairo, dashes, Int32(dashes.count), 0)
        for run in runs where !run.isEmpty {
            path(run, close: false)
            cairo_stroke(cairo)
        }
        cairo_restore(cairo)
    }

    private func fillAndStroke(fill: Color?, stroke: Color?, width: Double) {
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
        }
        if let stroke {
            setColor(stroke)
            cairo_set_line_width(cairo, width)
            cairo_stroke(cairo)
        }
        cairo_new_path(cairo)
    }

    private func marker(_ shape: MarkerShape, at px: Double, _ py: Double, diameter: Double, color: Color) {
        let r = diameter / 2
        cairo_new_path(cairo)
        setColor(color)
        switch shape {
        case .circle:
            cairo_arc(cairo, px, py, r, 0, 2 * Double.pi)
            cairo_fill(cairo)
        case .square:
            cairo_rectangle(cairo, px - r * 0.88, py - r * 0.88, r * 1.76, r * 1.76)
            cairo_fill(cairo)
        case .triangle:
            cairo_move_to(cairo, px, py - r * 1.15)
            cairo_line_to(cairo, px + r, py + r * 0.7)
            cairo_line_to(cairo, px - r, py + r * 0.7)
            cairo_close_path(cairo)
            cairo_fill(cairo)
        case .diamond:
            cairo_move_to(cairo, px, py - r * 1.2)
            cairo_line_to(cairo, px + r * 0.9, py)
            cairo_line_to(cairo, px, py + r * 1.2)
            cairo_line_to(cairo, px - r * 0.9, py)
            cairo_close_path(cairo)
            cairo_fill(cairo)
        case .cross, .plus:
            cairo_set_line_width(cairo, max(diameter / 5, 0.8))
            let a = shape == .cross ? r * 0.8 : r
            if shape == .cross {
                cairo_move_to(cairo, px - a, py - a); cairo_line_to(cairo, px + a, py + a)
                cairo_move_to(cairo, px - a, py + a); cairo_line_to(cairo, px + a, py - a)
            } else {
                cairo_move_to(cairo, px - a, py); cairo_line_to(cairo, px + a, py)
                cairo_move_to(cairo, px, py - a); cairo_line_to(cairo, px, py + a)
            }
            cairo_stroke(cairo)
        }
    }

    /// The heat map as a nearest-neighbour image (linear axes), or as cell rectangles (log axes, or
    /// SVG output up to 40 000 cells).
    private func heatMap(_ a: HeatMap) {
        let rows = a.values.count, columns = a.values.first?.count ?? 0
        guard rows > 0, columns > 0 else { return }
        let range = a.resolvedValueRange
        func color(_ v: Double) -> Color {
            a.colorMap.color(at: (v - range.lowerBound) / (range.upperBound - range.lowerBound))
        }
        guard !(vectorCells && rows * columns <= 40_000), x.scale == .linear, y.scale == .linear,
              let left = x.position(a.xRange.lowerBound), let right = x.position(a.xRange.upperBound),
              let bottom = y.position(a.yRange.lowerBound), let top = y.position(a.yRange.upperBound),
              let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(columns), Int32(rows)),
              cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else {
            heatMapCells(a, color: color)
            return
        }
        defer { cairo_surface_destroy(image) }
        let stride = Int(cairo_image_surface_get_stride(image))
        data.withMemoryRebound(to: UInt8.self, capacity: stride * rows) { bytes in
            for r in 0..<rows {
                let imageRow = rows - 1 - r
                for c in 0..<columns {
                    let col = color(a.values[r][c])
                    let pixel = UInt32(0xFF00_0000) | UInt32((col.red * 255).rounded()) << 16
                        | UInt32((col.green * 255).rounded()) << 8 | UInt32((col.blue * 255).rounded())
                    (UnsafeMutableRawPointer(bytes) + imageRow * stride + c * 4).storeBytes(of: pixel, as: UInt32.self)
                }
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(cairo)
        cairo_translate(cairo, left, top)
        cairo_scale(cairo, (right - left) / Double(columns), (bottom - top) / Double(rows))
        cairo_set_source_surface(cairo, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cairo, 0, 0, Double(columns), Double(rows))
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    private func heatMapCells(_ a: HeatMap, color: (Double) -> Color) {
        let rows = a.values.count, columns = a.values[0].count
        let dx = (a.xRange.upperBound - a.xRange.lowerBound) / Double(columns)
        let dy = (a.yRange.upperBound - a.yRange.lowerBound) / Double(rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let x0 = a.xRange.lowerBound + Double(c) * dx, y0 = a.yRange.lowerBound + Double(r) * dy
                guard let px0 = x.position(x0), let px1 = x.position(x0 + dx),
                      let py0 = y.position(y0), let py1 = y.position(y0 + dy) else { continue }
                // Overlap the next cell by 0.75 pt so anti-aliased edges leave no seams.
                let growX = c < columns - 1 ? 0.75 : 0, growY = r < rows - 1 ? 0.75 : 0
                setColor(color(a.values[r][c]))
                cairo_rectangle(cairo, px0, min(py0, py1) - growY, px1 - px0 + growX, abs(py1 - py0) + growY)
                cairo_fill(cairo)
            }
        }
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(cairo, c.red, c.green, c.blue, c.alpha)
    }
}
