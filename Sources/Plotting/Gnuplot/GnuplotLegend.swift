import Foundation

/// The legend of a `cairolatex` figure, drawn from the layout instead of by gnuplot's key.
///
/// gnuplot sizes its key box from its own estimate of the titles' widths and starts each title
/// a number of its character cells from the box's edge; LaTeX's text follows neither, so a key
/// box can end before its text does. Here the frame, the sample handles and the titles go
/// exactly where the layout put them, and the layout measured the titles with pdflatex
/// (``LaTeXMeasurer``): the text sits inside its frame, as in the Cairo backend.
extension GnuplotScript {
    /// Tags of the legend's objects and labels, above any the panel uses for itself.
    static let legendObjectBase = 9000

    /// `set object`, `set arrow` and `set label` commands drawing the legend of `place` in front
    /// of the data; empty when the panel has no legend. `labelIndex` is the next free label tag.
    func latexLegend(_ panel: ResolvedPanel, _ place: PanelLayout) -> String {
        guard let frame = place.legendArea, let placement = place.legendPlacement, placement != .none,
              !place.legendEntries.isEmpty else { return "" }
        var s = "# Legend, as the layout placed it (LaTeX text, frame from its measured widths)\n"
        var object = Self.legendObjectBase
        s += "set object \(object) rectangle from \(screen(frame.minX, frame.maxY)) to \(screen(frame.maxX, frame.minY)) "
            + "front fc rgb '#FFFFFF' fillstyle solid 0.9 border lc rgb '#CCCCCC' lw 0.6\n"
        object += 1
        var label = Self.legendObjectBase
        for entry in place.legendEntries {
            let r = panel.artists[entry.artist]
            guard let title = r.artist.label, !title.isEmpty else { continue }
            let box = entry.handle
            let midY = box.midY
            let swatch = LayoutBox(x: box.minX, y: midY - 4.5, width: box.width, height: 9)
            func rectangle(_ b: LayoutBox, fill: Color?, stroke: Color?, width: Double) {
                guard fill != nil || stroke != nil else { return }
                var style = fill.map { c -> String in
                    let alpha = min(max(c.alpha, 0), 1)
                    return "fc \(rgb(c.withAlpha(1))) fillstyle " + (alpha < 1 ? "transparent solid \(num(alpha))" : "solid 1.0")
                } ?? "fillstyle empty"
                style += stroke.map { " border lc \(rgb($0)) lw \(num(width))" } ?? " noborder"
                s += "set object \(object) rectangle from \(screen(b.minX, b.maxY)) to \(screen(b.maxX, b.minY)) front \(style)\n"
                object += 1
            }
            func segment(color: Color, width: Double, style: LineStyle, head: Bool = false) {
                s += "set arrow from \(screen(box.minX, midY)) to \(screen(box.maxX, midY)) "
                    + (head ? "head filled size screen \(arrowHead(4.5))" : "nohead")
                    + " lc \(rgb(color)) lw \(num(width)) dt \(dashType(style)) front\n"
            }
            func point(_ marker: MarkerShape, diameter: Double, color: Color) {
                s += "set label \(label) \"\" at \(screen(box.midX, midY)) point pt \(pointType(marker)) "
                    + "ps \(num(diameter / 3.5))*psf lc \(rgb(color)) front\n"
                label += 1
            }
            switch r.artist {
            case .line(let a):
                segment(color: r.color, width: a.width, style: a.style)
                if let m = a.marker { point(m, diameter: max(4, a.width * 3), color: r.color) }
            case .referenceLine(let a):
                segment(color: a.color, width: a.width, style: a.style)
            case .scatter(let a):
                point(a.marker, diameter: max(a.size, 4), color: r.color.withAlpha(a.opacity))
            case .band(let a):
                rectangle(swatch, fill: r.color.withAlpha(r.color.alpha * a.opacity), stroke: nil, width: 0)
            case .histogram(let a):
                rectangle(swatch, fill: r.color.withAlpha(r.color.alpha * a.opacity), stroke: r.color, width: 1)
            case .bars:
                rectangle(swatch, fill: r.color, stroke: nil, width: 0)
            case .polygon(let a):
                rectangle(swatch, fill: a.fill, stroke: a.stroke, width: min(a.lineWidth, 1.5))
            case .circle(let a):
                rectangle(swatch, fill: a.fill, stroke: a.stroke, width: min(a.lineWidth, 1.5))
            case .quiver:
                segment(color: r.color, width: 0.9, style: .solid, head: true)
            case .heatMap, .text, .arrow:
                break
            }
            // The title where the layout measured it: left-aligned after the handle, centred on it.
            let size = legendSize(place)
            let x = box.maxX + Style.legendHandleGap + 0.1 * size
            let lines = keyLines(place, artist: entry.artist)
            let wrap = lines > 1 ? Self.balancedWidth(title, lines: lines) : nil
            s += "set label \(label) \(quote(title, .latex, wrapAt: wrap, size: size, alignLeft: true)) at \(screen(x, midY)) left front\n"
            label += 1
        }
        return s
    }

    /// `screen x, screen y` of a layout point (points from the top left).
    private func screen(_ x: Double, _ y: Double) -> String {
        "screen \(num(x / layout.width)), screen \(num(1 - y / layout.height))"
    }
}
