// Lesson 0: a tour of the kit. It shows what every lesson does — text with math, computations
// that print tables and record numbers, a training loop with a progress bar, and figures of every
// kind the course uses — so a new student (or lesson author) sees the whole machinery at once.
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 0, slug: "tour", title: "A tour of the kit")

lesson.markdown(Prose.introduction)

lesson.markdown(Prose.notation)

// Samples of N(μ, σ²) and a Monte-Carlo estimate of π, shared by the cells below.
let trueMean = 1.0
let trueStd = 0.5
var samples: [Double] = []
var piErrors: [(n: Int, error: Double)] = []
// The numbers results.json keeps: one value, filled in by the cells, decoded by the tour's test.
var results = Lesson00Results()
lesson.results { results }

lesson.code("Draw samples") { context in
    var rng = RandomSource(seed: context.seed)
    let count = context.choose(full: 20_000, quick: 2_000)
    samples = (0..<count).map { _ in rng.normal(mean: trueMean, std: trueStd) }
    let mean = samples.reduce(0, +) / Double(count)
    let std = (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count - 1)).squareRoot()

    var inside = 0
    var table = Table("Estimating π by throwing points at a square",
                      columns: ["points n", .init("estimate of π", format: .fixed(4)),
                                .init("error", format: .scientific(2))])
    piErrors = []
    for n in 1...count {
        let x = rng.unit(), y = rng.unit()
        if x * x + y * y <= 1 { inside += 1 }
        if n == 10 || n == 100 || n == 1_000 || n == 10_000 || n == count {
            let estimate = 4 * Double(inside) / Double(n)
            piErrors.append((n, abs(estimate - Double.pi)))
            try table.addRow(n, estimate, abs(estimate - Double.pi))
        }
    }
    context.print("\(count) samples of N(\(trueMean), \(trueStd)²): mean \(String(format: "%.4f", mean)),",
                  "standard deviation \(String(format: "%.4f", std))")
    context.print()
    context.show(table)
    results.sampling = .init(mean: mean, std: std, piEstimate: 4 * Double(inside) / Double(count),
                             points: piErrors.map(\.n), piError: piErrors.map(\.error))
}

// A training loop: fit y = w·x + b to noisy points of y = 2x − 1 by stochastic gradient descent.
var losses: [Double] = []
var fitted = (slope: 0.0, intercept: 0.0)
let noiseStd = 0.3

lesson.code("A training loop") { context in
    var seeds = RandomSource(seed: context.seed)
    _ = seeds.split()
    var rng = seeds.split()
    let points = (0..<200).map { _ -> (Double, Double) in
        let x = rng.uniform(-1.0, 1.0)
        return (x, 2 * x - 1 + rng.normal(mean: 0, std: noiseStd))
    }
    let steps = context.choose(full: 4_000, quick: 800)
    let learningRate = 0.05
    var w = 0.0, b = 0.0
    losses = []
    let bar = context.progress(total: steps, label: "fitting")
    for step in 0..<steps {
        let batch = (0..<16).map { _ in points[rng.index(below: points.count)] }
        var gradW = 0.0, gradB = 0.0, loss = 0.0
        for (x, y) in batch {
            let residual = w * x + b - y
            loss += residual * residual / Double(batch.count)
            gradW += 2 * residual * x / Double(batch.count)
            gradB += 2 * residual / Double(batch.count)
        }
        w -= learningRate * gradW
        b -= learningRate * gradB
        losses.append(loss)
        bar.advance(status: step % 50 == 0 ? String(format: "loss %.3f", loss) : nil)
    }
    bar.finish()
    fitted = (w, b)
    let window = min(100, losses.count)
    let finalLoss = losses.suffix(window).reduce(0, +) / Double(window)
    context.print(String(format: "fitted y = %.3f·x + (%.3f) (truth: y = 2x − 1); final loss %.4f ≈ noise variance %.4f",
                         w, b, finalLoss, noiseStd * noiseStd))
    results.fit = .init(slope: w, intercept: b, firstLoss: losses.first ?? .nan, finalLoss: finalLoss)
}

/// Running mean of `values` over `window` points (for a smooth loss curve).
func smoothed(_ values: [Double], window: Int) -> [Double] {
    var out: [Double] = []
    var sum = 0.0
    for (index, value) in values.enumerated() {
        sum += value
        if index >= window { sum -= values[index - window] }
        out.append(sum / Double(min(index + 1, window)))
    }
    return out
}

/// The loss curve (log axis, reference line, annotations) and the fitted line with its band.
/// (`@MainActor` because it reads the lesson's top-level variables, as cells do.)
@MainActor
func curvesFigure() -> Figure {
    var figure = Figure(width: 9, height: 3.6, rows: 1, columns: 2)
    figure.title = "A training loop: θ = (w, b) fitted by SGD"
    var loss = Axes()
    let steps = losses.indices.map(Double.init)
    loss.line(x: steps, y: losses, label: "minibatch loss", color: Color.blue.withAlpha(0.35), width: 0.8)
    loss.line(x: steps, y: smoothed(losses, window: 50), label: "running mean", color: .blue, width: 1.8)
    loss.horizontalLine(y: noiseStd * noiseStd, label: "noise variance σ^2", color: .vermillion)
    loss.yScale = .log
    loss.xLabel = "step t"
    loss.yLabel = "loss L(θ_t)"
    loss.title = "Loss falls to the noise floor"
    let middle = Double(losses.count) * 0.45
    loss.arrow(from: (middle, 0.35), to: (middle * 0.25, smoothed(losses, window: 50)[Int(middle * 0.25)]),
               label: "fast at first", color: .gray)
    loss.grid = true
    figure[0, 0] = loss

    var fit = Axes()
    let x = stride(from: -1.0, through: 1.0, by: 0.05).map { $0 }
    let line = x.map { fitted.slope * $0 + fitted.intercept }
    var rng = RandomSource(seed: 7)
    let px = (0..<60).map { _ in rng.uniform(-1.0, 1.0) }
    fit.scatter(x: px, y: px.map { 2 * $0 - 1 + rng.normal(mean: 0, std: noiseStd) }, label: "data", color: .gray, size: 3)
    fit.band(x: x, center: line, spread: x.map { _ in 2 * noiseStd }, color: .orange, label: "fit ± 2σ")
    fit.line(x: x, y: line, label: "fit π_θ(x)", color: .orange, width: 2)
    fit.line(x: x, y: x.map { 2 * $0 - 1 }, label: "truth 2x − 1", color: .black, style: .dashed, width: 1)
    fit.verticalLine(x: 0, color: .lightGray, style: .dotted)
    fit.text("w = \(String(format: "%.2f", fitted.slope)), b = \(String(format: "%.2f", fitted.intercept))",
             at: (0.97, -2.3), anchor: .right)  // ends inside the axes, however narrow the figure
    fit.xLabel = "input x"
    fit.yLabel = "output y"
    fit.title = "Fitted line and its noise band"
    fit.legend = .upperLeft
    figure[0, 1] = fit
    return figure
}

lesson.figure("curves", caption: "Left: the training loss on a log axis falls to the noise variance σ² "
    + "(dashed). Right: the fitted line with a band of ± 2σ over the data.") { _ in curvesFigure() }

lesson.figure("distributions", caption: "Left: a histogram of the samples with the Gaussian density. "
    + "Right: the mean of batches of growing size, with ± one standard deviation of the batch means.") { context in
    var figure = Figure(width: 9, height: 3.6, rows: 1, columns: 2)
    var left = Axes()
    left.histogram(values: samples, bins: 40, density: true, label: "samples", color: .skyBlue)
    let grid = stride(from: trueMean - 4 * trueStd, through: trueMean + 4 * trueStd, by: 0.02).map { $0 }
    let density = grid.map { exp(-0.5 * pow(($0 - trueMean) / trueStd, 2)) / (trueStd * (2 * Double.pi).squareRoot()) }
    left.line(x: grid, y: density, label: "N(μ, σ^2)", color: .blue, width: 2)
    left.verticalLine(x: trueMean, label: "μ = 1", color: .vermillion)
    left.xLabel = "value x"
    left.yLabel = "density p(x)"
    left.title = "Samples of N(μ, σ^2)"
    figure[0, 0] = left

    var right = Axes()
    let sizes = [10, 100, 1000]
    var means: [Double] = [], spreads: [Double] = []
    for size in sizes {
        let batchMeans = stride(from: 0, to: samples.count - size + 1, by: size).map { start in
            samples[start..<start + size].reduce(0, +) / Double(size)
        }
        let m = batchMeans.reduce(0, +) / Double(batchMeans.count)
        let s = (batchMeans.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(1, batchMeans.count - 1))).squareRoot()
        means.append(m)
        spreads.append(s)
    }
    right.bars(categories: sizes.map { "n = \($0)" }, heights: means, errors: spreads, label: "batch mean ± std",
               color: .green)
    right.horizontalLine(y: trueMean, label: "μ")
    right.yLabel = "mean of a batch"
    right.title = "Error bars shrink like σ/√n"
    right.yLimits = 0...1.4
    figure[0, 1] = right
    results.batchMeans = .init(size: sizes, mean: means, std: spreads)
    return figure
}

lesson.figure("fields", caption: "The pendulum's phase plane: its energy as a heat map with a colour bar "
    + "(left) and the direction the state moves, (θ̇, −(g/l) sin θ), as arrows (right).") { _ in
    var figure = Figure(width: 9, height: 3.8, rows: 1, columns: 2)
    let thetas = stride(from: -Double.pi, through: Double.pi, by: Double.pi / 40).map { $0 }
    let velocities = stride(from: -8.0, through: 8.0, by: 0.2).map { $0 }
    let energy = velocities.map { v in thetas.map { theta in 0.5 * v * v / 10 + (1 - cos(theta)) } }
    var heat = Axes()
    heat.heatMap(values: energy, xRange: -Double.pi...Double.pi, yRange: -8...8, colorMap: .viridis,
                 colorBarLabel: "energy E(θ, θ̇)")
    heat.xLabel = "angle θ (rad)"
    heat.yLabel = "angular velocity θ̇"
    heat.title = "Energy of the pendulum"
    figure[0, 0] = heat

    var arrows = Axes()
    var x: [Double] = [], y: [Double] = [], u: [Double] = [], v: [Double] = []
    for theta in stride(from: -Double.pi, through: Double.pi, by: Double.pi / 8) {
        for velocity in stride(from: -8.0, through: 8.0, by: 2) {
            x.append(theta); y.append(velocity)
            u.append(velocity); v.append(-10 * sin(theta))
        }
    }
    arrows.quiver(x: x, y: y, u: u, v: v, color: .blue)
    arrows.scatter(x: [0, Double.pi], y: [0, 0], label: "rest points", color: .vermillion, size: 5)
    arrows.text("upright: θ = π", at: (Double.pi - 0.2, 1.2), anchor: .right, color: .vermillion)
    arrows.xLabel = "angle θ (rad)"
    arrows.yLabel = "angular velocity θ̇"
    arrows.title = "Dynamics (θ̇, −(g/l) sin θ)"
    figure[0, 1] = arrows
    return figure
}

lesson.figure("shapes", caption: "Left: a scene drawn with polygons and circles (a track, a car, obstacles). "
    + "Right: the Monte-Carlo error of π on log–log axes, falling like n^(−1/2).") { _ in
    var figure = Figure(width: 9, height: 3.8, rows: 1, columns: 2)
    var scene = Axes()
    let outer = (0..<60).map { i -> (Double, Double) in
        let a = Double(i) / 60 * 2 * Double.pi
        return (3 * cos(a), 2 * sin(a))
    }
    let inner = outer.map { ($0.0 * 0.6, $0.1 * 0.45) }
    scene.polygon(points: outer, fill: Color.lightGray.withAlpha(0.6), stroke: .gray, label: "track")
    scene.polygon(points: inner, fill: .white, stroke: .gray)
    let path = (0...80).map { i -> (Double, Double) in
        let a = Double(i) / 80 * 2 * Double.pi
        return (2.4 * cos(a) + 0.05 * sin(5 * a), 1.45 * sin(a))
    }
    scene.line(x: path.map(\.0), y: path.map(\.1), label: "path of π*", color: .green, style: .dashed, width: 1.2)
    scene.polygon(points: [(2.2, -0.25), (2.7, -0.25), (2.7, 0.25), (2.2, 0.25)], fill: .blue, stroke: .black,
                  label: "car")
    scene.circle(center: (-2.4, 0.2), radius: 0.25, fill: .vermillion, label: "obstacle")
    scene.circle(center: (0, 1.6), radius: 0.2, fill: .vermillion)
    scene.arrow(from: (0.4, -0.3), to: (2.15, -0.1), label: "car, heading ψ", color: .blue)
    scene.aspect = .equal
    scene.title = "A scene: π* drives around the track"
    scene.xLabel = "x (m)"
    scene.yLabel = "y (m)"
    figure[0, 0] = scene

    var errors = Axes()
    let n = piErrors.map { Double($0.n) }
    errors.line(x: n, y: piErrors.map { max($0.error, 1e-6) }, label: "|π̂_n − π|", color: .purple, marker: .circle)
    errors.line(x: n, y: n.map { 1.6 / $0.squareRoot() }, label: "∝ n^{-1/2}", color: .black, style: .dashed, width: 1)
    errors.xScale = .log
    errors.yScale = .log
    errors.xLabel = "points n"
    errors.yLabel = "error ε_n"
    errors.title = "Log axes: error ε_n of the estimate"
    figure[0, 1] = errors
    return figure
}

lesson.figure("symbols", caption: "A 2×2 grid of panels whose labels use Greek letters with sub- and "
    + "superscripts, as the course's figures do.") { _ in
    var figure = Figure(width: 8, height: 6, rows: 2, columns: 2)
    figure.title = "Labels: θ, λ, π^*, Φ, γ^t, ε, Q_θ(s, a), V^{π^*}"
    let t = (0..<50).map(Double.init)
    var discount = Axes()
    for gamma in [0.9, 0.95, 0.99] {
        discount.line(x: t, y: t.map { pow(gamma, $0) }, label: "γ = \(gamma)")
    }
    discount.legend = .upperRight
    discount.xLabel = "time step t"
    discount.yLabel = "weight γ^t"
    figure[0, 0] = discount
    var mixing = Axes()
    let lambdas = stride(from: 0.0, through: 1.0, by: 0.1).map { $0 }
    mixing.line(x: lambdas, y: lambdas.map { 1 - 0.6 * ($0 - 0.4) * ($0 - 0.4) }, label: "J(π_λ)", marker: .square)
    mixing.xLabel = "mixing weight λ"
    mixing.yLabel = "success of π_λ"
    figure[0, 1] = mixing
    var exploration = Axes()
    let eps = stride(from: 0.0, through: 0.5, by: 0.05).map { $0 }
    exploration.line(x: eps, y: eps.map { 1 - $0 }, label: "P(a = π^*(s))")
    exploration.xLabel = "exploration ε"
    exploration.yLabel = "probability"
    figure[1, 0] = exploration
    var value = Axes()
    let s = stride(from: -2.0, through: 2.0, by: 0.1).map { $0 }
    value.line(x: s, y: s.map { -$0 * $0 }, label: "V^{π^*}(s)")
    value.line(x: s, y: s.map { -$0 * $0 + 0.3 * sin(3 * $0) }, label: "Q_θ(s, π_θ(s))", style: .dashDot)
    value.xLabel = "state s"
    value.yLabel = "value Φ(s)"
    figure[1, 1] = value
    return figure
}

lesson.code("The other backend") { context in
    let other: Backend = context.backend == .cairo ? .gnuplot : .cairo
    guard context.canDraw(with: other) else {
        throw CellSkipped("gnuplot is not installed, so the gnuplot copy of the figure is not drawn")
    }
    context.print("The same figure drawn by the \(other.rawValue) backend, for comparison:")
    try context.figure("curves-\(other.rawValue)", caption: "The first figure again, drawn by \(other.rawValue).",
                       backend: other) { curvesFigure() }
    results.backends = [context.backend.rawValue, other.rawValue]
}

lesson.markdown(Prose.whatNext)

lesson.run()
