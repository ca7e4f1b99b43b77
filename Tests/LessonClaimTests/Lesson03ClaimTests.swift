import Foundation
import Testing

/// Runs lesson 3's quick setting once per test process and shares the result.
enum Lesson03Run {
    /// The one run (seed 0, `--quick`), or the error that stopped it.
    /// (`nonisolated(unsafe)`: the value is created once, thread-safely, and only read afterwards.)
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result { try LessonRun.run("03-gan-optimal-discriminator", seed: 0, timeLimit: 600) }

    /// The run, or a thrown error naming why it failed.
    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 3: GANs and the optimal discriminator")
struct Lesson03ClaimTests {
    @Test("the lesson runs every cell and writes its figures")
    func runsCompletely() throws {
        let run = try Lesson03Run.get()
        #expect(run.status == "complete", "lesson 3 --quick did not run every cell")
        for figure in ["value-sweep", "discriminator-vs-optimal", "gan-samples", "gan-jsd", "mode-collapse", "gradient-norms"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png was not written")
        }
    }

    @Test("each step of the derivation is checked numerically")
    func derivationSteps() throws {
        let run = try Lesson03Run.get()
        let z = try run.number("step1.zScore")
        #expect(z < 4, "step 1: Monte-Carlo V and quadrature V differ by \(z) standard errors")
        let grid = try run.number("step2.maxDifference")
        #expect(grid < 2e-5, "step 2: a/(a+b) and the grid search's argmax differ by \(grid) (grid step 1e-5)")
        let deviation = try run.number("step4.maxDeviationFromHalf")
        #expect(deviation < 1e-12, "step 4: D* should be ½ everywhere when p_G = p_data; max |D* − ½| = \(deviation)")
        let value = try run.number("step4.value")
        #expect(abs(value + log(4)) < 1e-6, "step 4: C(G) at p_G = p_data is \(value), want −log 4 = \(-log(4.0))")
    }

    @Test("claim: C(G) and 2·JSD − log 4 agree to quadrature accuracy and bottom out at −log 4")
    func valueEqualsJSDForm() throws {
        let run = try Lesson03Run.get()
        let difference = try run.number("sweep.maxDifference")
        #expect(difference < 1e-6, "max |C(G) − (2·JSD − log 4)| over the sweep is \(difference), want < 1e-6")
        let klDifference = try run.number("sweep.klFormMaxDifference")
        #expect(klDifference < 1e-6, "max |C(G) − (KL + KL − log 4)| over the sweep is \(klDifference), want < 1e-6")
        let mixtureDifference = try run.number("sweep.mixture.maxDifference")
        #expect(mixtureDifference < 1e-6, "two-mode data: max |C(G) − (2·JSD − log 4)| is \(mixtureDifference), want < 1e-6")
        let minimum = try run.number("sweep.minimum")
        let argmin = try run.number("sweep.argmin")
        #expect(abs(minimum + log(4)) < 1e-6, "the sweep's minimum C(G) is \(minimum), want −log 4 = \(-log(4.0))")
        #expect(abs(argmin) < 1e-9, "the minimum of C(G) is at μ = \(argmin), want μ = 0 where p_G = p_data")
        let values = try run.numbers("sweep.optimalValue")
        #expect(values.allSatisfy { $0 >= -log(4) - 1e-9 }, "some C(G) in the sweep is below −log 4: \(values.min() ?? .nan)")
        let mixtureMinimum = try run.number("sweep.mixture.minimum")
        #expect(mixtureMinimum > -log(4) + 0.1, "a Gaussian generator cannot match two modes, yet C(G) reached \(mixtureMinimum)")
    }

    @Test("claim: a trained discriminator matches D* on the data's support")
    func trainedDiscriminatorMatchesOptimum() throws {
        let run = try Lesson03Run.get()
        let gaussian = try run.number("discriminator.gaussian.maxError")
        let mixture = try run.number("discriminator.mixture.maxError")
        #expect(gaussian < 0.05, "Gaussian case: max |D − D*| on the support is \(gaussian), want < 0.05")
        #expect(mixture < 0.05, "two-mode case: max |D − D*| on the support is \(mixture), want < 0.05")
    }

    @Test("claim: the GAN's generated distribution approaches p_data (JSD falls substantially)")
    func ganApproachesData() throws {
        let run = try Lesson03Run.get()
        let starts = try run.numbers("gan.jsdStart")
        let ends = try run.numbers("gan.jsdEnd")
        #expect(starts.count >= 3, "want at least 3 seeds, got \(starts.count)")
        for (seed, (start, end)) in zip(starts, ends).enumerated() {
            #expect(end < 0.25 * start, "seed \(seed): JSD fell only from \(start) to \(end), want below a quarter of the start")
            #expect(end < 0.1, "seed \(seed): JSD at the end is \(end), want < 0.1 nats")
        }
        let means = try run.numbers("gan.endMean")
        #expect(means.allSatisfy { abs($0 - 3) < 0.3 }, "generated means at the end \(means), want within 0.3 of the data's 3")
    }

    @Test("claim: under a near-perfect D the saturating generator gradient is ≪ the non-saturating one")
    func saturatingLossVanishes() throws {
        let run = try Lesson03Run.get()
        let ratio = try run.number("saturation.finalRatio")
        let fake = try run.numbers("saturation.meanDFake").last ?? .nan
        #expect(fake < 0.01, "the discriminator is not near-perfect: mean D(G(z)) = \(fake)")
        #expect(ratio < 0.01, "saturating / non-saturating gradient norm is \(ratio), want < 0.01")
        let nonSaturating = try run.numbers("saturation.nonSaturating")
        #expect(nonSaturating.last! > nonSaturating.first!, "the non-saturating gradient should not vanish: \(nonSaturating)")
    }

    @Test("mode collapse: the discriminator against a one-point generator exposes the missing mode")
    func collapsedGeneratorIsExposed() throws {
        let run = try Lesson03Run.get()
        let missing = try run.number("collapse.dAtMissingMode")
        let point = try run.number("collapse.dAtPoint")
        #expect(missing > 0.95, "D at the missing mode is \(missing), want > 0.95 (D* = 1 there)")
        #expect(point < 0.5, "D at the collapsed point x₀ is \(point), want < 0.5 (D*(x₀) = 0)")
        let jsd = try run.numbers("collapse.jsd")
        #expect(zip(jsd, jsd.dropFirst()).allSatisfy { $0 < $1 } && jsd.last! < log(2),
                "JSD should rise towards log 2 as p_G narrows onto the point: \(jsd)")
    }
}
