import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.4: the perturbed action `clip(a + Φ · tanh(raw), low, high)`.
    ///
    /// - Φ · tanh keeps each coordinate of the perturbation in [−Φ, Φ]; the clip keeps the action
    ///   valid.
    /// - Build it from `Tensor` operations (`tanh`, `clamp(_:min:max:)`, `+`, `*`) so that the
    ///   actor step can differentiate it with respect to `rawPerturbation`.
    /// - Throw `BCQInputError` when the shapes differ, Φ is negative (or not finite) or low > high.
    public func boundedPerturbation(actions: Tensor, rawPerturbation: Tensor, maxPerturbation: Float,
                                    low: Float, high: Float) throws -> Tensor {
        throw NotImplemented(exercise: "6.4", name: "boundedPerturbation", file: "Exercises/06-bcq/BoundedPerturbation.swift")
    }
}
