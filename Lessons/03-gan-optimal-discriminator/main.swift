// Lesson 3: the GAN game, its optimal discriminator, and what training does with them.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

// The networks here are tiny (32 units): BLAS threads would cost more in hand-offs than they save.
Matrix.setBLASThreads(1)

let lesson = Lesson(number: 3, slug: "gan-optimal-discriminator", title: "GANs and the optimal discriminator")

lesson.markdown(Prose.introduction)

// Shared between cells, as in a notebook.
var results = Lesson03Results()
lesson.results { results }

lesson.markdown(Prose.stepOne)

lesson.code("Step 1 checked: sampling z versus integrating over x") { context in
    let f = context.exercises.ganTheory
    var rng = RandomSource(seed: context.seed)
    let samples = context.choose(full: 400_000, quick: 100_000)
    // G(z) = 1.5 + 0.7·z pushes z ~ N(0, 1) forward to p_G = N(1.5, 0.7²); D(x) = σ(1 − x) is arbitrary.
    let check = try checkChangeOfVariables(f, shift: 1.5, scale: 0.7, samples: samples, rng: &rng)
    context.print(String(format: "Monte Carlo over x ~ p_data, z ~ p_z (%d each): V ≈ %.5f ± %.5f", samples,
                         check.monteCarlo, check.standardError))
    context.print(String(format: "quadrature of ∫ p_data log D + p_G log(1 − D) dx:      V = %.5f", check.quadrature))
    context.print(String(format: "difference: %.2f standard errors", check.zScore))
    results.changeOfVariables = .init(monteCarlo: check.monteCarlo, standardError: check.standardError,
                                      quadrature: check.quadrature, zScore: check.zScore)
}

lesson.markdown(Prose.stepTwo)

lesson.code("Step 2 checked: search over y") { context in
    let f = context.exercises.ganTheory
    let pairs = [(1.0, 1.0), (2.0, 1.0), (0.3, 0.7), (0.05, 0.4), (5.0, 0.5)]
    let checks = try checkPointwiseMaximizer(f, pairs: pairs, resolution: 100_000)
    var table = Table("argmax of a·log y + b·log(1 − y) over y ∈ (0, 1)",
                      columns: ["a", "b", .init("a/(a+b)", format: .fixed(5)), .init("grid search", format: .fixed(5)),
                                .init("|difference|", format: .scientific(1))])
    for c in checks { try table.addRow(c.a, c.b, c.formula, c.gridArgmax, abs(c.formula - c.gridArgmax)) }
    context.show(table)
    results.pointwiseMaximizer = .init(maxDifference: checks.map { abs($0.formula - $0.gridArgmax) }.max()!)
}

lesson.markdown(Prose.stepThree)

var gaussianSweep = GameSweep()
var mixtureSweep = GameSweep()

lesson.code("Step 3 checked: sweep the generator's mean") { context in
    let f = context.exercises.ganTheory
    let means = (0...80).map { -4 + Double($0) / 10 }          // −4 … 4 in steps of 0.1, including 0
    gaussianSweep = try sweepGeneratorMean(f, data: Setting.standardNormal, std: 1, means: means)
    mixtureSweep = try sweepGeneratorMean(f, data: Setting.twoModes, std: 1, means: means)
    var table = Table("p_data = N(0, 1), p_G = N(μ, 1)",
                      columns: ["μ", .init("C(G) = V(D*, G)", format: .fixed(8)), .init("KL + KL − log 4", format: .fixed(8)),
                                .init("2·JSD − log 4", format: .fixed(8)), .init("|difference|", format: .scientific(1))])
    for mu in [-3.0, -1, -0.2, 0, 0.5, 2, 4] {
        let i = gaussianSweep.means.firstIndex { abs($0 - mu) < 1e-9 }!
        try table.addRow(mu, gaussianSweep.optimalValue[i], gaussianSweep.klForm[i], gaussianSweep.jsdForm[i],
                         abs(gaussianSweep.optimalValue[i] - gaussianSweep.jsdForm[i]))
    }
    context.show(table)
    let low = gaussianSweep.minimum, mixtureLow = mixtureSweep.minimum
    context.print(String(format: "largest |C(G) − (2·JSD − log 4)| over the sweep: %.1e (data N(0,1)), %.1e (two modes)",
                         gaussianSweep.maxDifference, mixtureSweep.maxDifference))
    context.print(String(format: "minimum of C(G): %.10f at μ = %g;  −log 4 = %.10f", low.value, low.mean, -log(4.0)))
    context.print(String(format: "two-mode data: minimum %.4f at μ = %g, above −log 4: no Gaussian of std 1 matches it",
                         mixtureLow.value, mixtureLow.mean))
    results.valueSweep = .init(
        means: gaussianSweep.means, optimalValue: gaussianSweep.optimalValue, jsdForm: gaussianSweep.jsdForm,
        maxDifference: gaussianSweep.maxDifference,
        klFormMaxDifference: zip(gaussianSweep.optimalValue, gaussianSweep.klForm).map { abs($0 - $1) }.max()!,
        minimum: low.value, argmin: low.mean,
        twoModes: .init(maxDifference: mixtureSweep.maxDifference, minimum: mixtureLow.value))
}

lesson.figure("value-sweep", caption: "Top: the value of the game at the optimal discriminator, C(G), as the "
    + "generator's mean slides across the data, computed as V(D*, G) (lines) and as 2·JSD − log 4 (markers); it "
    + "touches −log 4 only where p_G = p_data. Bottom: the two computations differ by rounding error only.") { _ in
    guard !gaussianSweep.means.isEmpty else { throw CellSkipped("needs the sweep of the cell above") }
    return valueSweepFigure(gaussian: gaussianSweep, mixture: mixtureSweep)
}

lesson.markdown(Prose.stepFour)

lesson.code("Step 4 checked: the optimum") { context in
    let f = context.exercises.ganTheory
    let optimum = try checkOptimum(f)
    context.print(String(format: "p_G = p_data = N(0, 1):  C(G) = %.12f,  −log 4 = %.12f", optimum.value, -log(4.0)))
    context.print(String(format: "largest |D*(x) − ½| on the grid: %g", optimum.maxDeviation))
    results.optimum = .init(value: optimum.value, maxDeviationFromHalf: optimum.maxDeviation)
}

lesson.markdown(Prose.training)

lesson.listing("One discriminator step: the loss of exercise 3.5 on a real and a generated minibatch",
               file: "Sources/Algorithms/GAN/Discriminator1D.swift", region: "discriminator-step")

var fits: [DiscriminatorFit] = []

lesson.code("A trained discriminator meets D*") { context in
    let f = context.exercises.ganTheory
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 1))
    let training = DiscriminatorTraining(steps: 3000)
    let bar = context.progress(total: 2 * training.steps, label: "training D")
    fits = [
        try fitDiscriminator(f, name: "p_data = N(1, 0.6²), p_G = N(−0.5, 1)", data: try Gaussian1D(mean: 1, std: 0.6),
                             generator: try Gaussian1D(mean: -0.5, std: 1), training: training, rng: &rng) { _ in bar.advance() },
        try fitDiscriminator(f, name: "p_data = two modes, p_G = N(0, 1.5²)", data: Setting.twoModes,
                             generator: try Gaussian1D(mean: 0, std: 1.5), training: training, rng: &rng) { _ in bar.advance() },
    ]
    bar.finish()
    var table = Table("Trained D against D* on the support (p_data + p_G ≥ \(supportThreshold))",
                      columns: ["case", .init("max |D − D*|", format: .fixed(4)), .init("at x", format: .fixed(2)),
                                .init("mean |D − D*|", format: .fixed(4))])
    for fit in fits {
        let errors = fit.x.indices.filter { fit.support[$0] }.map { abs(fit.trained[$0] - fit.optimal[$0]) }
        try table.addRow(fit.name, fit.maxError, fit.maxErrorAt, errors.reduce(0, +) / Double(errors.count))
    }
    context.show(table)
    results.discriminator = .init(gaussianMaxError: fits[0].maxError, twoModeMaxError: fits[1].maxError, steps: training.steps)
}

lesson.figure("discriminator-vs-optimal", caption: "Top: the two fixed densities, p_data (blue) and p_G "
    + "(vermilion). Bottom: a discriminator network trained on their samples (orange) lies on the analytic optimum "
    + "D* (dashed) wherever samples fall; outside the grey support (where p_data + p_G ≥ \(formatted(supportThreshold)), the dotted line "
    + "above) it has no data to learn from. The dot marks its largest error on the support.") { context in
    guard fits.count == 2 else { throw CellSkipped("needs the trained discriminators of the cell above") }
    return discriminatorFigure(fits, small: context.drawsSmallFigures)
}

lesson.markdown(Prose.ganTraining)

lesson.listing("Algorithm 1 of Goodfellow et al.: k discriminator steps, then one generator step (exercise 3.4's loss)",
               file: "Sources/Algorithms/GAN/GAN1D.swift", region: "gan-training")

// Algorithm 1's settings: the paper's defaults, then this lesson's changes (see the text above).
let hyperparameters: GANHyperparameters = {
    var h = GANHyperparameters()
    h.discriminatorSteps = 5
    h.batchSize = 128
    h.discriminatorLearningRate = 1e-3
    h.generatorLearningRate = 1e-3
    return h
}()
var ganRuns: [GANRun] = []
var jsdFloor = Double.nan

lesson.code("Train a 1-D GAN end to end") { context in
    let f = context.exercises.ganTheory
    let iterations = context.choose(full: 2000, quick: 600)
    let seeds = context.seedCount(context.choose(full: 5, quick: 3))
    let snapshots = [0, iterations / 20, iterations / 5, iterations]
    ganRuns = []
    // Each seed's run, trained here or (--merge) read from the shards that trained them (--seeds).
    ganRuns = try trainGANsPerSeed("gan", label: "training GANs", context: context, data: Setting.ganData,
                                   seeds: seeds, iterations: iterations, checkpointCount: 20, snapshotIterations: snapshots)
    // What the JSD estimate reads for a perfect generator: a kernel estimate from p_data's own samples.
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 99))
    jsdFloor = try estimatedJSD(f, data: Setting.ganData, samples: Setting.ganData.sample(count: jsdSampleCount, rng: &rng))
    var table = Table("GAN on p_data = N(3, 0.5²): JSD(p_data ‖ p̂_G) from start to end",
                      columns: ["seed", .init("JSD at start", format: .fixed(3)), .init("JSD at end", format: .fixed(4)),
                                .init("end / start", format: .fixed(3)), .init("mean of G(z)", format: .fixed(2)),
                                .init("std of G(z)", format: .fixed(2))])
    for run in ganRuns {
        let end = meanAndStandardDeviation(of: run.snapshots.last!.samples, kind: .sample)
        try table.addRow(Int(run.seed), run.jsd.first!, run.jsd.last!, run.jsd.last! / run.jsd.first!, end.mean, end.std)
    }
    context.show(table)
    let ends = meanAndStandardDeviation(of: ganRuns.map { $0.jsd.last! }, kind: .sample)
    context.print(String(format: "JSD at the end: %.4f ± %.4f over %d seeds; the estimator reads %.4f for p_data's own samples",
                         ends.mean, ends.std, ganRuns.count, jsdFloor))
    let endSamples = ganRuns.map { meanAndStandardDeviation(of: $0.snapshots.last!.samples, kind: .sample) }
    results.gan = .init(iterations: iterations, seeds: ganRuns.map { Int($0.seed) }, checkpoints: ganRuns[0].checkpoints,
                        jsdPerSeed: ganRuns.map(\.jsd), jsdFloor: jsdFloor, endMean: endSamples.map(\.mean),
                        endStd: endSamples.map(\.std))
}

lesson.figure("gan-samples", caption: "Histograms of 4000 generated samples at four points of training (first "
    + "seed), over the data density: the generator's samples start in a narrow clump near 0, move onto the data "
    + "and spread to its width.") { _ in
    guard let first = ganRuns.first else { throw CellSkipped("needs the GAN runs of the cell above") }
    return ganHistogramFigure(first, data: Setting.ganData)
}

lesson.figure("gan-jsd", caption: "JSD between the data and a kernel density estimate of the generated samples, "
    + "for every seed (thin), their mean (thick) and their range (band). It starts near log 2, where the supports barely overlap, "
    + "and falls by about two orders of magnitude; then it fluctuates as the two players keep adjusting to each "
    + "other. The dotted line is what the estimate reads for samples of p_data itself.") { _ in
    guard !ganRuns.isEmpty else { throw CellSkipped("needs the GAN runs above") }
    return ganJSDFigure(ganRuns, floor: jsdFloor)
}

lesson.markdown(Prose.modeCollapse)

var collapsed = CollapsedGenerator(point: 2)

lesson.code("A generator collapsed onto one sample") { context in
    let f = context.exercises.ganTheory
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 2))
    let training = DiscriminatorTraining(steps: context.choose(full: 3000, quick: 2000))
    let bar = context.progress(total: training.steps, label: "training D against G(z) = 2")
    collapsed = try collapseOntoPoint(f, point: 2, training: training, rng: &rng) { _ in bar.advance() }
    bar.finish()
    var table = Table("p_G = N(2, s²) shrinking to the point mass at x₀ = 2, against the two-mode data",
                      columns: ["width s", .init("JSD(p_data ‖ p_G)", format: .fixed(4)), .init("C(G) = 2·JSD − log 4", format: .fixed(4))])
    for (s, jsd) in zip(collapsed.widths, collapsed.jsd) { try table.addRow(s, jsd, 2 * jsd - log(4.0)) }
    try table.addRow("0 (point)", log(2.0), 0.0)
    context.show(table)
    context.print(String(format: "trained D at the missing mode x = −2: %.3f;  at x₀ = 2 itself: %.3f",
                         collapsed.atMissingMode, collapsed.atPoint))
    results.collapse = .init(widths: collapsed.widths, jsd: collapsed.jsd, dAtMissingMode: collapsed.atMissingMode,
                             dAtPoint: collapsed.atPoint)
}

var mixtureRuns: [GANRun] = []

lesson.code("GANs on two modes") { context in
    let iterations = context.choose(full: 1500, quick: 500)
    let seeds = context.seedCount(context.choose(full: 5, quick: 4))
    mixtureRuns = []
    mixtureRuns = try trainGANsPerSeed("two-modes", label: "training GANs on two modes", context: context,
                                       data: Setting.twoModes, seeds: seeds, iterations: iterations, checkpointCount: 10,
                                       snapshotIterations: [iterations])
    var table = Table("Where the generated samples end up (two modes of weight ½ at ±2)",
                      columns: ["seed", .init("share in left mode", format: .fixed(2)), .init("JSD at end", format: .fixed(3)),
                                .init("D(−2)", format: .fixed(2)), .init("D(0)", format: .fixed(2)), .init("D(2)", format: .fixed(2))])
    for run in mixtureRuns {
        let d = discriminatorAt([-2, 0, 2], run)
        try table.addRow(Int(run.seed), run.leftFraction, run.jsd.last!, d[0], d[1], d[2])
    }
    context.show(table)
    let dropped = mixtureRuns.filter { $0.leftFraction < 0.05 || $0.leftFraction > 0.95 }
    context.markdown(modeCollapseSummary(runs: mixtureRuns, dropped: dropped))
    results.twoModeGANs = .init(leftFraction: mixtureRuns.map(\.leftFraction), jsdEnd: mixtureRuns.map { $0.jsd.last! },
                                collapsedSeeds: dropped.map { Int($0.seed) })
}

lesson.figure("mode-collapse", caption: "Left: every z mapped to x₀ = 2. The discriminator trained against it "
    + "says 'real' on the missing mode at −2 and 'fake' at x₀ itself. Right: the two-mode run with the most "
    + "lopsided result; its discriminator, too, marks the region the generator misses as real.") { _ in
    guard !collapsed.x.isEmpty, let worst = mixtureRuns.max(by: { abs($0.leftFraction - 0.5) < abs($1.leftFraction - 0.5) })
    else { throw CellSkipped("needs the two cells above") }
    return modeCollapseFigure(collapsed, run: worst)
}

lesson.markdown(Prose.perfectDiscriminator)

var saturation = SaturationRun()

lesson.code("Generator gradients as D approaches perfection") { context in
    let f = context.exercises.ganTheory
    let checkpoints = context.choose(full: [0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10_000],
                                     quick: [0, 1, 3, 10, 30, 100, 300, 1000, 3000])
    let bar = context.progress(total: checkpoints.last!, label: "training D against a frozen G")
    saturation = try measureSaturation(f, data: Setting.ganData, hyperparameters: hyperparameters,
                                       checkpoints: checkpoints, seed: RandomSource.derivedSeed(base: context.seed, offset: 3)) { bar.advance() }
    bar.finish()
    var table = Table("A frozen generator (samples near 0) against p_data = N(3, 0.5²)",
                      columns: ["D steps", .init("mean D(x)", format: .fixed(4)), .init("mean D(G(z))", format: .scientific(2)),
                                .init("‖∇‖ saturating", format: .scientific(2)), .init("‖∇‖ non-saturating", format: .scientific(2)),
                                .init("ratio", format: .scientific(2))])
    for i in saturation.steps.indices {
        try table.addRow(saturation.steps[i], saturation.meanDReal[i], saturation.meanDFake[i], saturation.saturating[i],
                         saturation.nonSaturating[i], saturation.ratio[i])
    }
    context.show(table)
    results.saturation = .init(steps: saturation.steps, saturating: saturation.saturating,
                               nonSaturating: saturation.nonSaturating, meanDFake: saturation.meanDFake,
                               meanDReal: saturation.meanDReal, ratio: saturation.ratio)
}

lesson.figure("gradient-norms", caption: "Left: the norm of the generator's gradient under each loss while the "
    + "discriminator trains against a frozen generator (log–log). Right: the discriminator's average outputs on "
    + "real and generated samples. Once D(G(z)) is small, the saturating loss's gradient is smaller by the factor "
    + "D/(1 − D).") { _ in
    guard !saturation.steps.isEmpty else { throw CellSkipped("needs the measurements of the cell above") }
    return saturationFigure(saturation)
}

lesson.code("What the experiments showed") { context in
    guard let sweep = results.valueSweep, let fits = results.discriminator, let gan = results.gan,
          let collapse = results.collapse, let twoModes = results.twoModeGANs, let saturation = results.saturation
    else { throw CellSkipped("needs every experiment above") }
    context.markdown(conclusions(sweep: sweep, fits: fits, gan: gan, collapse: collapse, twoModes: twoModes,
                                 saturation: saturation))
}

lesson.markdown(Prose.exercises)

lesson.claims()

lesson.run()
