import Foundation

/// How colours, legends, markers and dashes are spelled in a gnuplot script.
extension GnuplotScript {
    /// A colour spec `rgb '#RRGGBB'`, or `rgb '#AARRGGBB'` when the colour (times `opacity`) is
    /// translucent. gnuplot's alpha byte counts transparency: 00 is opaque, FF invisible.
    func rgb(_ color: Color, opacity: Double = 1) -> String {
        let alpha = min(max(color.alpha * opacity, 0), 1)
        guard alpha < 1 else { return "rgb '\(color.hexString)'" }
        let transparency = Int(((1 - alpha) * 255).rounded())
        return "rgb '" + String(format: "#%02X", transparency) + color.hexString.dropFirst() + "'"
    }

    /// A fill style of the given opacity: `fs solid 1.0` when opaque, else `fs transparent solid a`.
    func fillStyle(opacity: Double) -> String {
        let alpha = min(max(opacity, 0), 1)
        return alpha < 1 ? "fs transparent solid \(num(alpha))" : "fs solid 1.0"
    }

    /// The legend as the layout placed it, in gnuplot's words.
    ///
    /// The key is pinned at screen coordinates to the corner of the layout's legend frame that
    /// matches its placement, so gnuplot's key (whose size differs a little from Cairo's) grows
    /// away from that corner. An `.outsideRight` legend therefore stays in the room the layout
    /// reserved right of its own panel, instead of gnuplot's `outside right`, which in a
    /// multiplot goes to the right edge of the whole canvas, over the next panel.
    func keyCommand(_ panel: ResolvedPanel, _ place: PanelLayout, mode: TextMode) -> String {
        guard let placement = place.legendPlacement, placement != .none else { return "unset key\n" }
        // LaTeX text follows neither gnuplot's key box nor its title positions: drawn from the layout.
        if mode == .latex { return "unset key\n" + latexLegend(panel, place) }
        let position: String
        if let frame = place.legendArea {
            let corner: (x: Double, y: Double, justify: String)
            switch placement {
            case .upperLeft, .outsideRight: corner = (frame.minX, frame.minY, "left top")
            case .lowerLeft: corner = (frame.minX, frame.maxY, "left bottom")
            case .lowerRight: corner = (frame.maxX, frame.maxY, "right bottom")
            case .upperRight, .auto, .none: corner = (frame.maxX, frame.minY, "right top")
            }
            position = "at screen \(num(corner.x / layout.width)), screen \(num(1 - corner.y / layout.height)) \(corner.justify)"
        } else {
            switch placement {
            case .upperLeft: position = "inside top left"
            case .lowerLeft: position = "inside bottom left"
            case .lowerRight: position = "inside bottom right"
            // No frame to pin it to (not produced by the layout engine): inside, never over a neighbour.
            case .upperRight, .auto, .outsideRight, .none: position = "inside top right"
            }
        }
        return "set key \(position) vertical Left reverse box lc rgb '#CCCCCC' lw 0.6 opaque samplen 2.5 "
            + "spacing \(num(keySpacing(place))) width \(keyWidthAdjustment(panel, place)) font ',\(num(legendSize(place)))'\n"
    }

    /// The legend's font size in points: the figure's legend size times the layout's shrink.
    func legendSize(_ place: PanelLayout) -> Double {
        figure.fontSize * Style.legendScale * place.legendShrink
    }

    /// gnuplot's `set key spacing` that gives its key the height of the layout's legend frame:
    /// gnuplot's rows are `spacing` × 1.05 em of the terminal font (measured on the cairo terminals).
    func keySpacing(_ place: PanelLayout) -> Double {
        guard let frame = place.legendArea, !place.legendEntries.isEmpty else { return 1.1 }
        let lines = place.legendEntries.map { keyLines(place, artist: $0.artist) }.reduce(0, +)
        let spacing = frame.height / (Double(lines) * 1.05 * figure.fontSize * place.legendShrink)
        return (min(max(spacing, 1), 3) * 100).rounded() / 100
    }

    /// gnuplot's `set key width` (in characters) that brings its key box to the width of the
    /// layout's legend frame.
    ///
    /// gnuplot sizes the box from the number of characters of the longest title (markup
    /// excluded), the sample length and about 2.8 characters of padding, in characters of the
    /// terminal's font, measured at 0.576 em on the cairo terminals; its estimate is wider than
    /// the real text, so an unadjusted box runs past the frame (off the canvas or over the next
    /// panel). Rounded down, so the box never grows past the frame.
    func keyWidthAdjustment(_ panel: ResolvedPanel, _ place: PanelLayout) -> Int {
        guard let frame = place.legendArea else { return 0 }
        let lines = place.legendEntries.flatMap { entry -> [String] in
            guard let label = panel.artists[entry.artist].artist.label else { return [] }
            let count = keyLines(place, artist: entry.artist)
            return count > 1 ? Self.wrap(label, characters: Self.balancedWidth(label, lines: count)) : [label]
        }
        let longest = lines.map { Markup.plainText(Markup.parse($0)).count }.max() ?? 0
        let character = 0.576 * figure.fontSize * place.legendShrink
        let adjustment = (frame.width / character - Double(longest) - 2.5 - 2.8).rounded(.down)
        return Int(min(max(adjustment, -Double(longest)), 20))
    }

    /// The quoted legend title of artist `a`, broken into as many lines as Pango wrapped it in
    /// the layout's legend (gnuplot does not wrap), or `nil` when it has none.
    func keyTitle(_ panel: ResolvedPanel, _ place: PanelLayout, artist a: Int, mode: TextMode) -> String? {
        guard let label = panel.artists[a].artist.label, !label.isEmpty else { return nil }
        let lines = keyLines(place, artist: a)
        return quote(label, mode, wrapAt: lines > 1 ? Self.balancedWidth(label, lines: lines) : nil,
                     size: legendSize(place))
    }

    /// How many lines the legend row of artist `a` takes in the layout (1 when it has no row).
    func keyLines(_ place: PanelLayout, artist a: Int) -> Int {
        guard let row = place.legendEntries.first(where: { $0.artist == a }) else { return 1 }
        return max(1, Int((row.handle.height / (legendSize(place) * 1.17)).rounded()))
    }

    /// A legend row without data (for shapes and bands): a swatch filled and outlined like the artist.
    func keyEntry(_ title: String, fill: Color?, stroke: Color?) -> String {
        let fillPart = fill.map { "fc \(rgb($0.withAlpha(1))) \(fillStyle(opacity: $0.alpha))" } ?? "fs empty"
        let border = stroke.map { " border lc \(rgb($0))" } ?? " noborder"
        return "keyentry with boxes \(fillPart)\(border) title \(title)"
    }

    /// Plot elements drawing a closed outline read from `file` (columns x, y): a filled curve for
    /// `fill`, then a line for `stroke`, each in the artist's place in the drawing order.
    func shapeElements(_ file: String, fill: Color?, stroke: Color?, width: Double) -> [String] {
        var elements: [String] = []
        if let fill {
            elements.append("\(file) using 1:2 with filledcurves closed fc \(rgb(fill.withAlpha(1))) "
                + "\(fillStyle(opacity: fill.alpha)) noborder notitle")
        }
        if let stroke {
            elements.append("\(file) using 1:2 with lines lc \(rgb(stroke)) lw \(num(width)) dt 1 notitle")
        }
        return elements
    }

    /// `length,angle` of an arrow head `points` long, as Cairo draws it (half-width 0.38 × length,
    /// about 21°); gnuplot measures a `screen` length as a fraction of the canvas width.
    func arrowHead(_ points: Double) -> String {
        "\(num(points / layout.width)),21"
    }

    /// gnuplot's point type for a marker shape.
    func pointType(_ marker: MarkerShape) -> Int {
        switch marker {
        case .circle: return 7
        case .square: return 5
        case .triangle: return 9
        case .diamond: return 13
        case .cross: return 2
        case .plus: return 1
        }
    }

    /// gnuplot's dash type for a line style: Cairo's dashes (in line widths w) in gnuplot's dash
    /// unit, which on the cairo terminals is a quarter of the line width, with butt caps. Cairo's
    /// dotted and dash-dot lines have round caps, so their dots are w long and their gaps shorter.
    func dashType(_ style: LineStyle) -> String {
        switch style {
        case .solid: return "1"
        case .dashed: return "(18,8.8)"  // 4.5 w on, 2.2 w off
        case .dotted: return "(4,4)"  // a dot of w every 2 w
        case .dashDot: return "(24,3.2,4,3.2)"  // 6 w, 0.8 w, w, 0.8 w
        }
    }

    /// Justification and character offset of a text annotation for its anchor.
    func labelPlacement(_ anchor: TextAnchor) -> (String, String) {
        switch anchor {
        case .center: return ("center", "0,0")
        case .left: return ("left", "0,0")
        case .right: return ("right", "0,0")
        case .top: return ("center", "0,-0.6")
        case .bottom: return ("center", "0,0.6")
        }
    }
}
