import Environments
import Foundation
import Numerics
import Testing

@Suite struct DistributionTests {
    @Test func oneDimensionalDensitiesIntegrateToOneAndMatchSamples() throws {
        let distributions: [(any DataDistribution<Double>, mean: Double, variance: Double)] = [
            (try Gaussian1D(mean: 1.5, std: 0.7), 1.5, 0.49),
            (GaussianMixture1D.twoModes, 0, 0.25 + 4),
            (try GaussianMixture1D(components: [Gaussian1D(mean: -1, std: 0.3), Gaussian1D(mean: 3, std: 1)], weights: [3, 1]),
             0, 0.75 * (0.09 + 1) + 0.25 * (1 + 9)),
        ]
        for (distribution, mean, variance) in distributions {
            let h = 0.001
            let integral = stride(from: -15.0, to: 15.0, by: h).reduce(0) { $0 + distribution.density($1) * h }
            #expect(abs(integral - 1) < 1e-6)
            var rng = RandomSource(seed: 21)
            let samples = distribution.sample(count: 200_000, rng: &rng)
            let m = samples.reduce(0, +) / Double(samples.count)
            let v = samples.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(samples.count)
            #expect(abs(m - mean) < 0.02)
            #expect(abs(v - variance) / variance < 0.02)
        }
    }

    @Test func twoDimensionalDensitiesIntegrateToOneAndMatchSamples() throws {
        let gaussian = try Gaussian2D(mean: [0.5, -1], std: [1, 0.5], correlation: 0.6)
        let ring = try GaussianMixture2D.ring()
        for distribution in [gaussian, ring] as [any DataDistribution<SIMD2<Double>>] {
            let h: Double = 0.01
            var integral: Double = 0
            for x in stride(from: -4.0, to: 4.0, by: h) {
                for y in stride(from: -4.0, to: 4.0, by: h) {
                    let density: Double = distribution.density(SIMD2<Double>(x, y))
                    integral += density * h * h
                }
            }
            #expect(abs(integral - 1) < 1e-3)
        }
        var rng = RandomSource(seed: 4)
        let samples = gaussian.sample(count: 100_000, rng: &rng)
        let mean = samples.reduce(SIMD2<Double>.zero, +) / Double(samples.count)
        let products: [Double] = samples.map { (s: SIMD2<Double>) -> Double in (s.x - mean.x) * (s.y - mean.y) }
        let covariance: Double = products.reduce(0, +) / Double(samples.count)
        #expect(abs(mean.x - 0.5) < 0.02 && abs(mean.y + 1) < 0.02)
        #expect(abs(covariance - 0.6 * 1 * 0.5) < 0.01)
        // Ring samples sit at radius 2.
        let radii: [Double] = ring.sample(count: 10_000, rng: &rng).map { (s: SIMD2<Double>) -> Double in (s * s).sum().squareRoot() }
        let meanRadius: Double = radii.reduce(0, +) / 10_000
        #expect(abs(meanRadius - 2) < 0.01)
        let peak: Double = 1 / (8 * 2 * Double.pi * 0.05 * 0.05)
        #expect(abs(ring.density(SIMD2<Double>(2, 0)) - peak) < 1e-6)
    }

    @Test func badParametersThrow() {
        #expect(throws: DistributionError.self) { try Gaussian1D(mean: 0, std: 0) }
        #expect(throws: DistributionError.self) { try Gaussian1D(mean: .nan, std: 1) }
        #expect(throws: DistributionError.self) { try GaussianMixture1D(components: []) }
        #expect(throws: DistributionError.self) { try GaussianMixture1D(components: [Gaussian1D(mean: 0, std: 1)], weights: [-1]) }
        #expect(throws: DistributionError.self) { try Gaussian2D(mean: .zero, std: [1, 1], correlation: 1) }
        #expect(throws: DistributionError.self) { try GaussianMixture2D.ring(count: 0) }
    }
}
