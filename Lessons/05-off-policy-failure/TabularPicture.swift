// Extrapolation error in its plainest form: tabular Q-learning on a fixed batch of the grid world.
import Algorithms
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import Numerics
import Plotting

/// What the tabular experiment found for one initialisation of the table.
struct TabularOutcome: Sendable {
    /// The name of the initialisation, for titles.
    let name: String
    /// The learned table.
    let table: QTable
    /// The value every never-tried pair started from (and, since it is never updated, still has).
    let initialTable: QTable
    /// The greedy policy's rollout from the start cell.
    let rollout: (states: [Int], discountedReturn: Double, reachedGoal: Bool)
}

/// The tabular experiment: the batch and the two learned tables.
struct TabularExperiment: Sendable {
    let world: GridWorld
    let discount: Double
    let batch: TabularBatch
    let optimal: ValueIteration
    /// Q-learning from an optimistic table, Q₀ = r_max/(1 − γ).
    let optimistic: TabularOutcome
    /// Q-learning from a random table, Q₀ ~ U(−1, 1).
    let random: TabularOutcome

    /// Both outcomes, optimistic first.
    var outcomes: [TabularOutcome] { [optimistic, random] }

    /// The states the batch visits that are not terminal.
    var visitedStates: [Int] {
        Array(Set(batch.transitions.map(\.state))).sorted()
    }

    /// Of the visited states that have an action the batch never tried, the fraction whose greedy
    /// action is such a never-tried one.
    func fractionGreedyUntried(_ outcome: TabularOutcome) -> Double {
        let candidates = visitedStates.filter { batch.actions(in: $0).count < world.actionCount }
        guard !candidates.isEmpty else { return 0 }
        let untried = candidates.filter { !batch.contains(state: $0, action: outcome.table.greedyAction(in: $0)) }
        return Double(untried.count) / Double(candidates.count)
    }

    /// Whether every never-tried pair still holds its initial value.
    func untriedKeepTheirInitialValue(_ outcome: TabularOutcome) -> Bool {
        (0..<world.stateCount).allSatisfy { s in
            (0..<world.actionCount).allSatisfy { a in
                batch.contains(state: s, action: a) || outcome.table[s, a] == outcome.initialTable[s, a]
            }
        }
    }

    /// What results.json keeps of one outcome.
    func recorded(_ outcome: TabularOutcome) -> Lesson05Results.TableStart {
        .init(fractionGreedyUntried: fractionGreedyUntried(outcome), untriedKeepInitialValue: untriedKeepTheirInitialValue(outcome),
              reachesGoal: outcome.rollout.reachedGoal, discountedReturn: outcome.rollout.discountedReturn)
    }
}

/// Collects the batch (an ε-greedy expert from the start cell) and runs Q-learning on it from an
/// optimistic table and from a random one.
func runTabularExperiment(formulas: any OffPolicyExercises, seed: UInt64, episodes: Int) throws -> TabularExperiment {
    let world = GridWorld.standard
    let discount = 0.9
    let optimal = ValueIteration(world, gamma: discount)
    var rng = RandomSource(seed: seed)
    let batch = try GridWorldBatch.collect(in: world, episodes: episodes,
                                           behaviour: GridWorldBatch.epsilonGreedy(optimal.policy, epsilon: 0.1), rng: &rng)
    let optimisticValue = world.goalReward / (1 - discount)
    // Q-learning on the batch from a start table: optimistic (every entry r_max/(1 − γ)) or random, U(−1, 1).
    func learn(randomStart: Bool) throws -> TabularOutcome {
        var configuration = FixedBatchQLearning.Configuration(learningRate: 0.5, discount: discount, sweeps: 200)
        var start = QTable(stateCount: world.stateCount, actionCount: world.actionCount, initialValue: optimisticValue)
        if randomStart {
            configuration.initialValue = 0
            for s in 0..<world.stateCount { for a in 0..<world.actionCount { start[s, a] = rng.uniform(-1.0, 1.0) } }
        } else {
            configuration.initialValue = optimisticValue
        }
        let learner = FixedBatchQLearning(configuration: configuration, formulas: formulas)
        let table = try learner.learn(from: batch, startingFrom: start, rng: &rng)
        let rollout = try GridWorldBatch.greedyRollout(in: world, table: table, discount: discount, maxSteps: 30)
        return TabularOutcome(name: randomStart ? "random" : "optimistic", table: table, initialTable: start, rollout: rollout)
    }
    let optimistic = try learn(randomStart: false)
    let random = try learn(randomStart: true)
    return TabularExperiment(world: world, discount: discount, batch: batch, optimal: optimal, optimistic: optimistic,
                             random: random)
}

/// Left: the batch over the optimal values V*. Middle and right: what Q-learning on the batch
/// learns from an optimistic and from a random table, with the greedy action in every cell,
/// vermilion where the batch never tried it, and the greedy path from S.
func tabularFigure(_ experiment: TabularExperiment) -> Figure {
    let world = experiment.world
    var figure = Figure(width: 13, height: 4.6, rows: 1, columns: 3)
    figure.title = "Q-learning on a fixed batch: untried actions keep made-up values, and the greedy policy picks them"
    let playable = (0..<world.stateCount).filter { world.cells[$0] != .wall && !world.isTerminal($0) }

    var batchPanel = Axes()
    world.drawValueMap(into: &batchPanel, values: experiment.optimal.values, valueRange: -1...1, label: "V*(s)",
                       terminalOpacity: 0.85)
    for s in playable {
        for a in experiment.batch.actions(in: s) { world.drawMove(a, from: s, into: &batchPanel, color: .white) }
        if experiment.batch.actions(in: s).isEmpty {
            batchPanel.text("·", at: world.cellCenter(of: s), color: .white, size: 14)
        }
    }
    batchPanel.title = "Batch B: actions tried (white) over V*"
    figure[0, 0] = batchPanel

    for (column, outcome) in experiment.outcomes.enumerated() {
        var panel = Axes()
        let best = (0..<world.stateCount).map { outcome.table.maxValue(in: $0) }
        let range = outcome.name == "optimistic" ? -1.0...(world.goalReward / (1 - experiment.discount)) : -1.0...1.0
        world.drawValueMap(into: &panel, values: best, valueRange: range, label: "max_a Q(s, a)", terminalOpacity: 0.85)
        for s in playable {
            let a = outcome.table.greedyAction(in: s)
            let tried = experiment.batch.contains(state: s, action: a)
            world.drawMove(a, from: s, into: &panel, color: tried ? .white : .vermillion)
        }
        let path = outcome.rollout.states.map { world.cellCenter(of: $0) }
        panel.line(x: path.map(\.x), y: path.map(\.y), label: "greedy path from S", color: .skyBlue, style: .dashed, width: 2)
        panel.legend = .none
        panel.title = outcome.name == "optimistic"
            ? "Q_0 = r_{max}/(1 − γ) = 10 (optimistic)" : "Q_0 ~ U(−1, 1) (arbitrary, like a new network)"
        figure[0, column + 1] = panel
    }
    return figure
}
