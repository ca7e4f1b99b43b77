import Foundation

/// Places one subplot's ticks, labels, title, colour bar and legend around a given plot area.
struct PanelDecorator<Measurer: TextMeasurer> {
    let panel: ResolvedPanel
    let plot: LayoutBox
    /// The grid cell the subplot must stay inside.
    let cell: LayoutBox
    let measurer: Measurer
    let fontSize: Double
    /// Keep an automatic legend outside (decided in an earlier layout pass).
    let forceOutside: Bool
    /// Where the panel's data lies, for placing the legend.
    let occupancy: OccupancyGrid
    let row: Int
    let column: Int
    /// Whether the figure is drawn fitted to a size (``Figure/scale`` ≠ 1): then category labels
    /// wider than their room, and legends that would hide data or rise above the plot, are set
    /// smaller. Figures at their own size keep their layout unchanged.
    var fitted = false

    /// The result: the panel layout, its texts, and the union of everything drawn.
    struct Result {
        var layout: PanelLayout
        var texts: [TextBox]
        /// Everything drawn, except labels running along x (whose length may exceed the plot's width).
        var horizontalExtent: LayoutBox
        /// Everything drawn, except labels running along y.
        var verticalExtent: LayoutBox
    }

    var xMap: AxisMap {
        AxisMap(scale: panel.axes.xScale, lower: panel.xLimits.lowerBound, upper: panel.xLimits.upperBound,
                start: plot.minX, end: plot.maxX)
    }

    var yMap: AxisMap {
        AxisMap(scale: panel.axes.yScale, lower: panel.yLimits.lowerBound, upper: panel.yLimits.upperBound,
                start: plot.maxY, end: plot.minY)
    }

    func make() throws -> Result {
        var texts: [TextBox] = []
        let tickSize = fontSize * Style.tickScale
        let axes = panel.axes

        // X ticks and labels.
        let (xTicks, xMinor) = try xTickSet(tickSize: tickSize)
        var xLabelTop = plot.maxY + Style.tickLength
        let xWrap = categoryWrapWidth()
        let xTickSize = try categoryTickSize(xTicks, tickSize: tickSize, wrapWidth: xWrap)
        for tick in xTicks {
            guard let px = xMap.position(tick.value) else { continue }
            let size = try measurer.measure(tick.label, size: xTickSize, wrapWidth: xWrap)
            let box = LayoutBox(x: px - size.width / 2, y: plot.maxY + Style.tickLength + Style.tickPad,
                                width: size.width, height: size.height)
            texts.append(TextBox(text: tick.label, box: box, role: .tickLabel, fontSize: xTickSize, rotated: false,
                                 wrapWidth: xWrap))
            xLabelTop = max(xLabelTop, box.maxY)
        }

        // Y ticks and labels.
        let (yTicks, yMinor) = try yTickSet(tickSize: tickSize)
        var yLabelRight = plot.minX - Style.tickLength
        for tick in yTicks {
            guard let py = yMap.position(tick.value) else { continue }
            let size = try measurer.measure(tick.label, size: tickSize, wrapWidth: nil)
            let box = LayoutBox(x: plot.minX - Style.tickLength - Style.tickPad - size.width, y: py - size.height / 2,
                                width: size.width, height: size.height)
            texts.append(TextBox(text: tick.label, box: box, role: .tickLabel, fontSize: tickSize, rotated: false,
                                 wrapWidth: nil))
            yLabelRight = min(yLabelRight, box.minX)
        }

        // Axis labels and titles wrap at the plot's length and slide inside the cell; they do not
        // widen the margins along their length (that would shrink the plot they are centred on).
        var alongX = Set<Int>(), alongY = Set<Int>()
        var labelBoxes: [PanelLayout.LabelKind: Int] = [:]
        if let label = axes.xLabel, !label.isEmpty {
            let wrap = min(max(plot.width, cell.width * 0.7), cell.width - 4)
            alongX.insert(texts.count)
            labelBoxes[.x] = texts.count
            let size = try measurer.measure(label, size: fontSize, wrapWidth: wrap)
            let x = clamp(plot.midX - size.width / 2, cell.minX, cell.maxX - size.width)
            texts.append(TextBox(text: label, box: LayoutBox(x: x, y: xLabelTop + Style.labelPad, width: size.width,
                                                             height: size.height),
                                 role: .axisLabel, fontSize: fontSize, rotated: false, wrapWidth: wrap))
        }
        if let label = axes.yLabel, !label.isEmpty {
            let wrap = min(max(plot.height, cell.height * 0.7), cell.height - 4)
            alongY.insert(texts.count)
            labelBoxes[.y] = texts.count
            let size = try measurer.measure(label, size: fontSize, wrapWidth: wrap)
            let y = clamp(plot.midY - size.width / 2, cell.minY, cell.maxY - size.width)
            texts.append(TextBox(text: label, box: LayoutBox(x: yLabelRight - Style.labelPad - size.height, y: y,
                                                             width: size.height, height: size.width),
                                 role: .axisLabel, fontSize: fontSize, rotated: true, wrapWidth: wrap))
        }
        if let title = axes.title, !title.isEmpty {
            let wrap = min(max(plot.width, cell.width * 0.7), cell.width - 4)
            alongX.insert(texts.count)
            labelBoxes[.title] = texts.count
            let titleSize = fontSize * Style.titleScale
            let size = try measurer.measure(title, size: titleSize, wrapWidth: wrap)
            let x = clamp(plot.midX - size.width / 2, cell.minX, cell.maxX - size.width)
            texts.append(TextBox(text: title, box: LayoutBox(x: x, y: plot.minY - Style.titlePad - size.height,
                                                             width: size.width, height: size.height),
                                 role: .title, fontSize: titleSize, rotated: false, wrapWidth: wrap))
        }

        // Colour bar.
        var rightEdge = plot.maxX
        var colorBarArea: LayoutBox? = nil
        var colorBarTicks: [Tick] = []
        if let heatMap = panel.colorBar {
            let bar = LayoutBox(x: plot.maxX + Style.colorBarGap, y: plot.minY, width: Style.colorBarWidth,
                                height: plot.height)
            colorBarArea = bar
            rightEdge = bar.maxX + Style.tickLength
            let range = heatMap.resolvedValueRange
            let barMap = AxisMap(scale: .linear, lower: range.lowerBound, upper: range.upperBound,
                                 start: bar.maxY, end: bar.minY)
            colorBarTicks = TickLocator.linear(lower: range.lowerBound, upper: range.upperBound,
                                               maxCount: clampInt(Int(bar.height / 40) + 1, 3, 8))
            var labelRight = rightEdge
            for tick in colorBarTicks {
                guard let py = barMap.position(tick.value) else { continue }
                let size = try measurer.measure(tick.label, size: tickSize, wrapWidth: nil)
                let box = LayoutBox(x: bar.maxX + Style.tickLength + Style.tickPad, y: py - size.height / 2,
                                    width: size.width, height: size.height)
                texts.append(TextBox(text: tick.label, box: box, role: .tickLabel, fontSize: tickSize, rotated: false,
                                     wrapWidth: nil))
                labelRight = max(labelRight, box.maxX)
            }
            rightEdge = labelRight
            if let label = heatMap.colorBarLabel, !label.isEmpty {
                let wrap = min(max(plot.height, cell.height * 0.7), cell.height - 4)
                alongY.insert(texts.count)
                labelBoxes[.colorBar] = texts.count
                let size = try measurer.measure(label, size: fontSize, wrapWidth: wrap)
                let y = clamp(bar.midY - size.width / 2, cell.minY, cell.maxY - size.width)
                let box = LayoutBox(x: rightEdge + Style.labelPad, y: y, width: size.height, height: size.width)
                texts.append(TextBox(text: label, box: box, role: .axisLabel, fontSize: fontSize, rotated: true,
                                     wrapWidth: wrap))
                rightEdge = box.maxX
            }
        }

        // Legend.
        var layout = PanelLayout(row: row, column: column, plotArea: plot, xLimits: panel.xLimits,
                                 yLimits: panel.yLimits, xTicks: xTicks, yTicks: yTicks, xMinorTicks: xMinor,
                                 yMinorTicks: yMinor, legendPlacement: nil, legendArea: nil,
                                 colorBarArea: colorBarArea, colorBarTicks: colorBarTicks, legendCoveredSamples: 0)
        layout.labelBoxes = labelBoxes.mapValues { texts[$0] }
        // A fitted figure's legend that would hide data, or run above the plot's top, is set
        // smaller (down to 70 %) when that clears it.
        let factors = fitted ? [1, 0.85, 0.7] : [1.0]
        for (k, factor) in factors.enumerated() {
            var trial = layout, trialTexts = texts
            try placeLegend(into: &trial, texts: &trialTexts, rightEdge: rightEdge, shrink: factor)
            if k == factors.count - 1 || legendIsClear(trial) {
                layout = trial
                texts = trialTexts
                break
            }
        }

        // An inside legend lies over the plot area and never widens the margins.
        let outsideLegend = layout.legendPlacement == .outsideRight ? layout.legendArea : nil
        var horizontal = plot, vertical = plot
        for (i, text) in texts.enumerated() where text.role != .legend || outsideLegend != nil {
            if !alongX.contains(i) { horizontal = union(horizontal, text.box) }
            if !alongY.contains(i) { vertical = union(vertical, text.box) }
        }
        for box in [colorBarArea, outsideLegend].compactMap({ $0 }) {
            horizontal = union(horizontal, box)
            vertical = union(vertical, box)
        }
        return Result(layout: layout, texts: texts, horizontalExtent: horizontal, verticalExtent: vertical)
    }

    /// Whether a placed legend hides no data and, outside, starts no higher than the plot's top.
    private func legendIsClear(_ layout: PanelLayout) -> Bool {
        guard let frame = layout.legendArea else { return true }
        if layout.legendPlacement == .outsideRight { return frame.minY >= plot.minY - 0.5 }
        return layout.legendCoveredSamples == 0
    }

    /// Sizes the legend with its text `shrink` times the legend size, picks its place (the
    /// emptiest corner for `.auto`), and adds its texts.
    private func placeLegend(into layout: inout PanelLayout, texts: inout [TextBox], rightEdge: Double,
                             shrink: Double) throws {
        let entries = panel.artists.indices.filter { i in
            if let label = panel.artists[i].artist.label, !label.isEmpty { return true }
            return false
        }
        guard panel.axes.legend != .none, !entries.isEmpty else { return }
        let size = fontSize * Style.legendScale * shrink
        layout.legendShrink = shrink
        let wrap = min(220, max(cell.width * 0.45 - 2 * Style.legendPad - Style.legendHandle - Style.legendHandleGap, 60))
        var rows: [(index: Int, text: String, width: Double, height: Double)] = []
        for i in entries {
            let text = panel.artists[i].artist.label ?? ""
            let measured = try measurer.measure(text, size: size, wrapWidth: wrap)
            rows.append((i, text, measured.width, max(measured.height, size)))
        }
        let width = 2 * Style.legendPad + Style.legendHandle + Style.legendHandleGap + (rows.map(\.width).max() ?? 0)
        let height = 2 * Style.legendPad + rows.map(\.height).reduce(0, +) + Style.legendRowGap * Double(rows.count - 1)

        func box(_ placement: LegendPlacement) -> LayoutBox {
            let unclamped = corner(placement)
            guard placement != .outsideRight else { return unclamped }
            return LayoutBox(x: max(unclamped.minX, plot.minX), y: max(unclamped.minY, plot.minY),
                             width: width, height: height)
        }
        func corner(_ placement: LegendPlacement) -> LayoutBox {
            let inset = Style.legendInset
            switch placement {
            case .upperLeft: return LayoutBox(x: plot.minX + inset, y: plot.minY + inset, width: width, height: height)
            case .lowerLeft:
                return LayoutBox(x: plot.minX + inset, y: plot.maxY - inset - height, width: width, height: height)
            case .lowerRight:
                return LayoutBox(x: plot.maxX - inset - width, y: plot.maxY - inset - height, width: width, height: height)
            case .outsideRight:
                // Level with the plot's top, raised when it would run past the cell's bottom.
                let y = max(min(plot.minY, cell.maxY - height), cell.minY)
                return LayoutBox(x: rightEdge + Style.outsideLegendGap, y: y, width: width, height: height)
            case .upperRight, .auto, .none:
                return LayoutBox(x: plot.maxX - inset - width, y: plot.minY + inset, width: width, height: height)
            }
        }

        var placement = panel.axes.legend
        // Inside when a corner is free of data; outside right when no corner is free and the legend
        // takes at most 30 % of the cell's width (always, if it does not fit inside and does outside).
        let insideFits = width <= plot.width - 2 * Style.legendInset && height <= plot.height - 2 * Style.legendInset
        // A legend larger than the plot area would cover all of it (and spill onto the ticks):
        // outside, then, up to 45 % of the cell.
        let outsideFits = width <= cell.width * (insideFits ? 0.3 : 0.45)
        // A corner the figure asked for that the legend cannot fit in: outside instead, if it fits there.
        if placement != .auto && placement != .outsideRight && placement != .none && !insideFits && outsideFits {
            placement = .outsideRight
        }
        if placement == .auto {
            if (forceOutside || !insideFits) && outsideFits {
                placement = .outsideRight
            } else {
                let corners: [LegendPlacement] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight]
                let counts = corners.map { occupancy.count(in: box($0), plot: plot) }
                let best = counts.indices.min { counts[$0] < counts[$1] }!
                placement = counts[best] > 0 && outsideFits ? .outsideRight : corners[best]
                // Too big for inside and for outside: the emptiest corner, kept within the plot area.
            }
        }
        let frame = box(placement)
        layout.legendPlacement = placement
        layout.legendArea = frame
        layout.legendCoveredSamples = placement == .outsideRight ? 0 : occupancy.count(in: frame, plot: plot)
        var y = frame.minY + Style.legendPad
        for row in rows {
            let handle = LayoutBox(x: frame.minX + Style.legendPad, y: y, width: Style.legendHandle, height: row.height)
            let textBox = LayoutBox(x: handle.maxX + Style.legendHandleGap, y: y, width: row.width, height: row.height)
            layout.legendEntries.append((row.index, handle))
            texts.append(TextBox(text: row.text, box: textBox, role: .legend, fontSize: size, rotated: false,
                                 wrapWidth: wrap))
            y += row.height + Style.legendRowGap
        }
    }

    /// The x ticks: explicit, categories, log decades, or nice linear steps that do not overlap.
    private func xTickSet(tickSize: Double) throws -> ([Tick], [Double]) {
        let limits = panel.xLimits
        if let explicit = panel.axes.xTicks {
            return (TickLocator.labels(for: explicit).filter { limits.contains($0.value) }, [])
        }
        if !panel.categories.isEmpty {
            let ticks = panel.categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
            return (ticks.filter { limits.contains($0.value) }, [])
        }
        var maxCount = clampInt(Int(plot.width / 55) + 1, 3, 10)
        while true {
            let ticks: [Tick]
            if panel.axes.xScale == .log {
                ticks = TickLocator.logMajor(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxCount)
            } else {
                ticks = TickLocator.linear(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxCount)
            }
            // Reject when neighbouring labels come closer than 6 pt.
            var overlapping = false
            var previousRight = -Double.infinity
            for tick in ticks {
                guard let px = xMap.position(tick.value) else { continue }
                let w = try measurer.measure(tick.label, size: tickSize, wrapWidth: nil).width
                if px - w / 2 < previousRight + 6 { overlapping = true; break }
                previousRight = px + w / 2
            }
            if !overlapping || maxCount <= 2 {
                let minor = panel.axes.xScale == .log
                    ? TickLocator.logMinor(lower: limits.lowerBound, upper: limits.upperBound) : []
                return (ticks, minor)
            }
            maxCount -= 1
        }
    }

    /// The y ticks: explicit, log decades, or nice linear steps that do not overlap.
    private func yTickSet(tickSize: Double) throws -> ([Tick], [Double]) {
        let limits = panel.yLimits
        if let explicit = panel.axes.yTicks {
            return (TickLocator.labels(for: explicit).filter { limits.contains($0.value) }, [])
        }
        var maxCount = clampInt(Int(plot.height / 32) + 1, 3, 10)
        let lineHeight = try measurer.measure("0", size: tickSize, wrapWidth: nil).height
        while true {
            let ticks: [Tick]
            if panel.axes.yScale == .log {
                ticks = TickLocator.logMajor(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxCount)
            } else {
                ticks = TickLocator.linear(lower: limits.lowerBound, upper: limits.upperBound, maxCount: maxCount)
            }
            let positions = ticks.compactMap { yMap.position($0.value) }
            let tooClose = zip(positions, positions.dropFirst()).contains { abs($0 - $1) < lineHeight * 1.3 }
            if !tooClose || maxCount <= 2 {
                let minor = panel.axes.yScale == .log
                    ? TickLocator.logMinor(lower: limits.lowerBound, upper: limits.upperBound) : []
                return (ticks, minor)
            }
            maxCount -= 1
        }
    }

    /// The size of the x tick labels: `tickSize`, or for category labels of a fitted figure that
    /// stay wider than `wrapWidth` however they are wrapped, the largest of 90 %, 80 % and 70 % of
    /// it at which they all fit (70 % when none does).
    private func categoryTickSize(_ ticks: [Tick], tickSize: Double, wrapWidth: Double?) throws -> Double {
        guard fitted, let wrapWidth, !panel.categories.isEmpty else { return tickSize }
        for factor in [1, 0.9, 0.8] {
            let size = tickSize * factor
            let widest = try ticks.map { try measurer.measure($0.label, size: size, wrapWidth: wrapWidth).width }.max() ?? 0
            if widest <= wrapWidth { return size }
        }
        return tickSize * 0.7
    }

    /// Category labels wrap at 95 % of the category spacing.
    private func categoryWrapWidth() -> Double? {
        guard !panel.categories.isEmpty, let a = xMap.position(0), let b = xMap.position(1) else { return nil }
        return max(abs(b - a) * 0.95, 12)
    }
}

/// `value` limited to `low...high` (`low` wins when the range is empty).
func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
    max(low, min(value, high))
}

/// `value` limited to `low...high`.
func clampInt(_ value: Int, _ low: Int, _ high: Int) -> Int {
    max(low, min(value, high))
}

/// The smallest box holding both.
func union(_ a: LayoutBox, _ b: LayoutBox) -> LayoutBox {
    let minX = min(a.minX, b.minX), minY = min(a.minY, b.minY)
    return LayoutBox(x: minX, y: minY, width: max(a.maxX, b.maxX) - minX, height: max(a.maxY, b.maxY) - minY)
}
