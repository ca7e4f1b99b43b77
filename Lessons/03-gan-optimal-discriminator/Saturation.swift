// The lecture's second question: a discriminator trained towards perfection.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Generator gradient norms under the two generator losses while D trains against a fixed G.
struct SaturationRun {
    /// Discriminator steps taken at each measurement.
    var steps: [Int] = []
    /// ‖∇_θ mean log(1 − D(G(z)))‖ (saturating).
    var saturating: [Double] = []
    /// ‖∇_θ −mean log D(G(z))‖ (non-saturating).
    var nonSaturating: [Double] = []
    /// Mean D(G(z)) and mean D(x) on real samples.
    var meanDFake: [Double] = []
    var meanDReal: [Double] = []
    /// saturating / non-saturating.
    var ratio: [Double] { zip(saturating, nonSaturating).map { $0 / $1 } }
}

/// Freezes a fresh generator, trains the discriminator of a `GAN1D` against it (Adam, batch
/// `hyperparameters.batchSize`) and measures both gradient norms on the same 1024 noise draws at
/// each of `checkpoints` (numbers of discriminator steps).
func measureSaturation<F: GANExercises, D: DataDistribution>(
    _ f: F, data: D, hyperparameters: GANHyperparameters, checkpoints: [Int], seed: UInt64,
    progress: () -> Void
) throws -> SaturationRun where D.Point == Double {
    var rng = RandomSource(seed: seed)
    let gan = try GAN1D(data: data, hyperparameters: hyperparameters, formulas: f, rng: &rng)
    var run = SaturationRun()
    var taken = 0
    for checkpoint in checkpoints {
        while taken < checkpoint {
            try gan.discriminatorStep(rng: &rng)
            taken += 1
            progress()
        }
        var probe = RandomSource(seed: RandomSource.derivedSeed(base: seed, offset: 1))   // the same z for every measurement and both losses
        let saturating = try gan.generatorGradientNorm(kind: .saturating, batchSize: 1024, rng: &probe)
        probe = RandomSource(seed: RandomSource.derivedSeed(base: seed, offset: 1))
        let nonSaturating = try gan.generatorGradientNorm(kind: .nonSaturating, batchSize: 1024, rng: &probe)
        probe = RandomSource(seed: RandomSource.derivedSeed(base: seed, offset: 1))
        let fake = gan.generator.sample(count: 1024, rng: &probe)
        run.steps.append(taken)
        run.saturating.append(saturating)
        run.nonSaturating.append(nonSaturating)
        run.meanDFake.append(meanAndStandardDeviation(of: gan.discriminator.probabilities(at: fake), kind: .sample).mean)
        run.meanDReal.append(meanAndStandardDeviation(of: gan.discriminator.probabilities(at: data.sample(count: 1024, rng: &probe)), kind: .sample).mean)
    }
    return run
}
