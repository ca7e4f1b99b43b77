import Environments
import ExerciseAPI
import Numerics

/// Tabular batch-constrained Q-learning (Fujimoto, Meger & Precup 2019, §4.1, "BCQL"): sweep a
/// fixed batch B over and over, applying
///
///     Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a' : (s',a') ∈ B} Q(s',a'))
///
/// to every transition (exercise 6.1), and act with the batch-constrained greedy policy
/// π(s) = argmax_{a : (s,a) ∈ B} Q(s,a).
///
/// It is ``FixedBatchQLearning`` (lesson 5) with the maximum restricted to the batch's actions.
/// Entries of actions the batch never tried still keep their initial value, but no target ever
/// reads them, so they cannot spread: in a deterministic MDP the table converges to the values of
/// the best policy among those that only take the batch's actions (the paper's Theorem 2), which
/// ``bestBatchConstrainedValues(of:discount:)`` computes directly for comparison.
public struct BatchConstrainedQLearning: Sendable {
    /// The same hyper-parameters as lesson 5's Q-learning on a batch (α 0.5, γ 0.9, 200 sweeps).
    public typealias Configuration = FixedBatchQLearning.Configuration

    /// The hyper-parameters.
    public var configuration: Configuration
    /// The plugged-in formulas (exercise 6.1).
    public var formulas: any BCQExercises

    /// Batch-constrained Q-learning with the given hyper-parameters and formulas.
    public init(configuration: Configuration = Configuration(), formulas: any BCQExercises) {
        self.configuration = configuration
        self.formulas = formulas
    }

    /// Learns a Q-table from `batch` alone, every entry starting at `configuration.initialValue`.
    ///
    /// - Throws: ``TabularError/invalidConfiguration(_:)`` for a negative number of sweeps, and
    ///   whatever the plugged-in update throws.
    public func learn(from batch: TabularBatch, rng: inout RandomSource) throws -> QTable {
        try learn(from: batch, startingFrom: QTable(stateCount: batch.stateCount, actionCount: batch.actionCount,
                                                   initialValue: configuration.initialValue), rng: &rng)
    }

    /// Learns from `batch` alone, starting from the table `start` (for instance the random table
    /// lesson 5's Q-learning started from, so that the two compare like with like).
    ///
    /// - Throws: ``TabularError/invalidConfiguration(_:)`` for a negative number of sweeps or a
    ///   table of the wrong size, and whatever the plugged-in update throws.
    public func learn(from batch: TabularBatch, startingFrom start: QTable, rng: inout RandomSource) throws -> QTable {
        // listing: bcq-tabular-sweep
        let supported = (0..<batch.stateCount).map { s in (0..<batch.actionCount).map { batch.contains(state: s, action: $0) } }
        return try sweepFixedBatch(batch, startingFrom: start, configuration: configuration, rng: &rng) { t, value, nextValues in
            try formulas.batchConstrainedTabularUpdate(
                value: value, reward: t.reward, nextValues: nextValues, nextActionInBatch: supported[t.nextState],
                terminal: t.terminal, learningRate: configuration.learningRate, discount: configuration.discount)
        }
        // end listing
    }

    /// The batch-constrained greedy action argmax_{a : (s,a) ∈ B} Q(s, a) (the lowest index
    /// among ties), or the unconstrained greedy action in a state the batch never acted in.
    public static func greedyAction(in state: Int, table: QTable, batch: TabularBatch) -> Int {
        table.greedyAction(in: state, among: batch.actions(in: state)) ?? table.greedyAction(in: state)
    }

    /// The action values of the best batch-constrained policy, computed by value iteration on the
    /// batch's own transitions (no exercise involved): Q_B(s,a) = mean over the batch's (s, a, r, s')
    /// of r + γ (1 − terminal) max_{a' : (s',a') ∈ B} Q_B(s',a'), and 0 for pairs outside the batch.
    ///
    /// In a deterministic MDP this is the value of the best policy that only takes the batch's
    /// actions: what tabular BCQ should converge to.
    public static func bestBatchConstrainedValues(of batch: TabularBatch, discount: Double,
                                                  tolerance: Double = 1e-12, maxIterations: Int = 100_000) -> QTable {
        var groups: [Int: [TabularTransition]] = [:]
        for t in batch.transitions { groups[t.state * batch.actionCount + t.action, default: []].append(t) }
        var table = QTable(stateCount: batch.stateCount, actionCount: batch.actionCount, initialValue: 0)
        func best(_ state: Int) -> Double {
            batch.actions(in: state).map { table[state, $0] }.max() ?? 0
        }
        for _ in 0..<maxIterations {
            var change = 0.0
            for (pair, transitions) in groups {
                let s = pair / batch.actionCount, a = pair % batch.actionCount
                let value = transitions.reduce(0.0) { $0 + $1.reward + (($1.terminal) ? 0 : discount * best($1.nextState)) }
                    / Double(transitions.count)
                change = Swift.max(change, abs(value - table[s, a]))
                table[s, a] = value
            }
            if change < tolerance { break }
        }
        return table
    }

    /// Follows `policy` from the grid world's start cell for at most `maxSteps` steps.
    ///
    /// - Returns: the visited states (start included), the actions taken, the discounted return,
    ///   and whether the episode reached the goal.
    /// - Throws: `EnvironmentError` for an action outside the four moves.
    public static func rollout(in world: GridWorld, discount: Double, maxSteps: Int, policy: (Int) -> Int) throws
        -> (states: [Int], actions: [Int], discountedReturn: Double, reachedGoal: Bool) {
        var env = world
        var rng = RandomSource(seed: 0)
        var state = env.reset()
        var states = [state], actions: [Int] = []
        var value = 0.0, weight = 1.0
        for _ in 0..<maxSteps {
            let action = policy(state)
            let step = try env.step(action, rng: &rng)
            actions.append(action)
            value += weight * step.reward
            weight *= discount
            state = step.state
            states.append(state)
            if step.terminated { return (states, actions, value, world.cells[state] == .goal) }
        }
        return (states, actions, value, false)
    }
}
