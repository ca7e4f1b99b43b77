import ExerciseAPI

extension GANTheory {
    /// Exercise 3.2: `D*(x) = p_data(x) / (p_data(x) + p_G(x))`, defined as `½` where both
    /// densities vanish.
    public func optimalDiscriminator(pData: Double, pG: Double) throws -> Double {
        guard pData.isFinite, pG.isFinite, pData >= 0, pG >= 0 else {
            throw GANInputError("optimalDiscriminator: densities must be finite and non-negative, got pData = \(pData), pG = \(pG)")
        }
        // Pointwise, V's integrand is pData·log D + pG·log(1 − D): exercise 3.1 with a = pData, b = pG.
        return try pointwiseMaximizer(a: pData, b: pG)
    }
}
