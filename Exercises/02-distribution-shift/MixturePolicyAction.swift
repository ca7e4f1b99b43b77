import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.2: DAgger's mixed policy for one step of iteration i: the expert's action with
    /// probability βᵢ = decayⁱ (one draw from `rng`), otherwise the learner's. Throw
    /// `DistributionShiftInputError` for a negative iteration or a decay outside [0, 1].
    public func mixturePolicyAction(expertAction: [Float], learnerAction: [Float], iteration: Int,
                                    decay: Double, rng: inout RandomSource) throws -> [Float] {
        throw NotImplemented(exercise: "2.2", name: "mixturePolicyAction", file: "Exercises/02-distribution-shift/MixturePolicyAction.swift")
    }
}
