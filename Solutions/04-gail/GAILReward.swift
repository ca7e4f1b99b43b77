import ExerciseAPI
import Numerics

extension AdversarialImitation {
    /// Exercise 4.2: log D = −softplus(−z) or −log(1 − D) = softplus(z), per pair.
    public func gailReward(logits: [Float], form: GAILRewardForm) throws -> [Float] {
        switch form {
        case .logD:
            return logits.map { -stableSoftplus(-$0) }
        case .negativeLogOneMinusD:
            return logits.map { stableSoftplus($0) }
        }
    }
}
