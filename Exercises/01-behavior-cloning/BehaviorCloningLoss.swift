import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.1: the behavior-cloning loss L_BC = (1/B) Σᵢ ‖aᵢ − π_θ(sᵢ)‖².
    ///
    /// Sum the squared differences over each row's action coordinates, then average over the
    /// B rows. Use `Tensor` operations (`-`, `square`, `rowSums`, `mean`, …) so gradients flow back
    /// into `predictedActions`. Throw `BehaviorCloningInputError` when the shapes differ or B = 0.
    public func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor {
        throw NotImplemented(exercise: "1.1", name: "behaviorCloningLoss", file: "Exercises/01-behavior-cloning/BehaviorCloningLoss.swift")
    }
}
