import ExerciseAPI
import Numerics

extension DemonstrationsInRL {
    /// Exercise 8.1: a fixed share of demonstration rows, the rest from the agent's data.
    public func mixedMinibatchIndices(demonstrationCount: Int, agentCount: Int, batchSize: Int,
                                      demonstrationFraction: Double, rng: inout RandomSource) throws -> [Int] {
        let name = "mixedMinibatchIndices"
        guard demonstrationCount >= 0, agentCount >= 0 else {
            throw DemonstrationsInputError("\(name): counts must be ≥ 0, got \(demonstrationCount) demonstrations and \(agentCount) agent transitions")
        }
        guard demonstrationCount + agentCount > 0 else {
            throw DemonstrationsInputError("\(name): the buffer is empty (no demonstrations and no agent transitions)")
        }
        guard batchSize >= 1 else { throw DemonstrationsInputError("\(name): batchSize must be at least 1, got \(batchSize)") }
        guard (0...1).contains(demonstrationFraction) else {
            throw DemonstrationsInputError("\(name): demonstrationFraction must lie in [0, 1], got \(demonstrationFraction)")
        }
        var fromDemonstrations = Int((demonstrationFraction * Double(batchSize)).rounded())
        if demonstrationCount == 0 { fromDemonstrations = 0 }
        if agentCount == 0 { fromDemonstrations = batchSize }
        var indices: [Int] = []
        indices.reserveCapacity(batchSize)
        for _ in 0..<fromDemonstrations { indices.append(rng.index(below: demonstrationCount)) }
        for _ in fromDemonstrations..<batchSize { indices.append(demonstrationCount + rng.index(below: agentCount)) }
        return indices
    }
}
