import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.2: log N(a; μ, σ²I) for each row, a B×1 tensor:
    /// −‖a − μ‖²/(2σ²) − (d/2)·log(2πσ²), with d the number of action coordinates.
    ///
    /// Use `Tensor` operations; never compute exp and then log. Throw `BehaviorCloningInputError`
    /// when the shapes differ or σ is not positive and finite.
    public func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor {
        throw NotImplemented(exercise: "1.2", name: "gaussianLogLikelihood", file: "Exercises/01-behavior-cloning/GaussianLogLikelihood.swift")
    }
}
