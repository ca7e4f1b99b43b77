import Algorithms
import Environments
import Numerics
import Solutions
import Testing

/// Tabular Q-learning on a fixed batch (Algorithms/Tabular) on the grid world.
@Suite struct TabularTests {
    let formulas = Solutions.all.offPolicyLearning
    let world = GridWorld.standard

    /// One transition of every (state, action) pair of the deterministic world.
    func fullBatch() throws -> TabularBatch {
        var transitions: [TabularTransition] = []
        for s in 0..<world.stateCount where world.cells[s] != .wall && !world.isTerminal(s) {
            for a in 0..<world.actionCount {
                let next = world.transitions(from: s, action: a)[0].state
                transitions.append(TabularTransition(state: s, action: a, reward: world.reward(from: s, action: a, to: next),
                                                     nextState: next, terminal: world.isTerminal(next)))
            }
        }
        return try TabularBatch(transitions: transitions, stateCount: world.stateCount, actionCount: world.actionCount)
    }

    @Test func fullCoverageRecoversTheOptimalQ() throws {
        var rng = RandomSource(seed: 0)
        let learner = FixedBatchQLearning(configuration: .init(learningRate: 1, discount: 0.9, sweeps: 60, initialValue: 5),
                                          formulas: formulas)
        let table = try learner.learn(from: try fullBatch(), rng: &rng)
        let optimal = ValueIteration(world, gamma: 0.9)
        for s in 0..<world.stateCount where world.cells[s] != .wall && !world.isTerminal(s) {
            for a in 0..<4 {
                #expect(abs(table[s, a] - optimal.q(s, a)) < 1e-6, "Q(\(s), \(a))")
            }
        }
        let rollout = try GridWorldBatch.greedyRollout(in: world, table: table, discount: 0.9, maxSteps: 50)
        #expect(rollout.reachedGoal)
        #expect(abs(rollout.discountedReturn - optimal.values[world.startState]) < 1e-9)
    }

    @Test func neverTriedActionsKeepTheirOptimisticValueAndWinTheArgmax() throws {
        var rng = RandomSource(seed: 1)
        let expert = ValueIteration(world, gamma: 0.9).policy
        let batch = try GridWorldBatch.collect(in: world, episodes: 5, behaviour: { s, _ in expert[s] }, rng: &rng)
        // The expert's batch holds one action per visited state.
        let visited = Set(batch.transitions.map(\.state))
        #expect(visited.allSatisfy { batch.actions(in: $0).count == 1 })
        let learner = FixedBatchQLearning(configuration: .init(learningRate: 0.5, discount: 0.9, sweeps: 100,
                                                               initialValue: 10), formulas: formulas)
        let table = try learner.learn(from: batch, rng: &rng)
        for s in visited {
            for a in 0..<4 where !batch.contains(state: s, action: a) {
                #expect(table[s, a] == 10)
            }
            #expect(!batch.contains(state: s, action: table.greedyAction(in: s)),
                    "state \(s): the greedy action should be one the batch never tried")
        }
        let rollout = try GridWorldBatch.greedyRollout(in: world, table: table, discount: 0.9, maxSteps: 50)
        #expect(!rollout.reachedGoal)
    }

    @Test func batchesOutsideTheMDPThrow() {
        #expect(throws: TabularError.self) {
            _ = try TabularBatch(transitions: [TabularTransition(state: 0, action: 4, reward: 0, nextState: 1, terminal: false)],
                                 stateCount: 3, actionCount: 4)
        }
    }
}
