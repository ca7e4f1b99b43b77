import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.4: G = Σₜ γᵗ rₜ.
    public func discountedReturn(rewards: [Double], discount: Double) throws -> Double {
        guard (0...1).contains(discount) else {
            throw BehaviorCloningInputError("discountedReturn: the discount must lie in [0, 1], got \(discount)")
        }
        // Backwards (Horner): G = r₀ + γ(r₁ + γ(r₂ + …)).
        return rewards.reversed().reduce(0) { total, reward in reward + discount * total }
    }
}
