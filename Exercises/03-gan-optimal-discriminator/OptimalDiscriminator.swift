import ExerciseAPI

extension GANTheory {
    /// Exercise 3.2: the optimal discriminator at one point,
    /// `D*(x) = p_data(x) / (p_data(x) + p_G(x))`, from the two densities there.
    ///
    /// Where both densities are zero, return `½` (no sample ever lands there, so the game does
    /// not fix `D*`; ½ is the neutral guess). Throw `GANInputError` for a negative or non-finite
    /// density. Hint: the integrand of V at one `x` is exercise 3.1's function.
    public func optimalDiscriminator(pData: Double, pG: Double) throws -> Double {
        throw NotImplemented(exercise: "3.2", name: "optimalDiscriminator",
                             file: "Exercises/03-gan-optimal-discriminator/OptimalDiscriminator.swift")
    }
}
