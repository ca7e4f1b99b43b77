import Datasets
import ExerciseAPI
import Numerics

/// A replay buffer whose permanent region holds the demonstrations (never overwritten; DQfD,
/// DDPGfD), sampled with a fixed share of demonstration rows per minibatch (exercise 8.1).
/// Demonstrations and the agent's steps are both stored as n-step transitions
/// (``MultiStepReturns``).
public struct DemonstrationReplay: Sendable {
    /// The transitions: demonstrations first (permanent), then the agent's ring.
    public private(set) var buffer: ReplayBuffer
    /// The share of each minibatch drawn from the demonstrations while they are in the buffer.
    public var demonstrationFraction: Double
    /// Environment step at which the demonstrations were removed, if they were.
    public private(set) var removedAtStep: Int?
    private var accumulator: MultiStepReturns

    /// An empty buffer with a ring of `capacity` agent transitions of `returnSteps`-step returns
    /// discounted by `discount` per step.
    public init(capacity: Int, observationSize: Int, actionSize: Int, demonstrationFraction: Double,
                returnSteps: Int = 1, discount: Double = 0.99) throws {
        buffer = ReplayBuffer(capacity: capacity, observationSize: observationSize, actionSize: actionSize)
        self.demonstrationFraction = demonstrationFraction
        accumulator = try MultiStepReturns(steps: returnSteps, discount: discount)
    }

    /// Demonstrations currently in the buffer.
    public var demonstrationCount: Int { buffer.demonstrations.count }
    /// Agent transitions currently in the buffer.
    public var agentCount: Int { buffer.ringCount }

    /// Puts the (n-step) transitions of `demonstrations` in the permanent region.
    public mutating func addDemonstrations<State>(_ demonstrations: [Trajectory<State>]) throws {
        var dataset = TransitionDataset(observationSize: buffer.observationSize, actionSize: buffer.actionSize)
        for trajectory in demonstrations {
            for transition in try MultiStepReturns.transitions(of: trajectory, steps: accumulator.steps,
                                                               discount: accumulator.discount) {
                try dataset.append(transition)
            }
        }
        try buffer.addDemonstrations(dataset)
    }

    /// Drops the demonstrations, remembering when.
    public mutating func removeDemonstrations(atStep step: Int) {
        guard demonstrationCount > 0 else { return }
        buffer.removeDemonstrations()
        removedAtStep = step
    }

    /// Adds one of the agent's steps; the n-step transitions it completes go into the ring.
    public mutating func add(observation: [Float], action: [Float], reward: Double, nextObservation: [Float],
                             terminated: Bool, truncated: Bool) throws {
        for transition in accumulator.add(observation: observation, action: action, reward: reward,
                                          nextObservation: nextObservation, terminated: terminated, truncated: truncated) {
            try buffer.add(transition)
        }
    }

    /// A minibatch whose rows come from exercise 8.1's indices, its demonstration rows flagged
    /// (``OffPolicyBatch/isDemonstration``).
    ///
    /// - Throws: what the exercise throws (an empty buffer, a bad fraction).
    public func sample(batchSize: Int, formulas: any DemonstrationsInRLExercises,
                       rng: inout RandomSource) throws -> OffPolicyBatch {
        // listing: mixed-minibatch
        let indices = try formulas.mixedMinibatchIndices(
            demonstrationCount: demonstrationCount, agentCount: agentCount, batchSize: batchSize,
            demonstrationFraction: demonstrationFraction, rng: &rng)
        guard indices.count == batchSize, indices.allSatisfy({ (0..<buffer.count).contains($0) }) else {
            throw DemonstrationsRLError("mixedMinibatchIndices returned \(indices.count) indices (expected \(batchSize)), "
                                        + "some outside 0 ..< \(buffer.count)")
        }
        return OffPolicyBatch(rows: indices, of: buffer)
        // end listing
    }
}

extension OffPolicyBatch {
    /// The rows `indices` of `buffer` (demonstrations first in its index order), each flagged
    /// with whether it came from the demonstration region.
    init(rows indices: [Int], of buffer: ReplayBuffer) {
        self.init(buffer.batch(rows: indices))
    }
}
