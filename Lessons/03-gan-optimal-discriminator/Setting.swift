// The distributions and budgets of lesson 3, in one place.
import Algorithms
import Environments
import ExerciseAPI
import Numerics

/// The lesson's fixed choices: which data, which generators, which grid.
enum Setting {
    /// The quadrature grid for every exact integral: [−12, 12] in steps of 0.005. All densities
    /// here have standard deviation ≥ 0.5 and sit within ±4, so the tails beyond the grid carry
    /// less than 1e-30 of mass and the rectangle rule is accurate far below 1e-9.
    static let grid = try! Grid1D(from: -12, to: 12, count: 4801)

    /// The grid the figures draw curves on.
    static let plotGrid = try! Grid1D(from: -4.5, to: 4.5, count: 361)

    /// p_data for the derivation's checks: N(0, 1).
    static let standardNormal = try! Gaussian1D(mean: 0, std: 1)

    /// The two-mode data ½N(−2, 0.5²) + ½N(2, 0.5²) (mode collapse, and the harder D* to learn).
    static let twoModes = GaussianMixture1D.twoModes

    /// p_data of the GAN trained end to end: N(3, 0.5²), away from where a fresh generator's
    /// samples start (near 0).
    static let ganData = try! Gaussian1D(mean: 3, std: 0.5)
}

