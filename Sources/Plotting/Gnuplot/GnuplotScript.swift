import Foundation

/// Builds a gnuplot script (and its data tables) reproducing a laid-out figure.
///
/// Every panel is one `multiplot` cell with the Cairo layout's plot area, ranges, ticks (major and
/// minor; none when the layout has none), label positions, colour bar and legend frame, and artists
/// in Cairo's drawing order (shapes are plot elements, so they can lie over a heat map), so both
/// backends show the same figure. Approximations: text wraps by character count into as many lines
/// as Pango used; gnuplot sizes its legend box from character counts, adjusted to the layout's
/// frame; histograms show every bin's outline; arrow heads are gnuplot's, sized like Cairo's.
struct GnuplotScript {
    let figure: Figure
    let layout: FigureLayout
    let panels: [ResolvedPanel]
    /// The figure's file name without directory or extension.
    let name: String

    /// How a text is written for the current terminal.
    enum TextMode {
        /// gnuplot enhanced text (pngcairo, pdfcairo, svg).
        case enhanced
        /// LaTeX (cairolatex).
        case latex
    }

    /// The data tables every format's plot commands read.
    func tables() -> [GnuplotTable] {
        var tables: [GnuplotTable] = []
        for (p, panel) in panels.enumerated() {
            let limits = layout.panels[p]
            for (a, r) in panel.artists.enumerated() {
                let file = dataFileName(panel: p, artist: a)
                switch r.artist {
                case .line(let x): tables.append(GnuplotTable(fileName: file, columns: [x.x, x.y]))
                case .scatter(let x): tables.append(GnuplotTable(fileName: file, columns: [x.x, x.y]))
                case .band(let x): tables.append(GnuplotTable(fileName: file, columns: [x.x, x.lower, x.upper]))
                case .histogram, .bars:
                    tables.append(GnuplotTable(fileName: file, columns: [
                        r.rects.map { ($0.x0 + $0.x1) / 2 }, r.rects.map(\.y1), r.rects.map { $0.x1 - $0.x0 },
                        r.rects.map { $0.error ?? 0 },
                    ]))
                    if case .histogram = r.artist, let first = r.rects.first, let last = r.rects.last {
                        // Cairo's outline: up from the baseline, along the bin tops, back down.
                        let base = panel.axes.yScale == .log ? limits.yLimits.lowerBound : 0
                        let xs = [first.x0] + r.rects.flatMap { [$0.x0, $0.x1] } + [last.x1]
                        let ys = [base] + r.rects.flatMap { [$0.y1, $0.y1] } + [base]
                        tables.append(GnuplotTable(fileName: outlineFileName(panel: p, artist: a), columns: [xs, ys]))
                    }
                case .heatMap(let h):
                    let rows = h.values.count, cols = h.values[0].count
                    let dx = (h.xRange.upperBound - h.xRange.lowerBound) / Double(cols)
                    let dy = (h.yRange.upperBound - h.yRange.lowerBound) / Double(rows)
                    var xs: [Double] = [], ys: [Double] = [], zs: [Double] = []
                    for row in 0..<rows {
                        for col in 0..<cols {
                            xs.append(h.xRange.lowerBound + (Double(col) + 0.5) * dx)
                            ys.append(h.yRange.lowerBound + (Double(row) + 0.5) * dy)
                            zs.append(h.values[row][col])
                        }
                    }
                    tables.append(GnuplotTable(fileName: file, columns: [xs, ys, zs], block: cols))
                case .quiver(let q):
                    let s = q.resolvedScale
                    tables.append(GnuplotTable(fileName: file, columns: [q.x, q.y, q.u.map { $0 * s }, q.v.map { $0 * s }]))
                case .referenceLine(let l):
                    let columns: [[Double]] = l.orientation == .horizontal
                        ? [[limits.xLimits.lowerBound, limits.xLimits.upperBound], [l.value, l.value]]
                        : [[l.value, l.value], [limits.yLimits.lowerBound, limits.yLimits.upperBound]]
                    tables.append(GnuplotTable(fileName: file, columns: columns))
                case .polygon(let x):
                    // Closed: the first vertex again at the end, so the outline is drawn all round.
                    let n = min(x.x.count, x.y.count)
                    guard n > 0 else { continue }
                    tables.append(GnuplotTable(fileName: file, columns: [Array(x.x.prefix(n)) + [x.x[0]],
                                                                         Array(x.y.prefix(n)) + [x.y[0]]]))
                case .circle(let x):
                    let outline = Self.circleOutline(x, xScale: panel.axes.xScale, yScale: panel.axes.yScale)
                    tables.append(GnuplotTable(fileName: file, columns: [outline.x, outline.y]))
                case .text, .arrow:
                    continue
                }
            }
        }
        return tables
    }

    /// Points around a circle (closed), as Cairo draws it: an ellipse whose radii are the radius
    /// mapped through each axis (on a log axis, the ratio `(c + r) / c` on both sides of `c`).
    static func circleOutline(_ circle: Circle, xScale: AxisScale, yScale: AxisScale,
                              segments: Int = 96) -> (x: [Double], y: [Double]) {
        func along(_ center: Double, _ scale: AxisScale, _ t: Double) -> Double {
            switch scale {
            case .linear: return center + circle.radius * t
            case .log:
                guard center > 0, center + circle.radius > 0 else { return .nan }
                return center * pow((center + circle.radius) / center, t)
            }
        }
        var xs: [Double] = [], ys: [Double] = []
        for k in 0...segments {
            let angle = 2 * Double.pi * Double(k % segments) / Double(segments)
            xs.append(along(circle.centerX, xScale, cos(angle)))
            ys.append(along(circle.centerY, yScale, sin(angle)))
        }
        return (xs, ys)
    }

    /// `name.<panel>-<artist>-outline.dat`: a histogram's step outline.
    func outlineFileName(panel: Int, artist: Int) -> String {
        "\(name).\(panel + 1)-\(artist + 1)-outline.dat"
    }

    /// `name.<panel>-<artist>.dat`, numbered from 1.
    func dataFileName(panel: Int, artist: Int) -> String {
        "\(name).\(panel + 1)-\(artist + 1).dat"
    }

    /// The script: one terminal block per format, each drawing the whole multiplot.
    /// `outputs` maps each format to the output file name it must write.
    func text(outputs: [(ImageFormat, String)], pngScale: Double) -> String {
        var s = """
        # gnuplot script written by the Plotting module (Learning from Demonstrations course kit).
        # Run it in this directory: gnuplot \(name).gp
        # It reads the data files \(name).*.dat and writes: \(outputs.map(\.1).joined(separator: ", ")).
        set encoding utf8

        """
        let font = figure.fontFamily
        for (format, output) in outputs {
            // The drawn size and the factor text, lines and points grow by (1 unless fitted to a size).
            let k = figure.scale, w = figure.width * k, h = figure.height * k
            switch format {
            case .png:
                // pngcairo draws lines at 72 px per inch and text at 96.
                let lines = 100 * pngScale / 72 * k, text = 100 * pngScale / 96 * k
                s += "set terminal pngcairo size \(Int((w * 100 * pngScale).rounded())),\(Int((h * 100 * pngScale).rounded())) "
                s += "enhanced font '\(font),\(num(figure.fontSize))' fontscale \(num(text)) linewidth \(num(lines)) background '#ffffff'\n"
            case .pdf:
                s += "set terminal pdfcairo size \(num(w))in,\(num(h))in enhanced font '\(font),\(num(figure.fontSize))' fontscale \(num(0.75 * k)) linewidth \(num(2 * k))\n"
            case .svg:
                s += "set terminal svg size \(Int(w * 72)),\(Int(h * 72)) enhanced font '\(font),\(num(figure.fontSize))'\(k == 1 ? "" : " fontscale \(num(k))") linewidth \(num(k)) background '#ffffff'\n"
            case .tex:
                // The font only sets gnuplot's character cell (key box, points), as pdfcairo's; LaTeX sets the text.
                s += "set terminal cairolatex pdf size \(num(w))in,\(num(h))in font ',\(num(figure.fontSize))' fontscale \(num(0.75 * k)) linewidth \(num(2 * k))\n"
            }
            s += "psf = \(num((format == .svg ? 0.5 : 1) * k))  # point-size factor of this terminal\n"
            s += "set output '\(output)'\n"
            s += body(mode: format == .tex ? .latex : .enhanced)
            s += "unset output\n\n"
        }
        return s
    }

    /// The multiplot for one terminal.
    private func body(mode: TextMode) -> String {
        var s = "reset\n"
        s += "set multiplot\n"
        for (p, panel) in panels.enumerated() {
            s += panelCommands(p, panel, layout.panels[p], mode: mode)
        }
        if let title = figure.title, let box = layout.textBoxes.first(where: { $0.role == .figureTitle }) {
            s += "\n# Figure title\nreset\nunset border\nunset tics\nunset key\nunset colorbox\n"
            s += "set xrange [0:1]\nset yrange [0:1]\n"
            // In as many lines as the layout measured it in (a long title wraps, as Pango wraps it).
            let lines = max(1, Int((box.box.height / (figure.fontSize * Style.figureTitleScale * 1.17)).rounded()))
            let wrap = lines > 1 ? Self.balancedWidth(title, lines: lines) : nil
            s += "set label 1 \(quote(title, mode, wrapAt: wrap, size: figure.fontSize * Style.figureTitleScale)) at screen 0.5, screen \(num(1 - box.box.midY / layout.height)) center "
            s += "font ',\(num(figure.fontSize * Style.figureTitleScale))'\n"
            s += "plot NaN notitle\n"
        }
        s += "unset multiplot\n"
        return s
    }

    private func panelCommands(_ p: Int, _ panel: ResolvedPanel, _ place: PanelLayout, mode: TextMode) -> String {
        let axes = panel.axes
        let tickFont = num(figure.fontSize * Style.tickScale)
        var s = "\n# Subplot (\(place.row), \(place.column))\n"
        s += "reset\nunset object\nunset label\nunset arrow\nunset title\n"
        s += axes.showsSpines ? "set border 3 lw 0.8 lc rgb '#262626'\n" : "unset border\n"
        s += "set tics nomirror out scale 0.6 textcolor rgb '#262626' font ',\(tickFont)'\n"
        s += "set xrange [\(num(place.xLimits.lowerBound)):\(num(place.xLimits.upperBound))]\n"
        s += "set yrange [\(num(place.yLimits.lowerBound)):\(num(place.yLimits.upperBound))]\n"
        if axes.xScale == .log { s += "set logscale x 10\n" }
        if axes.yScale == .log { s += "set logscale y 10\n" }
        let wrap = categoryWrap(panel, place)
        // Minor ticks as unlabelled level-1 entries: gnuplot draws none of its own beside a tick list.
        s += ticsCommand("x", place.xTicks.map { "\(quote($0.label, mode, wrapAt: mode == .latex ? latexWrap($0.label) : wrap, size: xTickSize($0.label), hanging: true)) \(num($0.value))" }
            + place.xMinorTicks.map { "\"\" \(num($0)) 1" })
        s += ticsCommand("y", place.yTicks.map { "\(quote($0.label, mode, size: figure.fontSize * Style.tickScale)) \(num($0.value))" }
            + place.yMinorTicks.map { "\"\" \(num($0)) 1" })
        var labelIndex = 1
        // Axis labels and titles go exactly where the Cairo layout put them.
        for kind in [PanelLayout.LabelKind.x, .y, .title, .colorBar] {
            guard let text = place.labelBoxes[kind] else { continue }
            s += "set label \(labelIndex) \(screenLabel(text, mode: mode))\n"
            labelIndex += 1
        }
        // `lt 1`: without it gnuplot keeps its grid line type 0, which is dotted whatever the dash type.
        if axes.grid { s += "set grid xtics ytics lt 1 lc rgb '#E3E3E3' lw 0.6 dt solid\n" }
        // The plot area of the Cairo layout, so gnuplot leaves the same room for every label.
        let area = place.plotArea
        s += "set lmargin at screen \(num(area.minX / layout.width))\n"
        s += "set rmargin at screen \(num(area.maxX / layout.width))\n"
        s += "set tmargin at screen \(num(1 - area.minY / layout.height))\n"
        s += "set bmargin at screen \(num(1 - area.maxY / layout.height))\n"
        s += "set style fill solid 1.0 noborder\n"
        s += keyCommand(panel, place, mode: mode)

        if let heatMap = panel.colorBar {
            let stops = heatMap.colorMap.stops
            s += "set palette defined (" + stops.enumerated().map { "\(num(Double($0.offset) / Double(stops.count - 1))) '\($0.element.hexString)'" }
                .joined(separator: ", ") + ")\n"
            let range = heatMap.resolvedValueRange
            s += "set cbrange [\(num(range.lowerBound)):\(num(range.upperBound))]\n"
            s += ticsCommand("cb", place.colorBarTicks.map { "\(quote($0.label, mode, size: figure.fontSize * Style.tickScale)) \(num($0.value))" })
            if let bar = place.colorBarArea {
                // Where the Cairo layout put the colour bar, so its label keeps its distance.
                s += "set colorbox vertical user origin screen \(num(bar.minX / layout.width)), screen \(num(1 - bar.maxY / layout.height)) "
                s += "size screen \(num(bar.width / layout.width)), screen \(num(bar.height / layout.height))\n"
            } else {
                s += "set colorbox vertical\n"
            }
            s += "set border 15 lw 0.8 lc rgb '#262626'\n"
        } else {
            s += "unset colorbox\n"
        }

        var plots: [String] = []
        var readsData = false
        // Cairo's order: bands and heat maps first, then every other artist in the order it was
        // added. Shapes are plot elements (not gnuplot objects, which only go behind or in front
        // of all plots), so a wall added after a heat map is drawn over it.
        let order = panel.artists.indices.filter { panel.artists[$0].isBackground }
            + panel.artists.indices.filter { !panel.artists[$0].isBackground }
        // gnuplot lists the key in plot order, Cairo in the order artists were added: a labelled
        // background artist is plotted untitled, and a key entry takes its place in the list.
        var backgroundKeys: [(artist: Int, entry: String)] = []
        for a in order {
            let r = panel.artists[a]
            let file = "'\(dataFileName(panel: p, artist: a))'"
            let color = "lc \(rgb(r.color))"
            // In LaTeX the legend is drawn from the layout (latexLegend), not by gnuplot's key.
            let title = mode == .latex ? nil : keyTitle(panel, place, artist: a, mode: mode)
            var key = title.map { "title \($0)" } ?? "notitle"
            if r.isBackground, let title {
                key = "notitle"
                if case .band(let x) = r.artist {
                    backgroundKeys.append((a, keyEntry(title, fill: r.color.withAlpha(r.color.alpha * x.opacity), stroke: nil)))
                }
            }
            if !r.isBackground {
                plots += backgroundKeys.filter { $0.artist < a }.map(\.entry)
                backgroundKeys.removeAll { $0.artist < a }
            }
            let before = plots.count
            switch r.artist {
            case .line(let x):
                let style = x.marker.map { "linespoints pt \(pointType($0)) ps \(num(max(4, x.width * 3) / 3.5))*psf" } ?? "lines"
                plots.append("\(file) using 1:2 with \(style) \(color) lw \(num(x.width)) dt \(dashType(x.style)) \(key)")
            case .scatter(let x):
                plots.append("\(file) using 1:2 with points pt \(pointType(x.marker)) ps \(num(x.size / 3.5))*psf "
                    + "lc \(rgb(r.color, opacity: x.opacity)) \(key)")
            case .band(let x):
                plots.append("\(file) using 1:2:3 with filledcurves \(fillStyle(opacity: x.opacity * r.color.alpha)) noborder "
                    + "lc \(rgb(r.color.withAlpha(1))) \(key)")
            case .histogram(let x):
                // Filled bins without borders, then one step outline (as Cairo draws it); the key
                // gets a swatch with both.
                let fill = r.color.withAlpha(r.color.alpha * x.opacity)
                plots.append("\(file) using 1:2:3 with boxes \(fillStyle(opacity: fill.alpha)) noborder "
                    + "lc \(rgb(r.color.withAlpha(1))) notitle")
                if let title { plots.append(keyEntry(title, fill: fill, stroke: r.color)) }
                plots.append("'\(outlineFileName(panel: p, artist: a))' using 1:2 with lines \(color) lw 1.1 dt 1 notitle")
            case .bars(let x):
                plots.append("\(file) using 1:2:3 with boxes \(fillStyle(opacity: r.color.alpha)) noborder "
                    + "lc \(rgb(r.color.withAlpha(1))) \(key)")
                if x.errors != nil {
                    // Error bars as plain vectors (gnuplot's errorbar styles also draw a point).
                    let ink = "nohead lc rgb '#262626' lw 1 notitle"
                    plots.append("\(file) using 1:($2-$4):(0):(2*$4) with vectors \(ink)")
                    plots.append("\(file) using ($1-$3/8):($2+$4):($3/4):(0) with vectors \(ink)")
                    plots.append("\(file) using ($1-$3/8):($2-$4):($3/4):(0) with vectors \(ink)")
                }
            case .heatMap:
                plots.append("\(file) using 1:2:3 with image notitle")
            case .quiver:
                plots.append("\(file) using 1:2:3:4 with vectors head filled size screen \(arrowHead(4.5)) \(color) lw 0.9 \(key)")
            case .referenceLine(let x):
                plots.append("\(file) using 1:2 with lines \(color) lw \(num(x.width)) dt \(dashType(x.style)) \(key)")
            case .polygon(let x):
                guard min(x.x.count, x.y.count) > 0 else { continue }
                plots += shapeElements(file, fill: x.fill, stroke: x.stroke, width: x.lineWidth)
                if let title { plots.append(keyEntry(title, fill: x.fill, stroke: x.stroke)) }
            case .circle(let x):
                plots += shapeElements(file, fill: x.fill, stroke: x.stroke, width: x.lineWidth)
                if let title { plots.append(keyEntry(title, fill: x.fill, stroke: x.stroke)) }
            case .text(let x):
                let (justify, offset) = labelPlacement(x.anchor)
                s += "set label \(labelIndex) \(quote(x.text, mode, size: x.size ?? figure.fontSize * Style.annotationScale)) at \(num(x.x)),\(num(x.y)) \(justify) offset \(offset) "
                s += "tc \(rgb(x.color)) font ',\(num(x.size ?? figure.fontSize * Style.annotationScale))' front\n"
                labelIndex += 1
            case .arrow(let x):
                s += "set arrow from \(num(x.fromX)),\(num(x.fromY)) to \(num(x.toX)),\(num(x.toY)) head filled size screen \(arrowHead(7)) "
                s += "lc \(rgb(x.color)) lw \(num(x.width)) front\n"
                if let label = x.label {
                    let right = x.fromX >= x.toX
                    s += "set label \(labelIndex) \(quote(label, mode, size: figure.fontSize * Style.annotationScale)) at \(num(x.fromX)),\(num(x.fromY)) "
                    s += "\(right ? "left offset 0.4,0" : "right offset -0.4,0") tc \(rgb(x.color)) "
                    s += "font ',\(num(figure.fontSize * Style.annotationScale))' front\n"
                    labelIndex += 1
                }
            }
            readsData = readsData || plots[before...].contains { $0.hasPrefix("'") }
        }
        plots += backgroundKeys.map(\.entry)
        // gnuplot 5.4 stops on an assertion (uses_axis[SECOND_X_AXIS]) when a plot has nothing
        // but `keyentry` elements, and a plot command needs at least one element: an invisible
        // series over the panel's fixed ranges comes first.
        if !readsData { plots.insert("NaN notitle", at: 0) }
        s += "plot " + plots.joined(separator: ", \\\n     ") + "\n"
        return s
    }

    /// Where a LaTeX tick label breaks: in as many lines as the layout measured it in
    /// (``LaTeXMeasurer`` breaks a label wider than its room by ``balancedWidth(_:lines:)``).
    private func latexWrap(_ label: String) -> Int? {
        guard let box = layout.textBoxes.first(where: { $0.role == .tickLabel && $0.text == label }) else { return nil }
        let lines = Int((box.box.height / (box.fontSize * 1.17)).rounded())
        return lines > 1 ? Self.balancedWidth(label, lines: lines) : nil
    }

    /// The size the layout gave an x tick label (category labels of a fitted figure may be smaller).
    private func xTickSize(_ label: String) -> Double {
        layout.textBoxes.first(where: { $0.role == .tickLabel && $0.text == label })?.fontSize ?? figure.fontSize * Style.tickScale
    }

    /// `set <axis>tics ("label" value, …)`, or `unset <axis>tics` (and its minor tics) when the
    /// layout has no ticks there: gnuplot reads an empty list `set xtics ()` as "default ticks".
    private func ticsCommand(_ axis: String, _ ticks: [String]) -> String {
        guard !ticks.isEmpty else { return "unset \(axis)tics\nunset m\(axis)tics\n" }
        return "set \(axis)tics (" + ticks.joined(separator: ", ") + ")\n"
    }

    /// `"text" at screen x, screen y center …` for a text box of the layout (multi-line when Pango wrapped it).
    private func screenLabel(_ text: TextBox, mode: TextMode) -> String {
        let lineHeight = text.fontSize * 1.17
        let lines = max(1, Int(((text.rotated ? text.box.width : text.box.height) / lineHeight).rounded()))
        let wrap = lines > 1 ? Self.balancedWidth(text.text, lines: lines) : nil
        let x = text.box.midX / layout.width, y = 1 - text.box.midY / layout.height
        return "\(quote(text.text, mode, wrapAt: wrap, size: text.fontSize)) at screen \(num(x)), screen \(num(y)) center"
            + (text.rotated ? " rotate by 90" : "") + " font ',\(num(text.fontSize))' front"
    }

    /// A double-quoted gnuplot string of a label in the terminal's text mode; `lines` > 1 breaks
    /// the label into lines of about equal length (gnuplot does not wrap).
    ///
    /// In LaTeX the text carries its size (`size` layout points times the figure's scale), since
    /// cairolatex leaves every label at the document's font size otherwise.
    ///
    /// Lines of LaTeX are a tabular centred on the label's position, or with `hanging` (x tick
    /// labels) one whose first line sits where a one-line label would and the rest below it.
    func quote(_ label: String, _ mode: TextMode, wrapAt characters: Int? = nil, size: Double? = nil, alignLeft: Bool = false,
               hanging: Bool = false) -> String {
        let lines = characters.map { Self.wrap(label, characters: $0) } ?? [label]
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        switch mode {
        case .enhanced:
            return "\"" + lines.map { escaped(Markup.gnuplotEnhanced($0)) }.joined(separator: "\\n") + "\""
        case .latex:
            var body = Markup.latex(label)
            if lines.count > 1 {
                body = "\\begin{tabular}\(hanging ? "[t]" : ""){@{}\(alignLeft ? "l" : "c")@{}}"
                    + lines.map(Markup.latex).joined(separator: "\\\\") + "\\end{tabular}"
                // No height or depth: gnuplot's strut alone decides where the first line goes.
                if hanging { body = "\\raisebox{0pt}[0pt][0pt]{" + body + "}" }
            }
            return "\"" + escaped(LaTeXMeasurer.sized(body, points: (size ?? figure.fontSize) * figure.scale)) + "\""
        }
    }

    /// The narrowest line width (in characters) at which ``wrap(_:characters:)`` breaks `text`
    /// into at most `lines` lines, so a label Pango wrapped in two lines gets two here as well.
    static func balancedWidth(_ text: String, lines: Int) -> Int {
        var width = max(Int((Double(text.count) / Double(max(lines, 1))).rounded(.up)), 1)
        while width < text.count && wrap(text, characters: width).count > lines { width += 1 }
        return width
    }

    /// Greedy word wrap at about `characters` characters per line.
    static func wrap(_ text: String, characters: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > characters {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [text] : lines
    }

    /// Characters per line for category labels: the category spacing at about 0.55 em per character.
    private func categoryWrap(_ panel: ResolvedPanel, _ place: PanelLayout) -> Int? {
        guard !panel.categories.isEmpty else { return nil }
        let spacing = place.plotArea.width / max(place.xLimits.upperBound - place.xLimits.lowerBound, 1e-9)
        return max(Int(spacing * 0.95 / (figure.fontSize * Style.tickScale * 0.55)), 4)
    }

    /// A number gnuplot reads back exactly.
    func num(_ value: Double) -> String {
        guard value.isFinite else { return "NaN" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
