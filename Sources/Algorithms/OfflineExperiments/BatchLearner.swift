import Numerics

/// An agent that learns from mini-batches of transitions and acts deterministically: DDPG, TD3,
/// and (lesson 6) BCQ and behaviour cloning. The experiments of lessons 5 and 6 train and
/// evaluate any of them with the same loops.
public protocol BatchLearner: AnyObject {
    /// The mini-batch size the learner wants.
    var batchSize: Int { get }
    /// One gradient step on `batch`.
    func train(on batch: OffPolicyBatch, rng: inout RandomSource) throws
    /// The deterministic actions of a batch of states (n×d → n×k).
    ///
    /// - Throws: what the learner's plugged-in formulas throw while choosing (BCQ's, for one).
    func actions(for states: Matrix) throws -> Matrix
    /// The learner's own estimate of its value Q(s, π(s)) in each state (n×1), or `nil` for a
    /// learner without a critic (behaviour cloning).
    ///
    /// - Throws: what the learner's plugged-in formulas throw while choosing its actions.
    func estimatedValues(states: Matrix) throws -> Matrix?
}

extension DDPG: BatchLearner {
    /// The configuration's mini-batch size.
    public var batchSize: Int { configuration.batchSize }

    /// One ``update(_:rng:)``.
    public func train(on batch: OffPolicyBatch, rng: inout RandomSource) throws {
        try update(batch, rng: &rng)
    }

    /// Q_θ1(s, π(s)).
    public func estimatedValues(states: Matrix) -> Matrix? {
        qValues(states: states, actions: actions(for: states))
    }
}
