// A trained discriminator against the analytic optimum D*.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// One case of the comparison: fixed p_data and p_G, a discriminator trained on their samples,
/// and D* from the densities.
struct DiscriminatorFit {
    /// The case's name.
    var name: String
    /// The plotting grid.
    var x: [Double]
    /// p_data and p_G on it.
    var pData: [Double], pG: [Double]
    /// D* = p_data/(p_data + p_G) on it (the student's exercise 3.2).
    var optimal: [Double]
    /// The trained D on it.
    var trained: [Double]
    /// The support: where p_data + p_G ≥ `supportThreshold`.
    var support: [Bool]
    /// The largest |D − D*| on the support, and where.
    var maxError: Double, maxErrorAt: Double
    /// The discriminator's loss over training (every 10 steps).
    var losses: [Double]
}

/// How the discriminator is trained against a fixed generator.
struct DiscriminatorTraining {
    /// Adam steps.
    var steps: Int
    /// Real and generated samples per step.
    var batchSize = 512
    /// Adam's step size; divided by 10 for the last third of the steps, so that the minibatch
    /// noise averages out and D settles.
    var learningRate: Float = 2e-3
    /// Hidden widths.
    var hidden = [32, 32]
}

/// The support threshold: p_data + p_G ≥ 0.05 (for these densities, the middle 99 % or more of
/// each distribution's mass).
let supportThreshold = 0.05

/// Trains `Discriminator1D` (loss: the student's exercise 3.5) to tell `data` from `generator`
/// samples and compares it with D* (the student's exercise 3.2).
func fitDiscriminator<F: GANExercises, P: DataDistribution, Q: DataDistribution>(
    _ f: F, name: String, data: P, generator: Q, training: DiscriminatorTraining,
    rng: inout RandomSource, progress: (Int) -> Void
) throws -> DiscriminatorFit where P.Point == Double, Q.Point == Double {
    let d = Discriminator1D(hidden: training.hidden, learningRate: training.learningRate, formulas: f, rng: &rng)
    var losses: [Double] = []
    for step in 0..<training.steps {
        if step == 2 * training.steps / 3 { d.optimizer.learningRate = training.learningRate / 10 }
        let loss = try d.step(real: data.sample(count: training.batchSize, rng: &rng),
                              fake: generator.sample(count: training.batchSize, rng: &rng))
        if step % 10 == 0 { losses.append(loss) }
        progress(step)
    }
    let x = Setting.plotGrid.points
    let pData = Setting.plotGrid.tabulate(data), pG = Setting.plotGrid.tabulate(generator)
    let optimal = try zip(pData, pG).map { try f.optimalDiscriminator(pData: $0, pG: $1) }
    let trained = d.probabilities(at: x)
    let support = zip(pData, pG).map { $0 + $1 >= supportThreshold }
    var maxError = 0.0, maxErrorAt = Double.nan
    for i in x.indices where support[i] && abs(trained[i] - optimal[i]) > maxError {
        maxError = abs(trained[i] - optimal[i])
        maxErrorAt = x[i]
    }
    return DiscriminatorFit(name: name, x: x, pData: pData, pG: pG, optimal: optimal, trained: trained,
                            support: support, maxError: maxError, maxErrorAt: maxErrorAt, losses: losses)
}
