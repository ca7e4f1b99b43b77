// Lesson 3: the GAN game, its optimal discriminator, and what training does with them.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 3, slug: "gan-optimal-discriminator", title: "GANs and the optimal discriminator")

lesson.markdown(Prose.introduction)
lesson.markdown(Prose.stepOne)

lesson.code("Step 1 checked: sampling z versus integrating over x") { context in
    let f = formulas(for: context.implementation)
    var rng = RandomSource(seed: context.seed)
    let samples = context.choose(full: 400_000, quick: 100_000)
    // G(z) = 1.5 + 0.7·z pushes z ~ N(0, 1) forward to p_G = N(1.5, 0.7²); D(x) = σ(1 − x) is arbitrary.
    let check = try checkChangeOfVariables(f, shift: 1.5, scale: 0.7, samples: samples, rng: &rng)
    context.print(String(format: "Monte Carlo over x ~ p_data, z ~ p_z (%d each): V ≈ %.5f ± %.5f", samples,
                         check.monteCarlo, check.standardError))
    context.print(String(format: "quadrature of ∫ p_data log D + p_G log(1 − D) dx:      V = %.5f", check.quadrature))
    context.print(String(format: "difference: %.2f standard errors", check.zScore))
    context.record("step1.monteCarlo", check.monteCarlo)
    context.record("step1.standardError", check.standardError)
    context.record("step1.quadrature", check.quadrature)
    context.record("step1.zScore", check.zScore)
}

lesson.markdown(Prose.stepTwo)

lesson.code("Step 2 checked: search over y") { context in
    let f = formulas(for: context.implementation)
    let pairs = [(1.0, 1.0), (2.0, 1.0), (0.3, 0.7), (0.05, 0.4), (5.0, 0.5)]
    let checks = try checkPointwiseMaximizer(f, pairs: pairs, resolution: 100_000)
    var table = Table("argmax of a·log y + b·log(1 − y) over y ∈ (0, 1)",
                      columns: ["a", "b", .init("a/(a+b)", format: .fixed(5)), .init("grid search", format: .fixed(5)),
                                .init("|difference|", format: .scientific(1))])
    for c in checks { try table.addRow(c.a, c.b, c.formula, c.gridArgmax, abs(c.formula - c.gridArgmax)) }
    context.show(table)
    context.record("step2.maxDifference", checks.map { abs($0.formula - $0.gridArgmax) }.max()!)
}

lesson.markdown(Prose.stepThree)

var gaussianSweep = GameSweep()
var mixtureSweep = GameSweep()

lesson.code("Step 3 checked: sweep the generator's mean") { context in
    let f = formulas(for: context.implementation)
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
    context.record("sweep.means", gaussianSweep.means)
    context.record("sweep.optimalValue", gaussianSweep.optimalValue)
    context.record("sweep.jsdForm", gaussianSweep.jsdForm)
    context.record("sweep.maxDifference", gaussianSweep.maxDifference)
    context.record("sweep.klFormMaxDifference", zip(gaussianSweep.optimalValue, gaussianSweep.klForm).map { abs($0 - $1) }.max()!)
    context.record("sweep.minimum", low.value)
    context.record("sweep.argmin", low.mean)
    context.record("sweep.minusLog4", -log(4.0))
    context.record("sweep.mixture.maxDifference", mixtureSweep.maxDifference)
    context.record("sweep.mixture.minimum", mixtureLow.value)
}

lesson.figure("value-sweep", caption: "Left: the value of the game at the optimal discriminator, C(G), as the "
    + "generator's mean slides across the data, computed as V(D*, G) (lines) and as 2·JSD − log 4 (markers); it "
    + "touches −log 4 only where p_G = p_data. Right: the two computations differ by rounding error only.") { _ in
    valueSweepFigure(gaussian: gaussianSweep, mixture: mixtureSweep)
}

lesson.markdown(Prose.stepFour)

lesson.code("Step 4 checked: the optimum") { context in
    let f = formulas(for: context.implementation)
    let optimum = try checkOptimum(f)
    context.print(String(format: "p_G = p_data = N(0, 1):  C(G) = %.12f,  −log 4 = %.12f", optimum.value, -log(4.0)))
    context.print(String(format: "largest |D*(x) − ½| on the grid: %g", optimum.maxDeviation))
    context.record("step4.value", optimum.value)
    context.record("step4.maxDeviationFromHalf", optimum.maxDeviation)
}

lesson.markdown(Prose.training)

var fits: [DiscriminatorFit] = []

lesson.code("A trained discriminator meets D*") { context in
    let f = formulas(for: context.implementation)
    var rng = RandomSource(seed: context.seed &+ 1)
    let training = DiscriminatorTraining(steps: context.choose(full: 3000, quick: 2000))
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
    context.record("discriminator.gaussian.maxError", fits[0].maxError)
    context.record("discriminator.mixture.maxError", fits[1].maxError)
    context.record("discriminator.steps", training.steps)
}

lesson.figure("discriminator-vs-optimal", caption: "Top: the two fixed densities. Bottom: a discriminator "
    + "network trained on their samples (orange) lies on the analytic optimum D* (dashed) wherever samples fall; "
    + "outside the grey support it has no data to learn from.") { _ in
    discriminatorFigure(fits)
}

lesson.run()
