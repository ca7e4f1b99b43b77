import Foundation
import NeuralNetworks
import Numerics
import Testing

@Test func gaussianLogProbAndEntropyMatchClosedForms() {
    let mean = Tensor(Matrix([[0.5, -1]]))
    let logStd = Tensor(Matrix([[log(2), 0]]))
    let gaussian = DiagonalGaussian(mean: mean, logStd: logStd)
    let x = Tensor(Matrix([[1.5, 0]]))
    // Σ −½((x−μ)/σ)² − log σ − ½ log 2π, by hand.
    let expected = -0.5 * (0.25 + 1) - log(2.0) - log(2 * Double.pi)
    #expect(abs(Double(gaussian.logProb(x).scalar) - expected) < 1e-5)
    let entropy = log(2.0) + log(2 * Double.pi * M_E)
    #expect(abs(Double(gaussian.entropy().scalar) - entropy) < 1e-5)
}

@Test func gaussianSamplesHaveTheRightMomentsAndGradients() {
    var rng = RandomSource(seed: 9)
    let mean = Tensor(Matrix(rows: 4000, cols: 1, repeating: 3))
    let logStd = Tensor(Matrix(scalar: log(0.5)))
    let samples = DiagonalGaussian(mean: mean, logStd: logStd).rsample(rng: &rng)
    #expect(abs(samples.value.mean() - 3) < 0.03)
    let variance = (samples.value - 3).map { $0 * $0 }.mean()
    #expect(abs(variance - 0.25) < 0.02)
    // d mean(sample) / d mean = 1/n per row (reparameterised).
    let grad = samples.mean().gradient(for: mean)
    #expect(abs(grad.sum() - 1) < 1e-5)
}

@Test func tanhGaussianLogProbAgreesWithChangeOfVariables() {
    var rng = RandomSource(seed: 10)
    let dist = TanhGaussian(mean: Tensor(Matrix([[0.3, -0.2]])), logStd: Tensor(Matrix([[-0.5, 0.1]])))
    let (action, logProb) = dist.rsampleWithLogProb(rng: &rng)
    #expect(action.value.max() < 1 && action.value.min() > -1)
    // The same value from the action alone.
    #expect(abs(dist.logProb(action).scalar - logProb.scalar) < 1e-3)
    // By hand: log N(u) − Σ log(1 − a²).
    let u = action.value.map { atanh($0) }
    let naive = dist.base.logProb(Tensor(u)).scalar - action.value.map { log(1 - $0 * $0) }.sum()
    #expect(abs(naive - logProb.scalar) < 1e-3)
}

@Test func bernoulliAndCategoricalMatchClosedForms() {
    let z: Float = 0.7
    let p = 1 / (1 + exp(-z))
    let bernoulli = Bernoulli(logits: Tensor(Matrix([[z, z]])))
    #expect(abs(bernoulli.logProb(Matrix([[1, 0]])).scalar - (log(p) + log(1 - p))) < 1e-5)
    #expect(abs(bernoulli.entropy().scalar - 2 * (-p * log(p) - (1 - p) * log(1 - p))) < 1e-5)

    let categorical = Categorical(logits: Tensor(Matrix([[0, log(2), log(5)], [0, 0, 0]])))
    #expect(abs(categorical.logProb([2, 0]).value[0, 0] - log(0.625)) < 1e-5)
    #expect(abs(categorical.logProb([2, 0]).value[1, 0] - log(1.0 / 3)) < 1e-5)
    let probabilities: [Float] = [0.125, 0.25, 0.625]
    let entropy = -probabilities.map { $0 * log($0) }.reduce(0, +)
    #expect(abs(categorical.entropy().value[0, 0] - entropy) < 1e-5)
    #expect(categorical.mode() == [2, 0])
    var rng = RandomSource(seed: 1)
    var counts = [0, 0, 0]
    for _ in 0..<4000 { counts[categorical.sample(rng: &rng)[0]] += 1 }
    #expect(abs(Float(counts[2]) / 4000 - 0.625) < 0.03)
}

@Test func mixtureLogProbMatchesAWeightedSum() {
    // Two 1-D components: weights 0.25/0.75, means −1/+2, σ 1/0.5.
    let mixture = GaussianMixture(logits: Tensor(Matrix([[log(0.25), log(0.75)]])),
                                  means: Tensor(Matrix([[-1, 2]])),
                                  logStds: Tensor(Matrix([[0, log(0.5)]])))
    func normal(_ x: Double, _ mu: Double, _ sigma: Double) -> Double {
        exp(-0.5 * pow((x - mu) / sigma, 2)) / (sigma * (2 * Double.pi).squareRoot())
    }
    for x in [-1.0, 0.5, 2.2] {
        let expected = log(0.25 * normal(x, -1, 1) + 0.75 * normal(x, 2, 0.5))
        let value = mixture.logProb(Tensor(Matrix(scalar: Float(x)))).scalar
        #expect(abs(Double(value) - expected) < 1e-4)
    }
    var rng = RandomSource(seed: 3)
    let batch = GaussianMixture(logits: Tensor(Matrix(rows: 3000, cols: 2, values: [Float](repeating: 0, count: 6000))),
                                means: Tensor(Matrix(rows: 3000, cols: 2, values: (0..<6000).map { $0 % 2 == 0 ? -1 : 2 })),
                                logStds: Tensor(Matrix(rows: 3000, cols: 2, repeating: log(0.1))))
    let samples = batch.sample(rng: &rng)
    let right = samples.scalars.filter { $0 > 0.5 }.count
    #expect(abs(Float(right) / 3000 - 0.5) < 0.04)
}
