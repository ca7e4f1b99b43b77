import ExerciseAPI
import Numerics

extension DemonstrationsInRL {
    /// Exercise 8.3: DDPG's actor loss plus a Q-filtered behavior-cloning term on the demonstration
    /// rows (Nair et al. 2018):
    ///
    ///     L = −(1/n) Σᵢ Q(sᵢ, π(sᵢ)) + λ · (1/n_D) Σ_{i ∈ D, Q(sᵢ, aᵢ) > Q(sᵢ, π(sᵢ))} ‖π(sᵢ) − aᵢ‖²
    ///
    /// - D: the rows with `isDemonstration[i]`; n_D = |D|; the cloning term is 0 when D is empty.
    /// - The filter compares `demonstrationValues[i, 0]` with `policyValues.value[i, 0]`: build it
    ///   as a constant n×1 mask of 0s and 1s. When `demonstrationValues` is nil there is no filter:
    ///   every demonstration row is cloned.
    /// - Keep the gradient path through `policyValues` and `policyActions` (no detaching).
    /// - Throw `DemonstrationsInputError` for an empty batch, shapes that disagree or λ < 0.
    ///
    /// Useful: `square(t)`, `t.rowSums()`, `t.sum()`, `t.mean()`, `Tensor(matrix)`,
    /// `Matrix(columnVector:)`; tensors broadcast an n×1 column against n×1.
    public func actorLossWithBehaviorCloning(policyValues: Tensor, policyActions: Tensor, demonstrationActions: Matrix,
                                             demonstrationValues: Matrix?, isDemonstration: [Bool],
                                             weight: Float) throws -> Tensor {
        throw NotImplemented(exercise: "8.3", name: "actorLossWithBehaviorCloning",
                             file: "Exercises/08-demonstrations-in-rl/ActorLossWithBehaviorCloning.swift")
    }
}
