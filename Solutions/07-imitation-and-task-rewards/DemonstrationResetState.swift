import ExerciseAPI
import Numerics

extension RewardMixing {
    /// Exercise 7.3: with probability p a state drawn uniformly from the pooled demonstration
    /// states, else nil (the environment's own reset).
    public func demonstrationResetState<State>(demonstrations: [[State]], probability: Double,
                                               rng: inout RandomSource) throws -> State? {
        guard probability >= 0, probability <= 1 else {
            throw RewardMixingInputError("demonstrationResetState: probability \(probability) is outside [0, 1]")
        }
        let total = demonstrations.reduce(0) { $0 + $1.count }
        guard total > 0 || probability == 0 else {
            throw RewardMixingInputError("demonstrationResetState: the demonstrations hold no state to start from")
        }
        guard rng.bernoulli(probability) else { return nil }
        var index = rng.index(below: total)
        for states in demonstrations {
            if index < states.count { return states[index] }
            index -= states.count
        }
        return nil  // not reached: index < total
    }
}
