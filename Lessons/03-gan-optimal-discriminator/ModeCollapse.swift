// The lecture's first question: a generator that maps all noise to one sample.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// A generator collapsed onto one point x₀, against the two-mode data.
struct CollapsedGenerator {
    /// The point every z is mapped to.
    var point: Double
    /// JSD(p_data ‖ N(x₀, s²)) for shrinking s: it tends to log 2 as p_G tends to the point mass.
    var widths: [Double] = []
    var jsd: [Double] = []
    /// The plotting grid and p_data on it.
    var x: [Double] = []
    var pData: [Double] = []
    /// D trained against the collapsed generator (same training as the D* comparison).
    var trained: [Double] = []
    /// D at the centre of the missing mode (−2), at x₀, and the largest D within ±0.1 of x₀.
    var atMissingMode = Double.nan, atPoint = Double.nan
}

/// Trains a discriminator with every generated sample equal to `point`, and measures the JSD of
/// ever narrower Gaussians at `point`.
func collapseOntoPoint<F: GANExercises>(_ f: F, point: Double, training: DiscriminatorTraining,
                                        rng: inout RandomSource, progress: (Int) -> Void) throws -> CollapsedGenerator {
    var result = CollapsedGenerator(point: point)
    let pData = Setting.grid.tabulate(Setting.twoModes)
    for width in [0.5, 0.2, 0.1, 0.05] {
        let pG = Setting.grid.tabulate(try Gaussian1D(mean: point, std: width))
        result.widths.append(width)
        result.jsd.append(try f.jensenShannonDivergence(p: pData, q: pG, dx: Setting.grid.spacing))
    }
    let d = Discriminator1D(hidden: training.hidden, learningRate: training.learningRate, formulas: f, rng: &rng)
    let fake = [Double](repeating: point, count: training.batchSize)
    for step in 0..<training.steps {
        if step == 2 * training.steps / 3 { d.optimizer.learningRate = training.learningRate / 10 }
        try d.step(real: Setting.twoModes.sample(count: training.batchSize, rng: &rng), fake: fake)
        progress(step)
    }
    result.x = Setting.plotGrid.points
    result.pData = Setting.plotGrid.tabulate(Setting.twoModes)
    result.trained = d.probabilities(at: result.x)
    let probes = d.probabilities(at: [-2, point])
    result.atMissingMode = probes[0]
    result.atPoint = probes[1]
    return result
}
