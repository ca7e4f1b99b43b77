import Numerics

/// BCQ as one of the batch learners of lessons 5 and 6, so that the same loops train and evaluate
/// it as DDPG (``trainOnFixedBuffer(_:buffer:updates:evaluationInterval:evaluator:rng:progress:)``,
/// ``PolicyEvaluator/evaluate(_:)``). Its action choice runs the plugged-in formulas, so acting
/// throws what they throw (`NotImplemented` while an exercise is unwritten).
extension BCQ: BatchLearner {
    /// The configuration's mini-batch size N.
    public var batchSize: Int { configuration.batchSize }

    /// One ``update(states:actions:rewards:nextStates:terminals:rng:)`` on the batch (timeouts
    /// bootstrap as any other transition; only terminals stop the target).
    public func train(on batch: OffPolicyBatch, rng: inout RandomSource) throws {
        try update(states: batch.states, actions: batch.actions, rewards: batch.rewards, nextStates: batch.nextStates,
                   terminals: batch.terminals, rng: &rng)
    }

    /// π(s) for each state: ``selectActions(for:)``.
    public func actions(for states: Matrix) throws -> Matrix {
        try selectActions(for: states)
    }

    /// Q_θ1(s, π(s)) for each state.
    public func estimatedValues(states: Matrix) throws -> Matrix? {
        try selectActionsAndValues(for: states).values
    }
}
