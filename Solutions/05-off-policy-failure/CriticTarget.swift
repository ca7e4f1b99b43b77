import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.1: the critic's regression target of DDPG,
    /// `y = r + γ (1 − terminal) · Q'(s', π'(s'))`, one row per transition.
    ///
    /// Only terminals stop the bootstrap; a timeout (the time limit cut the episode) is not an
    /// end of the task, so `timeouts` is not used.
    public func criticTarget(rewards: Matrix, nextValues: Matrix, terminals: Matrix, timeouts: Matrix,
                             discount: Float) throws -> Matrix {
        for (name, m) in [("nextValues", nextValues), ("terminals", terminals), ("timeouts", timeouts)]
        where m.rows != rewards.rows || m.cols != rewards.cols {
            throw OffPolicyInputError("criticTarget: rewards is \(rewards.shapeDescription) but \(name) is \(m.shapeDescription)")
        }
        guard (0...1).contains(discount) else {
            throw OffPolicyInputError("criticTarget: the discount must lie in [0, 1], got \(discount)")
        }
        return rewards + discount * (1 - terminals) * nextValues
    }
}
