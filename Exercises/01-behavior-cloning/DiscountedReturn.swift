import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.4: the discounted return G = Σₜ γᵗ rₜ (0 for no rewards; γ = 1 is the plain sum).
    /// Throw `BehaviorCloningInputError` when γ is outside [0, 1].
    public func discountedReturn(rewards: [Double], discount: Double) throws -> Double {
        throw NotImplemented(exercise: "1.4", name: "discountedReturn", file: "Exercises/01-behavior-cloning/DiscountedReturn.swift")
    }
}
