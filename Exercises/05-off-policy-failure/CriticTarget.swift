import ExerciseAPI
import Numerics

extension OffPolicyLearning {
    /// Exercise 5.1: the critic's regression target of DDPG,
    /// `y = r + γ (1 − terminal) · Q'(s', π'(s'))`, one row per transition.
    ///
    /// - `nextValues` holds Q'(s', π'(s')) from the target networks, already computed.
    /// - Only a terminal (the task ended) stops the bootstrap. A timeout (the time limit cut the
    ///   episode, as it cuts every Pendulum episode after 200 steps) is *not* an end of the task:
    ///   do not use `timeouts` in the formula.
    /// - Throw `OffPolicyInputError` when the shapes disagree or γ is outside [0, 1].
    ///
    /// Useful: `Matrix` arithmetic is element-wise (`a * b`, `1 - m`, `s * m` for a `Float` s).
    public func criticTarget(rewards: Matrix, nextValues: Matrix, terminals: Matrix, timeouts: Matrix,
                             discount: Float) throws -> Matrix {
        throw NotImplemented(exercise: "5.1", name: "criticTarget", file: "Exercises/05-off-policy-failure/CriticTarget.swift")
    }
}
