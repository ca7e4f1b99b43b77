import ExerciseAPI
import Foundation

/// The GAN game's value and its optimum computed by quadrature on a grid, from exact densities:
/// the numbers that check each step of the derivation in Goodfellow et al. (2014), section 4.
///
/// The formulas a student writes (the optimal discriminator, the Jensen–Shannon divergence) come
/// from `formulas`; this type only integrates.
///
/// ```swift
/// let game = GameQuadrature(formulas: Solutions.all.ganTheory, grid: try Grid1D(from: -12, to: 12, count: 4001))
/// let pData = data.densities(at: game.grid.points), pG = generator.densities(at: game.grid.points)
/// let c = try game.optimalValue(pData: pData, pG: pG)             // C(G) = V(D*, G)
/// let j = try game.jensenShannonForm(pData: pData, pG: pG)        // 2·JSD − log 4
/// ```
public struct GameQuadrature<Formulas: GANExercises> {
    /// The student's or the reference formulas.
    public let formulas: Formulas
    /// The quadrature grid.
    public let grid: Grid1D

    /// A quadrature of the game on `grid`, using `formulas`.
    public init(formulas: Formulas, grid: Grid1D) {
        self.formulas = formulas
        self.grid = grid
    }

    /// `V(D, G) = ∫ p_data log D + p_G log(1 − D) dx` (eq. 3 of the paper, after the change of
    /// variables), with `0·log 0 = 0`. `D` is capped at `1 − 2⁻⁵³`, the largest Double below 1:
    /// where `p_G ≪ p_data` the exact `D*` rounds to 1, and `p_G·log(1 − D)` would read `−∞`
    /// although its true size is below 1e-14.
    public func value(pData: [Double], pG: [Double], discriminator d: [Double]) throws -> Double {
        try checkShapes(pData, pG, d)
        var sum = 0.0
        for i in d.indices {
            let y = min(max(d[i], 0), 1 - 0x1p-53)
            if pData[i] > 0 { sum += pData[i] * log(y) }
            if pG[i] > 0 { sum += pG[i] * log(1 - y) }
        }
        return sum * grid.spacing
    }

    /// `D*(x) = p_data / (p_data + p_G)` at every grid point (the student's exercise 3.2).
    public func optimalDiscriminator(pData: [Double], pG: [Double]) throws -> [Double] {
        try checkShapes(pData, pG, pData)
        return try zip(pData, pG).map { try formulas.optimalDiscriminator(pData: $0, pG: $1) }
    }

    /// `C(G) = max_D V(D, G) = V(D*, G)`.
    public func optimalValue(pData: [Double], pG: [Double]) throws -> Double {
        try value(pData: pData, pG: pG, discriminator: optimalDiscriminator(pData: pData, pG: pG))
    }

    /// `2·JSD(p_data ‖ p_G) − log 4`, the JSD from the student's exercise 3.3.
    public func jensenShannonForm(pData: [Double], pG: [Double]) throws -> Double {
        2 * (try formulas.jensenShannonDivergence(p: pData, q: pG, dx: grid.spacing)) - log(4)
    }

    /// `KL(p ‖ (p + q)/2)` by quadrature (the two halves of step 3 of the derivation).
    public func klToMixture(_ p: [Double], _ q: [Double]) throws -> Double {
        try checkShapes(p, q, p)
        var sum = 0.0
        for (a, b) in zip(p, q) where a > 0 { sum += a * log(2 * a / (a + b)) }
        return sum * grid.spacing
    }

    /// The Monte-Carlo estimate of the game's value before the change of variables,
    /// `mean log D(xᵢ) + mean log(1 − D(G(zⱼ)))`, with its standard error.
    public static func monteCarloValue(realSamples: [Double], generatedSamples: [Double],
                                       discriminator d: (Double) -> Double) throws -> (estimate: Double, standardError: Double) {
        guard realSamples.count > 1, generatedSamples.count > 1 else {
            throw GANInputError("monteCarloValue: needs at least 2 real and 2 generated samples, got \(realSamples.count) and \(generatedSamples.count)")
        }
        func meanAndVariance(_ values: [Double]) -> (Double, Double) {
            let m = values.reduce(0, +) / Double(values.count)
            let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
            return (m, v / Double(values.count))
        }
        let (a, va) = meanAndVariance(realSamples.map { log(d($0)) })
        let (b, vb) = meanAndVariance(generatedSamples.map { log(1 - d($0)) })
        return (a + b, (va + vb).squareRoot())
    }

    private func checkShapes(_ a: [Double], _ b: [Double], _ c: [Double]) throws {
        let n = grid.points.count
        guard a.count == n, b.count == n, c.count == n else {
            throw GANInputError("GameQuadrature: arrays of \(a.count), \(b.count), \(c.count) values on a grid of \(n) points")
        }
    }
}
