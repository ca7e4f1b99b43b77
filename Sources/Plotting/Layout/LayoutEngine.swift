/// Computes a ``FigureLayout``: the figure title on top, then a grid of cells whose margins grow
/// until every tick label, axis label, title, colour bar and outside legend fits inside its cell.
/// Margins are shared along grid rows and columns so that subplots line up.
struct LayoutEngine<Measurer: TextMeasurer> {
    let figure: Figure
    let measurer: Measurer

    /// The laid-out figure, plus the resolved panels the renderers draw from.
    struct Output {
        var layout: FigureLayout
        var panels: [ResolvedPanel]
    }

    func run() throws -> FigureLayout {
        try runWithPanels().layout
    }

    func runWithPanels() throws -> Output {
        let width = figure.width * 72, height = figure.height * 72
        var texts: [TextBox] = []
        var top = Style.outerPad
        if let title = figure.title, !title.isEmpty {
            let size = figure.fontSize * Style.figureTitleScale
            let wrap = width - 2 * Style.outerPad
            let measured = try measurer.measure(title, size: size, wrapWidth: wrap)
            texts.append(TextBox(text: title, box: LayoutBox(x: (width - measured.width) / 2, y: top,
                                                             width: measured.width, height: measured.height),
                                 role: .figureTitle, fontSize: size, rotated: false, wrapWidth: wrap))
            top += measured.height + Style.titlePad
        }
        let grid = LayoutBox(x: Style.outerPad, y: top, width: width - 2 * Style.outerPad,
                             height: height - top - Style.outerPad)
        let rows = figure.rows, columns = figure.columns
        let cellWidth = grid.width / Double(columns), cellHeight = grid.height / Double(rows)
        func cell(_ r: Int, _ c: Int) -> LayoutBox {
            LayoutBox(x: grid.minX + Double(c) * cellWidth, y: grid.minY + Double(r) * cellHeight,
                      width: cellWidth, height: cellHeight)
        }
        var panels = try figure.panels.map { try ResolvedPanel($0) }
        var raised = [Bool](repeating: false, count: panels.count)
        var occupancy = panels.map { OccupancyGrid(panel: $0) }

        var left = [Double](repeating: 45, count: columns), right = [Double](repeating: 10, count: columns)
        var upper = [Double](repeating: 10, count: rows), lower = [Double](repeating: 35, count: rows)
        var forceOutside = [Bool](repeating: false, count: panels.count)
        var results: [PanelDecorator<Measurer>.Result] = []

        func plotBox(_ r: Int, _ c: Int) -> LayoutBox {
            let box = cell(r, c)
            return LayoutBox(x: box.minX + left[c], y: box.minY + upper[r],
                             width: max(box.width - left[c] - right[c], 1), height: max(box.height - upper[r] - lower[r], 1))
        }
        func decorate(_ i: Int, plot: LayoutBox) throws -> PanelDecorator<Measurer>.Result {
            let r = i / columns, c = i % columns
            return try PanelDecorator(panel: panels[i], plot: plot, cell: cell(r, c), measurer: measurer,
                                      fontSize: figure.fontSize, forceOutside: forceOutside[i], occupancy: occupancy[i], row: r,
                                      column: c, fitted: figure.scale != 1).make()
        }

        for _ in 0..<8 {
            results = []
            var needLeft = [Double](repeating: 0, count: columns), needRight = needLeft
            var needUpper = [Double](repeating: 0, count: rows), needLower = needUpper
            for i in panels.indices {
                let r = i / columns, c = i % columns
                let plot = plotBox(r, c)
                let result = try decorate(i, plot: plot)
                if panels[i].axes.legend == .auto && result.layout.legendPlacement == .outsideRight {
                    forceOutside[i] = true
                }
                // A legend that covers data even in its best corner: raise automatic y limits once
                // so the legend finds room above the data, then lay out again.
                if !raised[i], result.layout.legendCoveredSamples > 0, panels[i].axes.yLimits == nil,
                   panels[i].axes.legend == .auto, let legend = result.layout.legendArea {
                    raised[i] = true
                    panels[i].raiseTop(by: (legend.height + 2 * Style.legendInset) / plot.height)
                    occupancy[i] = OccupancyGrid(panel: panels[i])
                }
                results.append(result)
                let h = result.horizontalExtent, v = result.verticalExtent
                needLeft[c] = max(needLeft[c], plot.minX - h.minX)
                needRight[c] = max(needRight[c], h.maxX - plot.maxX)
                needUpper[r] = max(needUpper[r], plot.minY - v.minY)
                needLower[r] = max(needLower[r], v.maxY - plot.maxY)
            }
            let pad = 4.0
            let newLeft = needLeft.map { $0 + pad }, newRight = needRight.map { $0 + pad }
            let newUpper = needUpper.map { $0 + pad }, newLower = needLower.map { $0 + pad }
            let change = zip(left + right + upper + lower, newLeft + newRight + newUpper + newLower)
                .map { abs($0 - $1) }.max() ?? 0
            left = newLeft; right = newRight; upper = newUpper; lower = newLower
            if change < 0.25 { break }
        }

        // Final pass with the converged margins, honouring equal aspect ratios.
        results = []
        for i in panels.indices {
            let r = i / columns, c = i % columns
            var plot = plotBox(r, c)
            guard plot.width >= 20, plot.height >= 20 else {
                throw PlottingError.invalidSetting(
                    "figure \(figure.width)×\(figure.height) in is too small for the labels of subplot (\(r), \(c)): "
                    + "only \(Int(plot.width))×\(Int(plot.height)) pt left for plotting")
            }
            if panels[i].axes.aspect == .equal {
                plot = equalAspect(plot, panel: panels[i])
            }
            results.append(try decorate(i, plot: plot))
        }
        let layout = FigureLayout(width: width, height: height, panels: results.map(\.layout),
                                  textBoxes: texts + results.flatMap(\.texts))
        return Output(layout: layout, panels: panels)
    }

    /// Shrinks `plot` (keeping it centred) so one x unit is as long as one y unit.
    private func equalAspect(_ plot: LayoutBox, panel: ResolvedPanel) -> LayoutBox {
        guard panel.axes.xScale == .linear, panel.axes.yScale == .linear else { return plot }
        let dx = panel.xLimits.upperBound - panel.xLimits.lowerBound
        let dy = panel.yLimits.upperBound - panel.yLimits.lowerBound
        let scale = min(plot.width / dx, plot.height / dy)
        let w = dx * scale, h = dy * scale
        return LayoutBox(x: plot.midX - w / 2, y: plot.midY - h / 2, width: w, height: h)
    }
}
