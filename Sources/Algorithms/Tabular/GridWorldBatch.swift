import Environments
import Numerics

/// Fixed batches from the grid world, and what a table's greedy policy does there.
public enum GridWorldBatch {
    /// Runs `episodes` episodes of `behaviour` from the start cell and keeps every transition: a
    /// fixed batch for tabular batch RL. `behaviour(state, rng)` returns an action.
    ///
    /// - Throws: `EnvironmentError` for an action outside the grid world's four moves.
    public static func collect(in world: GridWorld, episodes: Int,
                               behaviour: (Int, inout RandomSource) -> Int,
                               rng: inout RandomSource) throws -> TabularBatch {
        var env = world
        var transitions: [TabularTransition] = []
        for _ in 0..<Swift.max(0, episodes) {
            var state = env.reset()
            while true {
                let action = behaviour(state, &rng)
                let step = try env.step(action, rng: &rng)
                transitions.append(TabularTransition(state: state, action: action, reward: step.reward,
                                                     nextState: step.state, terminal: step.terminated))
                state = step.state
                if step.terminated || step.truncated { break }
            }
        }
        return try TabularBatch(transitions: transitions, stateCount: world.stateCount, actionCount: world.actionCount)
    }

    /// An ε-greedy version of a deterministic policy: with probability ε a uniformly random move.
    public static func epsilonGreedy(_ policy: [Int], epsilon: Double) -> (Int, inout RandomSource) -> Int {
        { state, rng in rng.bernoulli(epsilon) ? rng.index(below: 4) : policy[state] }
    }

    /// Follows the greedy action of `table` from the start cell (without slipping noise drawn:
    /// the standard world is deterministic) for at most `maxSteps` steps.
    ///
    /// - Returns: the visited states (start included), the discounted return, and whether the
    ///   episode reached the goal.
    public static func greedyRollout(in world: GridWorld, table: QTable, discount: Double,
                                     maxSteps: Int) throws -> (states: [Int], discountedReturn: Double, reachedGoal: Bool) {
        var env = world
        var rng = RandomSource(seed: 0)
        var state = env.reset()
        var states = [state]
        var value = 0.0, weight = 1.0
        for _ in 0..<maxSteps {
            let step = try env.step(table.greedyAction(in: state), rng: &rng)
            value += weight * step.reward
            weight *= discount
            state = step.state
            states.append(state)
            if step.terminated {
                return (states, value, world.cells[state] == .goal)
            }
        }
        return (states, value, false)
    }
}
