import Foundation

/// Lesson 3's claims: the optimal discriminator, C(G) = 2·JSD − log 4, a GAN that learns, saturation
/// and mode collapse.
let lesson03Claims: [Claim] = [
    Claim(lesson: 3, id: "derivation", "each step of the derivation is checked numerically") { r, check in
        check.less(try r.number("step1.zScore"), than: 4, "step 1: Monte-Carlo V and quadrature V, standard errors apart")
        check.less(try r.number("step2.maxDifference"), than: 2e-5, "step 2: a/(a+b) against the grid search's argmax")
        check.less(try r.number("step4.maxDeviationFromHalf"), than: 1e-12, "step 4: max |D* − ½| when p_G = p_data")
        check.less(abs(try r.number("step4.value") + log(4)), than: 1e-6, "step 4: |C(G) + log 4| at p_G = p_data")
    },
    Claim(lesson: 3, id: "jsdForm", "C(G) and 2·JSD − log 4 agree to quadrature accuracy and bottom out at −log 4") { r, check in
        check.less(try r.number("sweep.maxDifference"), than: 1e-6, "max |C(G) − (2·JSD − log 4)|")
        check.less(try r.number("sweep.klFormMaxDifference"), than: 1e-6, "max |C(G) − (KL + KL − log 4)|")
        check.less(try r.number("sweep.mixture.maxDifference"), than: 1e-6, "two-mode data: max |C(G) − (2·JSD − log 4)|")
        check.less(abs(try r.number("sweep.minimum") + log(4)), than: 1e-6, "|min C(G) + log 4|")
        check.less(abs(try r.number("sweep.argmin")), than: 1e-9, "the minimum is at μ = 0, |argmin|")
        check.atLeast(try r.numbers("sweep.optimalValue").min() ?? .nan, -log(4) - 1e-9, "no C(G) below −log 4, smallest")
        check.greater(try r.number("sweep.mixture.minimum"), than: -log(4) + 0.1,
                      "a Gaussian generator cannot match two modes, smallest C(G)")
    },
    Claim(lesson: 3, id: "discriminator", "a trained discriminator matches D* on the data's support") { r, check in
        check.less(try r.number("discriminator.gaussian.maxError"), than: 0.05, "Gaussian case: max |D − D*|")
        check.less(try r.number("discriminator.mixture.maxError"), than: 0.05, "two-mode case: max |D − D*|")
    },
    Claim(lesson: 3, id: "ganLearns", "the GAN's generated distribution approaches p_data (JSD falls substantially)") { r, check in
        let starts = try r.numbers("gan.jsdStart"), ends = try r.numbers("gan.jsdEnd")
        check.atLeast(Double(starts.count), 3, "seeds")
        for (seed, (start, end)) in zip(starts, ends).enumerated() {
            check.less(end, than: 0.25 * start, "seed \(seed): JSD falls below a quarter of its start")
            check.less(end, than: 0.1, "seed \(seed): final JSD in nats")
        }
        for mean in try r.numbers("gan.endMean") { check.less(abs(mean - 3), than: 0.3, "generated mean within 0.3 of 3") }
    },
    Claim(lesson: 3, id: "saturation", "under a near-perfect D the saturating generator gradient is ≪ the non-saturating one") { r, check in
        check.less(try r.numbers("saturation.meanDFake").last ?? .nan, than: 0.01, "the discriminator is near-perfect, mean D(G(z))")
        check.less(try r.number("saturation.finalRatio"), than: 0.01, "saturating / non-saturating gradient norm")
        let nonSaturating = try r.numbers("saturation.nonSaturating")
        check.greater(nonSaturating.last!, than: nonSaturating.first!, "the non-saturating gradient does not vanish")
    },
    Claim(lesson: 3, id: "modeCollapse", "the discriminator against a one-point generator exposes the missing mode") { r, check in
        check.greater(try r.number("collapse.dAtMissingMode"), than: 0.95, "D at the missing mode (D* = 1)")
        check.less(try r.number("collapse.dAtPoint"), than: 0.5, "D at the collapsed point (D* = 0)")
        let jsd = try r.numbers("collapse.jsd")
        check.that(zip(jsd, jsd.dropFirst()).allSatisfy { $0 < $1 } && jsd.last! < log(2),
                   "JSD rises towards log 2 as p_G narrows onto the point: \(jsd)")
    },
]
