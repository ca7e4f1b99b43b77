import ExerciseAPI
import Foundation
import Numerics

extension DistributionShift {
    /// Exercise 2.2: the expert's action with probability βᵢ = decayⁱ, otherwise the learner's.
    public func mixturePolicyAction(expertAction: [Float], learnerAction: [Float], iteration: Int,
                                    decay: Double, rng: inout RandomSource) throws -> [Float] {
        guard iteration >= 0 else {
            throw DistributionShiftInputError("mixturePolicyAction: iteration must be ≥ 0, got \(iteration)")
        }
        guard (0...1).contains(decay) else {
            throw DistributionShiftInputError("mixturePolicyAction: decay must lie in [0, 1], got \(decay)")
        }
        let beta = iteration == 0 ? 1 : Foundation.pow(decay, Double(iteration))
        return rng.unit() < beta ? expertAction : learnerAction
    }
}
