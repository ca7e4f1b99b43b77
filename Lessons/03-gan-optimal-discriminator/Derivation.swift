// The numbers that check each step of the derivation of D* and C(G).
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Step 1: the game's value as an expectation over noise equals the integral over x.
struct ChangeOfVariablesCheck {
    /// `mean log D(x) + mean log(1 − D(G(z)))` over samples.
    var monteCarlo: Double
    /// Its standard error.
    var standardError: Double
    /// `∫ p_data log D + p_G log(1 − D) dx` by quadrature.
    var quadrature: Double
    /// |difference| in standard errors.
    var zScore: Double { abs(monteCarlo - quadrature) / standardError }
}

/// Checks step 1 for the generator `G(z) = shift + scale·z` (so p_G = N(shift, scale²)) and the
/// discriminator `D(x) = σ(1 − x)`, with `samples` draws of x and of z.
func checkChangeOfVariables<F: GANExercises>(_ f: F, shift: Double, scale: Double, samples: Int,
                                             rng: inout RandomSource) throws -> ChangeOfVariablesCheck {
    let discriminator = { (x: Double) in 1 / (1 + exp(x - 1)) }
    let real = Setting.standardNormal.sample(count: samples, rng: &rng)
    let generated = (0..<samples).map { _ in shift + scale * rng.normal() }     // x = G(z), z ~ N(0, 1)
    let (estimate, error) = try GameQuadrature<F>.monteCarloValue(realSamples: real, generatedSamples: generated,
                                                                  discriminator: discriminator)
    let game = GameQuadrature(formulas: f, grid: Setting.grid)
    let pG = Setting.grid.tabulate(try Gaussian1D(mean: shift, std: scale))
    let exact = try game.value(pData: Setting.grid.tabulate(Setting.standardNormal), pG: pG,
                               discriminator: Setting.grid.points.map(discriminator))
    return ChangeOfVariablesCheck(monteCarlo: estimate, standardError: error, quadrature: exact)
}

/// Step 2: the student's maximiser of `a log y + b log(1 − y)` against a search over a grid of y.
struct PointwiseCheck {
    var a: Double, b: Double
    /// The formula's answer a/(a+b).
    var formula: Double
    /// The best y on the grid.
    var gridArgmax: Double
}

/// Searches `y ∈ (0, 1)` on `resolution` points for each `(a, b)`.
func checkPointwiseMaximizer<F: GANExercises>(_ f: F, pairs: [(Double, Double)], resolution: Int) throws -> [PointwiseCheck] {
    try pairs.map { a, b in
        var best = -Double.infinity, argmax = 0.0
        for k in 1..<resolution {
            let y = Double(k) / Double(resolution)
            let value = a * log(y) + b * log(1 - y)
            if value > best { best = value; argmax = y }
        }
        return PointwiseCheck(a: a, b: b, formula: try f.pointwiseMaximizer(a: a, b: b), gridArgmax: argmax)
    }
}

/// Step 3: C(G) two ways while the generator's mean sweeps across the data.
struct GameSweep {
    /// The generator means μ.
    var means: [Double] = []
    /// C(G) = V(D*, G) by quadrature.
    var optimalValue: [Double] = []
    /// KL(p_data ‖ M) + KL(p_G ‖ M) − log 4.
    var klForm: [Double] = []
    /// 2·JSD(p_data ‖ p_G) − log 4.
    var jsdForm: [Double] = []

    /// The largest |C(G) − (2·JSD − log 4)| over the sweep.
    var maxDifference: Double { zip(optimalValue, jsdForm).map { abs($0 - $1) }.max() ?? .nan }
    /// The smallest C(G) and where it is attained.
    var minimum: (value: Double, mean: Double) {
        let i = optimalValue.indices.min { optimalValue[$0] < optimalValue[$1] }!
        return (optimalValue[i], means[i])
    }
}

/// Sweeps p_G = N(μ, std²) over `means` against `data`.
func sweepGeneratorMean<F: GANExercises, D: DataDistribution>(_ f: F, data: D, std: Double,
                                                             means: [Double]) throws -> GameSweep where D.Point == Double {
    let game = GameQuadrature(formulas: f, grid: Setting.grid)
    let pData = Setting.grid.tabulate(data)
    var sweep = GameSweep()
    for mu in means {
        let pG = Setting.grid.tabulate(try Gaussian1D(mean: mu, std: std))
        sweep.means.append(mu)
        sweep.optimalValue.append(try game.optimalValue(pData: pData, pG: pG))
        sweep.klForm.append(try game.klToMixture(pData, pG) + game.klToMixture(pG, pData) - log(4))
        sweep.jsdForm.append(try game.jensenShannonForm(pData: pData, pG: pG))
    }
    return sweep
}

/// Step 4 at the optimum p_G = p_data: the largest |D*(x) − ½| on the grid and C(G).
func checkOptimum<F: GANExercises>(_ f: F) throws -> (maxDeviation: Double, value: Double) {
    let game = GameQuadrature(formulas: f, grid: Setting.grid)
    let p = Setting.grid.tabulate(Setting.standardNormal)
    let dStar = try game.optimalDiscriminator(pData: p, pG: p)
    return (dStar.map { abs($0 - 0.5) }.max()!, try game.optimalValue(pData: p, pG: p))
}
