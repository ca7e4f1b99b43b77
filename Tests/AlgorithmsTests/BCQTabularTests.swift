import Algorithms
import Environments
import Numerics
import Solutions
import Testing

/// Tabular batch-constrained Q-learning against Q-learning on the same batch.
@Suite struct BCQTabularTests {
    /// A chain 0 → 1 → 2 (terminal): in state 0 the batch tried action 0 (to 1, reward 0) and
    /// action 1 (reward 0.5, terminal); in state 1 only action 0 (reward 1, terminal).
    func chainBatch() throws -> TabularBatch {
        try TabularBatch(transitions: [
            TabularTransition(state: 0, action: 0, reward: 0, nextState: 1, terminal: false),
            TabularTransition(state: 0, action: 1, reward: 0.5, nextState: 2, terminal: true),
            TabularTransition(state: 1, action: 0, reward: 1, nextState: 2, terminal: true),
        ], stateCount: 3, actionCount: 2)
    }

    @Test func bestBatchConstrainedValuesOfTheChain() throws {
        let values = BatchConstrainedQLearning.bestBatchConstrainedValues(of: try chainBatch(), discount: 0.9)
        #expect(abs(values[0, 0] - 0.9) < 1e-12 && abs(values[0, 1] - 0.5) < 1e-12 && abs(values[1, 0] - 1) < 1e-12)
        #expect(values[1, 1] == 0, "a pair outside the batch has no value")
    }

    @Test func batchConstrainedLearningIgnoresUntriedActionsWhereQLearningDoesNot() throws {
        let batch = try chainBatch()
        let configuration = BatchConstrainedQLearning.Configuration(learningRate: 0.5, discount: 0.9, sweeps: 300, initialValue: 10)
        var rng = RandomSource(seed: 0)
        let bcq = try BatchConstrainedQLearning(configuration: configuration, formulas: Solutions.all.batchConstrained)
            .learn(from: batch, rng: &rng)
        let best = BatchConstrainedQLearning.bestBatchConstrainedValues(of: batch, discount: 0.9)
        for (s, a) in [(0, 0), (0, 1), (1, 0)] {
            #expect(abs(bcq[s, a] - best[s, a]) < 1e-6, "BCQ Q(\(s), \(a)) = \(bcq[s, a]), best supported \(best[s, a])")
        }
        #expect(bcq[1, 1] == 10, "the untried pair keeps its initial value")
        #expect(BatchConstrainedQLearning.greedyAction(in: 1, table: bcq, batch: batch) == 0,
                "the constrained greedy action ignores the untried, optimistic action 1")
        let qLearning = try FixedBatchQLearning(configuration: configuration, formulas: Solutions.all.offPolicyLearning)
            .learn(from: batch, rng: &rng)
        #expect(qLearning[0, 0] > 8, "Q-learning bootstraps the untried optimistic value: Q(0, 0) = \(qLearning[0, 0])")
        #expect(qLearning.greedyAction(in: 1) == 1, "Q-learning's greedy action in state 1 is the untried one")
    }

    @Test func anOptimalBatchGivesTheOptimalValuesOnItsPath() throws {
        let world = GridWorld.standard
        let optimal = ValueIteration(world, gamma: 0.9)
        var rng = RandomSource(seed: 1)
        let batch = try GridWorldBatch.collect(in: world, episodes: 3, behaviour: { state, _ in optimal.policy[state] }, rng: &rng)
        let best = BatchConstrainedQLearning.bestBatchConstrainedValues(of: batch, discount: 0.9)
        for t in batch.transitions {
            #expect(abs(best[t.state, t.action] - optimal.q(t.state, t.action)) < 1e-9)
        }
        let table = try BatchConstrainedQLearning(configuration: .init(discount: 0.9, sweeps: 100),
                                                  formulas: Solutions.all.batchConstrained).learn(from: batch, rng: &rng)
        let rollout = try BatchConstrainedQLearning.rollout(in: world, discount: 0.9, maxSteps: 50) {
            BatchConstrainedQLearning.greedyAction(in: $0, table: table, batch: batch)
        }
        #expect(rollout.reachedGoal)
        #expect(abs(rollout.discountedReturn - optimal.values[world.startState]) < 1e-9)
        #expect(rollout.actions.count == rollout.states.count - 1)
    }

    @Test func badConfigurationsAreRejected() throws {
        let batch = try chainBatch()
        var rng = RandomSource(seed: 2)
        #expect(throws: TabularError.self) {
            _ = try BatchConstrainedQLearning(configuration: .init(sweeps: -1), formulas: Solutions.all.batchConstrained)
                .learn(from: batch, rng: &rng)
        }
        #expect(throws: TabularError.self) {
            _ = try BatchConstrainedQLearning(formulas: Solutions.all.batchConstrained)
                .learn(from: batch, startingFrom: QTable(stateCount: 4, actionCount: 2), rng: &rng)
        }
    }
}
