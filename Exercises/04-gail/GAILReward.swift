import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.2: the imitation reward of each pair from the discriminator's logit z.
    ///
    /// - `.logD`: r = log D = log σ(z) (always ≤ 0, a per-step penalty);
    /// - `.negativeLogOneMinusD`: r = −log(1 − D) = −log(1 − σ(z)) (always ≥ 0, a survival bonus).
    ///
    /// Both must be finite for any logit (try z = ±100): rewrite them with softplus
    /// (`stableSoftplus(_:)` in Numerics computes log(1 + e^x) without overflow).
    public func gailReward(logits: [Float], form: GAILRewardForm) throws -> [Float] {
        throw NotImplemented(exercise: "4.2", name: "gailReward", file: "Exercises/04-gail/GAILReward.swift")
    }
}
