import Numerics

/// The learning loop shared by tabular Q-learning on a fixed batch (lesson 5) and its
/// batch-constrained variant (lesson 6): check the sizes, then sweep the batch
/// `configuration.sweeps` times (each time in a fresh random order when `configuration.shuffle`)
/// and replace Q(s, a) of every transition by what `backup` returns.
///
/// The two learners differ only in the backup's maximum over a': over every action of s'
/// (``FixedBatchQLearning``), or over the actions the batch tried in s' (``BatchConstrainedQLearning``).
///
/// - Parameter backup: the new Q(s, a) of a transition, from the transition, its current Q(s, a)
///   and the row Q(s', ·) of its next state.
/// - Throws: ``TabularError/invalidConfiguration(_:)`` for a negative number of sweeps or a
///   starting table of the wrong size, and whatever `backup` throws.
func sweepFixedBatch(_ batch: TabularBatch, startingFrom start: QTable, configuration: FixedBatchQLearning.Configuration,
                     rng: inout RandomSource,
                     backup: (_ transition: TabularTransition, _ value: Double, _ nextValues: [Double]) throws -> Double)
    throws -> QTable {
    guard configuration.sweeps >= 0 else {
        throw TabularError.invalidConfiguration("the number of sweeps must be ≥ 0, got \(configuration.sweeps)")
    }
    guard start.stateCount == batch.stateCount, start.actionCount == batch.actionCount else {
        throw TabularError.invalidConfiguration("the starting table is \(start.stateCount)×\(start.actionCount), "
                                                + "the batch's MDP \(batch.stateCount)×\(batch.actionCount)")
    }
    var table = start
    for _ in 0..<configuration.sweeps {
        let order = configuration.shuffle ? rng.shuffled(batch.transitions.indices) : Array(batch.transitions.indices)
        for i in order {
            let t = batch.transitions[i]
            table[t.state, t.action] = try backup(t, table[t.state, t.action], table.values(in: t.nextState))
        }
    }
    return table
}
