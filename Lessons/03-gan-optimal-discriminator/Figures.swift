// The lesson's figures, each built from an experiment's result.
import Algorithms
import Environments
import Foundation
import Plotting
import Numerics

/// p_{data}, p_G (top) and D*, trained D (bottom) for each case, sharing x. `small`: for a slide or
/// a column, no legends (the caption names every line) and the largest error in the panel's title.
func discriminatorFigure(_ fits: [DiscriminatorFit], small: Bool = false) -> Figure {
    var figure = Figure(width: 10, height: 6.4, rows: 2, columns: fits.count)
    figure.title = "A trained discriminator D against the optimum D* = p_{data} / (p_{data} + p_G)"
    let ticks = [-4.0, -2, 0, 2, 4]
    for (column, fit) in fits.enumerated() {
        var densities = Axes()
        densities.line(x: fit.x, y: fit.pData, label: "p_{data}", color: .blue, width: 2)
        densities.line(x: fit.x, y: fit.pG, label: "p_G", color: .vermillion, width: 2)
        densities.horizontalLine(y: supportThreshold, label: "support: p_{data} + p_G ≥ \(supportThreshold)",
                                 color: .gray, style: .dotted, width: 1)
        densities.title = fit.name.replacingOccurrences(of: "p_data", with: "p_{data}")
        densities.yLabel = "density p(x)"
        densities.xLimits = fit.x.first!...fit.x.last!
        densities.xTicks = ticks
        densities.yLimits = 0...(max(fit.pData.max()!, fit.pG.max()!) * 1.45)
        densities.legend = column == 0 && !small ? .upperLeft : .none
        figure[0, column] = densities

        var d = Axes()
        let (lo, hi) = supportRange(fit)
        d.band(x: [lo, hi], lower: [0, 0], upper: [1, 1], color: .lightGray, label: "support", opacity: 0.35)
        d.horizontalLine(y: 0.5, color: .gray, style: .dotted, width: 1)
        d.line(x: fit.x, y: fit.optimal, label: "D* (exact)", color: .black, style: .dashed, width: 2)
        d.line(x: fit.x, y: fit.trained, label: "trained D", color: .orange, width: 2)
        let worst = fit.x.firstIndex(of: fit.maxErrorAt) ?? 0
        d.scatter(x: [fit.maxErrorAt], y: [fit.trained[worst]], label: "largest error on the support",
                  color: .vermillion, size: 6)
        let largest = String(format: "max |D − D*| = %.3f", fit.maxError)
        if small {
            d.title = largest
        } else {
            d.text(largest, at: (fit.x.last! - 0.1, 1.16), anchor: .right, color: .vermillion)
        }
        d.xLabel = "x"
        d.yLabel = "D(x) = P(real | x)"
        d.yLimits = -0.02...1.25
        d.yTicks = [0, 0.25, 0.5, 0.75, 1]
        d.xLimits = fit.x.first!...fit.x.last!
        d.xTicks = ticks
        d.legend = column == 0 && !small ? .upperLeft : .none
        figure[1, column] = d
    }
    return figure
}

/// The smallest and largest x of the support (where p_{data} + p_G ≥ the threshold).
func supportRange(_ fit: DiscriminatorFit) -> (Double, Double) {
    let inside = fit.x.indices.filter { fit.support[$0] }
    return (fit.x[inside.first ?? 0], fit.x[inside.last ?? 0])
}

/// C(G) and 2·JSD − log 4 against the generator's mean, and their difference.
func valueSweepFigure(gaussian: GameSweep, mixture: GameSweep) -> Figure {
    var figure = Figure(width: 9, height: 7.4, rows: 2, columns: 1)
    var values = Axes()
    values.line(x: gaussian.means, y: gaussian.optimalValue, label: "C(G) = V(D*, G), data N(0, 1)", color: .blue, width: 2)
    values.scatter(x: stride(gaussian.means), y: stride(gaussian.jsdForm), label: "2·JSD − log 4, data N(0, 1)",
                   color: .blue, size: 5, marker: .circle)
    values.line(x: mixture.means, y: mixture.optimalValue, label: "C(G), two-mode data", color: .orange, width: 2)
    values.scatter(x: stride(mixture.means), y: stride(mixture.jsdForm), label: "2·JSD − log 4, two-mode data",
                   color: .orange, size: 5, marker: .square)
    values.horizontalLine(y: -log(4), label: "−log 4", color: .vermillion)
    values.horizontalLine(y: 0, label: "0 (= 2 log 2 − log 4)", color: .gray, style: .dotted, width: 1)
    values.xLabel = "generator mean μ   (p_G = N(μ, 1))"
    values.yLabel = "value of the game"
    values.title = "C(G) reaches −log 4 only when p_G = p_{data}"
    values.yLimits = -1.5...0.1
    values.legend = .outsideRight
    figure[0, 0] = values

    var difference = Axes()
    let floor = 1e-18
    difference.line(x: gaussian.means, y: zip(gaussian.optimalValue, gaussian.jsdForm).map { max(abs($0 - $1), floor) },
                    label: "data N(0, 1)", color: .blue, marker: .circle)
    difference.line(x: mixture.means, y: zip(mixture.optimalValue, mixture.jsdForm).map { max(abs($0 - $1), floor) },
                    label: "two-mode data", color: .orange, marker: .square)
    difference.horizontalLine(y: 1e-6, label: "tolerance 10^{-6}", color: .vermillion)
    difference.yScale = .log
    difference.yLimits = 1e-18...1e-3
    difference.xLabel = "generator mean μ"
    difference.yLabel = "|C(G) − (2·JSD − log 4)|"
    difference.title = "The two sides agree to rounding error"
    difference.legend = .outsideRight
    figure[1, 0] = difference
    return figure
}

/// Every fourth point, for markers over a line.
private func stride(_ values: [Double]) -> [Double] {
    values.indices.filter { $0 % 4 == 0 }.map { values[$0] }
}

/// Histograms of generated samples at the snapshots, with p_{data}'s density.
func ganHistogramFigure(_ run: GANRun, data: Gaussian1D) -> Figure {
    let panels = run.snapshots.count
    var figure = Figure(width: 11, height: 3.4, rows: 1, columns: panels)
    figure.title = "Samples of G(z) over training (seed \(run.seed)), with the data density"
    let range = -1.5...5.5
    let bins = 70
    let x = Swift.stride(from: range.lowerBound, through: range.upperBound, by: 0.02).map { $0 }
    // One y scale for every panel: the tallest histogram bar of any snapshot.
    let tallest = run.snapshots.map { tallestBar($0.samples, range: range, bins: bins) }.max()!
    for (i, snapshot) in run.snapshots.enumerated() {
        var axes = Axes()
        axes.histogram(values: snapshot.samples.map { min(max($0, range.lowerBound), range.upperBound) }, bins: bins,
                       range: range, density: true, label: "G(z)", color: .orange)
        axes.line(x: x, y: x.map(data.density), label: "p_{data}", color: .blue, width: 2)
        let jsd = run.checkpoints.firstIndex(of: snapshot.iteration).map { run.jsd[$0] }
        axes.title = "iteration \(snapshot.iteration)" + (jsd.map { String(format: ", JSD %.3f", $0) } ?? "")
        axes.xLabel = "x"
        if i == 0 { axes.yLabel = "density" }
        axes.xLimits = range
        axes.yLimits = 0...(max(tallest, 0.8) * 1.08)
        axes.legend = i == 0 ? .upperRight : .none
        figure[0, i] = axes
    }
    return figure
}

/// JSD(p_{data} ‖ p̂_G) over training for every seed, their mean, and the estimator's floor.
func ganJSDFigure(_ runs: [GANRun], floor: Double) -> Figure {
    var figure = Figure(width: 7.5, height: 4.5)
    var axes = Axes()
    let x = runs[0].checkpoints.map(Double.init)
    for run in runs {
        axes.line(x: x, y: run.jsd, color: Color.blue.withAlpha(0.3), width: 1)
    }
    let stats = x.indices.map { i in meanAndStandardDeviation(of: runs.map { $0.jsd[i] }, kind: .sample) }
    axes.band(x: x, lower: x.indices.map { i in runs.map { $0.jsd[i] }.min()! },
              upper: x.indices.map { i in runs.map { $0.jsd[i] }.max()! }, color: .blue,
              label: "range over \(runs.count) seeds (thin: each seed)")
    axes.line(x: x, y: stats.map(\.mean), label: "mean over seeds", color: .blue, width: 2.2)
    axes.horizontalLine(y: log(2), label: "log 2 (disjoint supports)", color: .vermillion)
    axes.horizontalLine(y: floor, label: "estimator floor (p_{data}'s own samples)", color: .gray, style: .dotted)
    axes.yScale = .log
    axes.xLabel = "training iteration (generator steps)"
    axes.yLabel = "JSD(p_{data} ‖ p̂_G) (nats)"
    axes.title = "The generated distribution approaches p_{data}"
    axes.legend = .lowerLeft
    figure.ax = axes
    return figure
}

/// Left: D against a generator collapsed onto one point. Right: a GAN run on two modes.
func modeCollapseFigure(_ collapsed: CollapsedGenerator, run: GANRun) -> Figure {
    var figure = Figure(width: 10, height: 6.2, rows: 2, columns: 2)
    figure.title = "Mode collapse: the discriminator exposes the missing mode"
    let x = collapsed.x
    var top = Axes()
    top.line(x: x, y: collapsed.pData, label: "p_{data}", color: .blue, width: 2)
    top.verticalLine(x: collapsed.point, label: "p_G = point mass at x₀", color: .vermillion, style: .solid, width: 2.5)
    top.title = "G(z) = x₀ = \(formatted(collapsed.point)) for every z"
    top.yLabel = "density"
    top.yLimits = 0...0.6
    top.legend = .upperLeft
    figure[0, 0] = top
    var bottom = Axes()
    bottom.line(x: x, y: x.map { _ in 1 }, label: "D* (0 only at x₀)", color: .black, style: .dashed, width: 2)
    bottom.line(x: x, y: collapsed.trained, label: "trained D", color: .orange, width: 2)
    bottom.scatter(x: [-2, collapsed.point], y: [collapsed.atMissingMode, collapsed.atPoint], color: .vermillion, size: 6)
    // Below the lines at D ≈ 1, clear of them at any figure size.
    bottom.text(String(format: "D(−2) = %.2f", collapsed.atMissingMode), at: (-2, collapsed.atMissingMode - 0.22))
    bottom.text(String(format: "D(x₀) = %.2f", collapsed.atPoint), at: (collapsed.point - 0.45, collapsed.atPoint + 0.08),
                anchor: .right)
    bottom.xLabel = "x"
    bottom.yLabel = "D(x)"
    bottom.yLimits = -0.02...1.08
    bottom.legend = .lowerLeft
    figure[1, 0] = bottom

    var histogram = Axes()
    let range = -4.5...4.5
    if let last = run.snapshots.last {
        histogram.histogram(values: last.samples.map { min(max($0, range.lowerBound), range.upperBound) }, bins: 90,
                            range: range, density: true, label: "G(z)", color: .orange)
    }
    histogram.line(x: x, y: collapsed.pData, label: "p_{data}", color: .blue, width: 2)
    histogram.title = String(format: "A trained GAN, seed %d: %.0f%% in the left mode", run.seed,
                             100 * run.leftFraction)
    histogram.yLabel = "density"
    histogram.xLimits = range
    histogram.yLimits = 0...max(0.6, 1.1 * tallestBar(run.snapshots.last?.samples ?? [], range: range, bins: 90))
    histogram.legend = .upperRight
    figure[0, 1] = histogram
    var d = Axes()
    d.line(x: x, y: run.finalDiscriminator, label: "its D at the end", color: .orange, width: 2)
    let missing = run.leftFraction > 0.5 ? 2.0 : -2.0
    let dMissing = discriminatorAt([missing], run)[0]
    d.scatter(x: [missing], y: [dMissing], color: .vermillion, size: 6)
    d.text("D(\(formatted(missing).replacingOccurrences(of: "-", with: "−"))) = " + String(format: "%.2f", dMissing), at: (missing, dMissing - 0.22))
    d.horizontalLine(y: 0.5, color: .gray, style: .dotted, width: 1)
    d.xLabel = "x"
    d.yLabel = "D(x)"
    d.yLimits = -0.02...1.08
    d.legend = .lowerLeft
    figure[1, 1] = d
    return figure
}

/// Generator gradient norms under both losses, and D's outputs, against discriminator steps.
func saturationFigure(_ run: SaturationRun) -> Figure {
    var figure = Figure(width: 10, height: 4, rows: 1, columns: 2)
    let shown = run.steps.indices.filter { run.steps[$0] > 0 }
    let steps = shown.map { Double(run.steps[$0]) }
    var norms = Axes()
    norms.line(x: steps, y: shown.map { run.nonSaturating[$0] }, label: "non-saturating −log D(G(z))",
               color: .blue, width: 2, marker: .circle)
    norms.line(x: steps, y: shown.map { run.saturating[$0] }, label: "saturating log(1 − D(G(z)))",
               color: .vermillion, width: 2, marker: .square)
    norms.xScale = .log
    norms.yScale = .log
    norms.xLabel = "discriminator steps against a frozen G"
    norms.yLabel = "‖∇_θ L_G‖ (generator gradient norm)"
    norms.title = "The saturating loss loses its gradient"
    norms.legend = .lowerLeft
    figure[0, 0] = norms
    var outputs = Axes()
    outputs.line(x: steps, y: shown.map { run.meanDReal[$0] }, label: "mean D(x), x ~ p_{data}", color: .blue, width: 2,
                 marker: .circle)
    outputs.line(x: steps, y: shown.map { run.meanDFake[$0] }, label: "mean D(G(z))", color: .vermillion, width: 2,
                 marker: .square)
    outputs.xScale = .log
    outputs.yScale = .log
    outputs.xLabel = "discriminator steps against a frozen G"
    outputs.yLabel = "discriminator output"
    outputs.title = "D becomes near-perfect"
    outputs.legend = .lowerLeft
    figure[0, 1] = outputs
    return figure
}

/// The height of the tallest bar of a density histogram of `samples` (clamped into `range`).
func tallestBar(_ samples: [Double], range: ClosedRange<Double>, bins: Int) -> Double {
    guard !samples.isEmpty else { return 0 }
    let width = (range.upperBound - range.lowerBound) / Double(bins)
    var counts = [Int](repeating: 0, count: bins)
    for v in samples { counts[min(max(Int((v - range.lowerBound) / width), 0), bins - 1)] += 1 }
    return Double(counts.max()!) / (Double(samples.count) * width)
}

/// A number with up to two decimals.
func formatted(_ x: Double) -> String {
    String(format: "%g", (x * 100).rounded() / 100)
}
