import ExerciseAPI
import Foundation

extension GANTheory {
    /// Exercise 3.3: the Jensen–Shannon divergence in nats of two densities tabulated on an evenly
    /// spaced grid of spacing `dx`:
    /// `JSD(p‖q) = ½ KL(p‖m) + ½ KL(q‖m)`, `m = (p + q)/2`, `KL(p‖m) ≈ Σᵢ pᵢ log(pᵢ/mᵢ) dx`.
    ///
    /// A term with `pᵢ = 0` contributes 0 (`0·log 0 = 0`): make sure no NaN slips through where one
    /// density vanishes. Use the densities as given (do not renormalise). Throw `GANInputError`
    /// when the arrays are empty or differ in length, when `dx` is not positive and finite, or
    /// when a value is negative or not finite.
    public func jensenShannonDivergence(p: [Double], q: [Double], dx: Double) throws -> Double {
        throw NotImplemented(exercise: "3.3", name: "jensenShannonDivergence",
                             file: "Exercises/03-gan-optimal-discriminator/JensenShannonDivergence.swift")
    }
}
