// The 1-D GAN trained end to end, over several seeds.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics

/// One seed's GAN run: JSD(p_data ‖ p̂_G) at checkpoints and samples at a few snapshots (what a
/// shard, `--seeds`, keeps of the seed).
struct GANRun: Codable, Sendable {
    /// Generated samples at one iteration.
    struct Snapshot: Codable, Sendable {
        var iteration: Int
        var samples: [Double]
    }

    /// The seed.
    var seed: UInt64
    /// Iterations at which JSD was measured.
    var checkpoints: [Int] = []
    /// JSD(p_data ‖ p̂_G) there, p̂_G a kernel density estimate of generated samples.
    var jsd: [Double] = []
    /// Generated samples at the snapshot iterations.
    var snapshots: [Snapshot] = []
    /// D on the plotting grid at the end.
    var finalDiscriminator: [Double] = []
    /// The fraction of generated samples below 0 at the end (the left mode, for two-mode data).
    var leftFraction = Double.nan
}

/// Samples used to estimate p̂_G by a kernel density estimate.
let jsdSampleCount = 4000

/// JSD(p_data ‖ p̂_G) with p̂_G the kernel density estimate of `samples`, on the quadrature grid
/// (the student's exercise 3.3).
func estimatedJSD<F: GANExercises, D: DataDistribution>(_ f: F, data: D, samples: [Double]) throws -> Double
where D.Point == Double {
    let kde = try KernelDensity1D(samples: samples)
    return try f.jensenShannonDivergence(p: Setting.grid.tabulate(data), q: kde.densities(at: Setting.grid.points),
                                         dx: Setting.grid.spacing)
}

/// Trains a `GAN1D` (losses: the student's exercises 3.4 and 3.5) for `iterations` on `data`,
/// measuring JSD at `checkpointCount + 1` evenly spaced iterations and keeping samples at
/// `snapshotIterations`.
func trainGAN<F: GANExercises, D: DataDistribution>(
    _ f: F, data: D, hyperparameters: GANHyperparameters, iterations: Int, checkpointCount: Int,
    snapshotIterations: [Int], seed: UInt64, progress: () -> Void
) throws -> GANRun where D.Point == Double {
    var rng = RandomSource(seed: seed)
    var evaluationRNG = rng.split()
    let gan = try GAN1D(data: data, hyperparameters: hyperparameters, formulas: f, rng: &rng)
    var run = GANRun(seed: seed)
    let every = max(iterations / checkpointCount, 1)
    for iteration in 0...iterations {
        if iteration % every == 0 || iteration == iterations || snapshotIterations.contains(iteration) {
            let samples = gan.generator.sample(count: jsdSampleCount, rng: &evaluationRNG)
            if iteration % every == 0 || iteration == iterations, run.checkpoints.last != iteration {
                run.checkpoints.append(iteration)
                run.jsd.append(try estimatedJSD(f, data: data, samples: samples))
            }
            if snapshotIterations.contains(iteration) { run.snapshots.append(GANRun.Snapshot(iteration: iteration, samples: samples)) }
            if iteration == iterations {
                run.leftFraction = Double(samples.filter { $0 < 0 }.count) / Double(samples.count)
            }
        }
        if iteration < iterations {
            try gan.trainingIteration(rng: &rng)
            progress()
        }
    }
    run.finalDiscriminator = gan.discriminator.probabilities(at: Setting.plotGrid.points)
    return run
}

/// GANs trained on `data` for seeds `0..<seeds` of the experiment `experiment`, the seeds in
/// parallel over the cores (each with its own random source), through `context.perSeed`: a shard
/// (`--seeds`) trains its seeds and a merge (`--merge`) reads them.
func trainGANsPerSeed<D: DataDistribution & Sendable>(
    _ experiment: String, label: String, context: LessonContext, data: D, seeds: Int, iterations: Int,
    checkpointCount: Int, snapshotIterations: [Int]
) throws -> [GANRun] where D.Point == Double {
    let f = context.exercises.ganTheory
    let (h, base) = (hyperparameters, context.seed)
    return try context.perSeed(experiment, count: seeds) { indices in
        let bar = context.progress(total: indices.count * iterations, label: label)
        defer { bar.finish() }
        return try parallelMap(indices.count) { j in
            try trainGAN(f, data: data, hyperparameters: h, iterations: iterations, checkpointCount: checkpointCount,
                         snapshotIterations: snapshotIterations,
                         seed: RandomSource.derivedSeed(base: base, index: indices[j])) { bar.advance() }
        }
    }
}
