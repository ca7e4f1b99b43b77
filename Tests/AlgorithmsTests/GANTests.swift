import Algorithms
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions
import Testing

@Suite("GAN algorithms (lesson 3)")
struct GANTests {
    let formulas = Solutions.GANTheory()

    @Test("Grid1D integrates a Gaussian to 1 and rejects a bad interval")
    func gridIntegrates() throws {
        let grid = try Grid1D(from: -10, to: 10, count: 2001)
        let mass = grid.integrate(grid.tabulate(try Gaussian1D(mean: 0.3, std: 0.8)))
        #expect(abs(mass - 1) < 1e-12, "mass \(mass)")
        #expect(throws: GANInputError.self) { try Grid1D(from: 1, to: 1, count: 10) }
        #expect(throws: GANInputError.self) { try Grid1D(from: 0, to: 1, count: 1) }
    }

    @Test("the game's quadrature: V(½) = −log 4, V(D*) = 2·JSD − log 4 ≥ V(D) for other D")
    func quadratureIdentities() throws {
        let grid = try Grid1D(from: -12, to: 12, count: 4801)
        let game = GameQuadrature(formulas: formulas, grid: grid)
        let p = grid.tabulate(try Gaussian1D(mean: 0, std: 1))
        let q = grid.tabulate(try Gaussian1D(mean: 1.2, std: 0.6))
        let half = try game.value(pData: p, pG: q, discriminator: p.map { _ in 0.5 })
        #expect(abs(half + log(4)) < 1e-10, "V(½) = \(half)")
        let c = try game.optimalValue(pData: p, pG: q)
        let j = try game.jensenShannonForm(pData: p, pG: q)
        let kl = try game.klToMixture(p, q) + game.klToMixture(q, p) - log(4)
        #expect(abs(c - j) < 1e-9 && abs(c - kl) < 1e-9, "C = \(c), 2·JSD − log 4 = \(j), KL form = \(kl)")
        let other = grid.points.map { 1 / (1 + exp($0 - 0.5)) }
        #expect(try game.value(pData: p, pG: q, discriminator: other) < c)
        #expect(throws: GANInputError.self) { try game.value(pData: [1], pG: [1], discriminator: [0.5]) }
    }

    @Test("Monte Carlo over noise agrees with quadrature over x (step 1)")
    func monteCarloMatchesQuadrature() throws {
        var rng = RandomSource(seed: 11)
        let d = { (x: Double) in 1 / (1 + exp(x - 1)) }
        let real = (0..<50_000).map { _ in rng.normal() }
        let fake = (0..<50_000).map { _ in 1.5 + 0.7 * rng.normal() }
        let (estimate, error) = try GameQuadrature<Solutions.GANTheory>.monteCarloValue(realSamples: real, generatedSamples: fake, discriminator: d)
        let grid = try Grid1D(from: -12, to: 12, count: 4801)
        let exact = try GameQuadrature(formulas: formulas, grid: grid).value(
            pData: grid.tabulate(try Gaussian1D(mean: 0, std: 1)), pG: grid.tabulate(try Gaussian1D(mean: 1.5, std: 0.7)),
            discriminator: grid.points.map(d))
        #expect(abs(estimate - exact) < 4 * error, "MC \(estimate) ± \(error), exact \(exact)")
    }

    @Test("the kernel density estimate integrates to 1 and needs two samples")
    func kernelDensity() throws {
        var rng = RandomSource(seed: 2)
        let kde = try KernelDensity1D(samples: (0..<2000).map { _ in rng.normal(mean: 1, std: 0.5) })
        let grid = try Grid1D(from: -5, to: 7, count: 2401)
        #expect(abs(grid.integrate(kde.densities(at: grid.points)) - 1) < 1e-6)
        #expect(kde.bandwidth > 0.05 && kde.bandwidth < 0.2, "bandwidth \(kde.bandwidth)")
        #expect(throws: GANInputError.self) { try KernelDensity1D(samples: [1]) }
    }

    @Test("a discriminator learns to separate two distant Gaussians")
    func discriminatorSeparates() throws {
        var rng = RandomSource(seed: 4)
        let d = Discriminator1D(hidden: [16], learningRate: 1e-2, formulas: formulas, rng: &rng)
        let real = try Gaussian1D(mean: 2, std: 0.3), fake = try Gaussian1D(mean: -2, std: 0.3)
        for _ in 0..<200 {
            try d.step(real: real.sample(count: 64, rng: &rng), fake: fake.sample(count: 64, rng: &rng))
        }
        let p = d.probabilities(at: [2, -2])
        #expect(p[0] > 0.95 && p[1] < 0.05, "D(2) = \(p[0]), D(−2) = \(p[1])")
    }

    @Test("hyper-parameters: the paper's defaults, and bad values are rejected")
    func hyperparameters() throws {
        let h = GANHyperparameters()
        #expect(h.discriminatorSteps == 1 && h.generatorLoss == .nonSaturating)
        #expect(h.generatorLearningRate == 2e-4 && h.adamBeta1 == 0.5)
        var bad = h
        bad.discriminatorSteps = 0
        #expect(throws: GANInputError.self) { try bad.validate() }
        var rng = RandomSource(seed: 0)
        #expect(throws: GANInputError.self) {
            try GAN1D(data: try Gaussian1D(mean: 0, std: 1), hyperparameters: bad, formulas: formulas, rng: &rng)
        }
    }

    @Test("GAN1D: a few iterations move the generator towards the data, deterministically")
    func ganTrainsDeterministically() throws {
        func train() throws -> (before: Double, after: Double, samples: [Double]) {
            var rng = RandomSource(seed: 9)
            var h = GANHyperparameters()
            h.discriminatorLearningRate = 1e-3
            h.generatorLearningRate = 1e-3
            h.discriminatorSteps = 2
            let gan = try GAN1D(data: try Gaussian1D(mean: 3, std: 0.5), hyperparameters: h, formulas: formulas, rng: &rng)
            var probe = RandomSource(seed: 1)
            let before = gan.generator.sample(count: 500, rng: &probe).reduce(0, +) / 500
            for _ in 0..<150 { try gan.trainingIteration(rng: &rng) }
            #expect(gan.iterations == 150 && gan.discriminator.steps == 300)
            probe = RandomSource(seed: 1)
            let samples = gan.generator.sample(count: 500, rng: &probe)
            return (before, samples.reduce(0, +) / 500, samples)
        }
        let first = try train(), second = try train()
        #expect(first.after > first.before + 1, "mean of G(z) moved from \(first.before) to \(first.after), want towards 3")
        #expect(first.samples == second.samples, "the same seed should give the same generator")
    }

    @Test("generator gradient norms: the saturating loss's is smaller when D rejects the samples")
    func gradientNorms() throws {
        var rng = RandomSource(seed: 5)
        var h = GANHyperparameters()
        h.discriminatorLearningRate = 1e-2
        let gan = try GAN1D(data: try Gaussian1D(mean: 3, std: 0.5), hyperparameters: h, formulas: formulas, rng: &rng)
        for _ in 0..<300 { try gan.discriminatorStep(rng: &rng) }
        var a = RandomSource(seed: 1), b = RandomSource(seed: 1)
        let saturating = try gan.generatorGradientNorm(kind: .saturating, batchSize: 256, rng: &a)
        let nonSaturating = try gan.generatorGradientNorm(kind: .nonSaturating, batchSize: 256, rng: &b)
        #expect(saturating.isFinite && nonSaturating > 0)
        #expect(saturating < 0.1 * nonSaturating, "saturating \(saturating), non-saturating \(nonSaturating)")
    }
}
