import Numerics

/// BCQ as one of the batch learners of lessons 5 and 6, so that the same loops train and evaluate
/// it as DDPG (``trainOnFixedBuffer(_:buffer:updates:evaluationInterval:evaluator:rng:progress:)``,
/// ``PolicyEvaluator/evaluate(_:)``).
///
/// ``BatchLearner``'s acting methods cannot throw, while BCQ's action choice runs the plugged-in
/// formulas, which can (`NotImplemented` while an exercise is unwritten). Acting through this
/// interface therefore keeps the first error and answers with the centre of the action range;
/// the next ``train(on:rng:)`` rethrows it, and ``takeActingError()`` hands it over after an
/// evaluation. Call ``selectActions(for:)`` directly to get the error at once.
extension BCQ: BatchLearner {
    /// The configuration's mini-batch size N.
    public var batchSize: Int { configuration.batchSize }

    /// One ``update(states:actions:rewards:nextStates:terminals:rng:)`` on the batch (timeouts
    /// bootstrap as any other transition; only terminals stop the target).
    ///
    /// - Throws: an error kept from acting since the last call, then whatever the update throws.
    public func train(on batch: OffPolicyBatch, rng: inout RandomSource) throws {
        if let error = takeActingError() { throw error }
        try update(states: batch.states, actions: batch.actions, rewards: batch.rewards, nextStates: batch.nextStates,
                   terminals: batch.terminals, rng: &rng)
    }

    /// π(s) for each state; on an error of the formulas, the centre of the action range (and the
    /// error is kept).
    public func actions(for states: Matrix) -> Matrix {
        guard actingError == nil else { return fallback(states.rows) }
        do {
            return try selectActions(for: states)
        } catch {
            actingError = error
            return fallback(states.rows)
        }
    }

    /// Q_θ1(s, π(s)) for each state; on an error of the formulas, `nil` (and the error is kept).
    public func estimatedValues(states: Matrix) -> Matrix? {
        guard actingError == nil else { return nil }
        do {
            return try selectActionsAndValues(for: states).values
        } catch {
            actingError = error
            return nil
        }
    }

    /// The error kept from acting through ``BatchLearner``, if any, and forgets it.
    public func takeActingError() -> (any Error)? {
        defer { actingError = nil }
        return actingError
    }

    private func fallback(_ rows: Int) -> Matrix {
        unscaled(Matrix.zeros(rows, actionSize))
    }
}
