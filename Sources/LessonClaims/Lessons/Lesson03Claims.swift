import Foundation

/// Lesson 3's claims: the optimal discriminator, C(G) = 2·JSD − log 4, a GAN that learns, saturation
/// and mode collapse.
let lesson03Claims: [Claim] = [
    Claim(lesson: 3, id: "derivation", "each step of the derivation is checked numerically", of: Lesson03Results.self) { results, check in
        let stepOne = try required(results.changeOfVariables, "changeOfVariables")
        let stepTwo = try required(results.pointwiseMaximizer, "pointwiseMaximizer")
        let stepFour = try required(results.optimum, "optimum")
        check.less(stepOne.zScore, than: 4, "step 1: Monte-Carlo V and quadrature V, standard errors apart")
        check.less(stepTwo.maxDifference, than: 2e-5, "step 2: a/(a+b) against the grid search's argmax")
        check.less(stepFour.maxDeviationFromHalf, than: 1e-12, "step 4: max |D* − ½| when p_G = p_data")
        check.less(abs(stepFour.value + log(4)), than: 1e-6, "step 4: |C(G) + log 4| at p_G = p_data")
    },
    Claim(lesson: 3, id: "jsdForm", "C(G) and 2·JSD − log 4 agree to quadrature accuracy and bottom out at −log 4",
          of: Lesson03Results.self) { results, check in
        let sweep = try required(results.valueSweep, "valueSweep")
        check.less(sweep.maxDifference, than: 1e-6, "max |C(G) − (2·JSD − log 4)|")
        check.less(sweep.klFormMaxDifference, than: 1e-6, "max |C(G) − (KL + KL − log 4)|")
        check.less(sweep.twoModes.maxDifference, than: 1e-6, "two-mode data: max |C(G) − (2·JSD − log 4)|")
        check.less(abs(sweep.minimum + log(4)), than: 1e-6, "|min C(G) + log 4|")
        check.less(abs(sweep.argmin), than: 1e-9, "the minimum is at μ = 0, |argmin|")
        check.atLeast(sweep.optimalValue.min() ?? .nan, -log(4) - 1e-9, "no C(G) below −log 4, smallest")
        check.greater(sweep.twoModes.minimum, than: -log(4) + 0.1, "a Gaussian generator cannot match two modes, smallest C(G)")
    },
    Claim(lesson: 3, id: "discriminator", "a trained discriminator matches D* on the data's support",
          of: Lesson03Results.self) { results, check in
        let fits = try required(results.discriminator, "discriminator")
        check.less(fits.gaussianMaxError, than: 0.05, "Gaussian case: max |D − D*|")
        check.less(fits.twoModeMaxError, than: 0.05, "two-mode case: max |D − D*|")
    },
    Claim(lesson: 3, id: "ganLearns", "the GAN's generated distribution approaches p_data (JSD falls substantially)",
          of: Lesson03Results.self) { results, check in
        let gan = try required(results.gan, "gan")
        let starts = gan.jsdStart, ends = gan.jsdEnd
        check.atLeast(Double(starts.count), 3, "seeds")
        for (seed, (start, end)) in zip(starts, ends).enumerated() {
            check.less(end, than: 0.25 * start, "seed \(seed): JSD falls below a quarter of its start")
            check.less(end, than: 0.1, "seed \(seed): final JSD in nats")
        }
        for mean in gan.endMean { check.less(abs(mean - 3), than: 0.3, "generated mean within 0.3 of 3") }
    },
    Claim(lesson: 3, id: "saturation", "under a near-perfect D the saturating generator gradient is ≪ the non-saturating one",
          of: Lesson03Results.self) { results, check in
        let saturation = try required(results.saturation, "saturation")
        check.less(saturation.meanDFake.last ?? .nan, than: 0.01, "the discriminator is near-perfect, mean D(G(z))")
        check.less(saturation.ratio.last ?? .nan, than: 0.01, "saturating / non-saturating gradient norm")
        check.greater(saturation.nonSaturating.last ?? .nan, than: saturation.nonSaturating.first ?? .nan,
                      "the non-saturating gradient does not vanish")
    },
    Claim(lesson: 3, id: "modeCollapse", "the discriminator against a one-point generator exposes the missing mode",
          of: Lesson03Results.self) { results, check in
        let collapse = try required(results.collapse, "collapse")
        check.greater(collapse.dAtMissingMode, than: 0.95, "D at the missing mode (D* = 1)")
        check.less(collapse.dAtPoint, than: 0.5, "D at the collapsed point (D* = 0)")
        let jsd = collapse.jsd
        check.that(zip(jsd, jsd.dropFirst()).allSatisfy { $0 < $1 } && (jsd.last ?? .nan) < log(2),
                   "JSD rises towards log 2 as p_G narrows onto the point: \(jsd)")
    },
]
