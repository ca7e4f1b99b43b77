// The tabular half of the lesson: Q-learning and batch-constrained Q-learning on one partial
// batch of the grid world, against the best policy the batch supports.
import Algorithms
import Environments
import ExerciseAPI
import LessonClaims
import Numerics

/// What one learner's table does in the grid world.
struct TabularLearnerOutcome: Sendable {
    /// "Q-learning" or "BCQ".
    let name: String
    /// The learned table.
    let table: QTable
    /// The greedy move in every state (constrained to the batch's moves for BCQ).
    let policy: [Int]
    /// The greedy rollout from the start cell.
    let rollout: (states: [Int], actions: [Int], discountedReturn: Double, reachedGoal: Bool)

    /// The learner's own estimate of the value of its first move, Q(S, π(S)).
    func startEstimate(_ world: GridWorld) -> Double { table[world.startState, policy[world.startState]] }
}

/// The tabular experiment: the world, the batch, and what each learner made of it.
struct TabularComparison: Sendable {
    let world: GridWorld
    let discount: Double
    let batch: TabularBatch
    /// Optimal values of the whole MDP (value iteration), for reference.
    let optimal: ValueIteration
    /// The values of the best batch-constrained policy (value iteration on the batch's transitions).
    let best: QTable
    /// The best batch-constrained policy's rollout from the start cell.
    let bestRollout: (states: [Int], actions: [Int], discountedReturn: Double, reachedGoal: Bool)
    /// The mean discounted return of the batch's own episodes (the behaviour policy).
    let behaviourReturn: Double
    /// The best discounted return among the batch's episodes.
    let bestEpisodeReturn: Double
    /// Q-learning (exercise 5.3) on the batch.
    let qLearning: TabularLearnerOutcome
    /// Batch-constrained Q-learning (exercise 6.1), from the same start table.
    let bcq: TabularLearnerOutcome

    /// Both learners, Q-learning first.
    var learners: [TabularLearnerOutcome] { [qLearning, bcq] }

    /// The non-terminal states the batch acts in.
    var visitedStates: [Int] { Array(Set(batch.transitions.map(\.state))).sorted() }

    /// Of the visited states, how many get a greedy move the batch never tried.
    func unsupportedChoices(_ outcome: TabularLearnerOutcome) -> Int {
        visitedStates.filter { !batch.contains(state: $0, action: outcome.policy[$0]) }.count
    }

    /// Along the learner's rollout from S, how many moves the batch never tried there.
    func unsupportedMovesOnPath(_ outcome: TabularLearnerOutcome) -> Int {
        zip(outcome.rollout.states, outcome.rollout.actions).filter { !batch.contains(state: $0.0, action: $0.1) }.count
    }

    /// What results.json keeps of the experiment.
    var recorded: Lesson06Results.Tabular {
        func learner(_ outcome: TabularLearnerOutcome) -> Lesson06Results.TabularLearner {
            .init(discountedReturn: outcome.rollout.discountedReturn, reachesGoal: outcome.rollout.reachedGoal,
                  startEstimate: outcome.startEstimate(world), untriedMovesOnPath: unsupportedMovesOnPath(outcome),
                  untriedChoices: unsupportedChoices(outcome))
        }
        return .init(visitedStates: visitedStates.count, behaviourReturn: behaviourReturn, bestEpisodeReturn: bestEpisodeReturn,
                     optimalReturn: optimal.values[world.startState], bestSupportedReturn: bestRollout.discountedReturn,
                     qLearning: learner(qLearning), bcq: learner(bcq))
    }
}

/// The lesson's batch: `episodes` episodes from S of a behaviour policy that follows the optimal
/// move with probability 1 − ε and a uniformly random move otherwise; then Q-learning and
/// batch-constrained Q-learning from the same random table (as a freshly initialised network
/// would be), and value iteration on the batch for the best policy it supports.
func runTabularComparison(offPolicy: any OffPolicyExercises, batchConstrained: any BCQExercises, seed: UInt64,
                          episodes: Int, epsilon: Double) throws -> TabularComparison {
    let world = GridWorld.standard
    let discount = 0.9
    let optimal = ValueIteration(world, gamma: discount)
    var rng = RandomSource(seed: seed)
    // One episode at a time, so that each episode's return is known.
    var transitions: [TabularTransition] = []
    var episodeReturns: [Double] = []
    let behaviour = GridWorldBatch.epsilonGreedy(optimal.policy, epsilon: epsilon)
    for _ in 0..<episodes {
        let episode = try GridWorldBatch.collect(in: world, episodes: 1, behaviour: behaviour, rng: &rng).transitions
        var weight = 1.0
        episodeReturns.append(episode.reduce(0.0) { total, t in defer { weight *= discount }; return total + weight * t.reward })
        transitions += episode
    }
    let batch = try TabularBatch(transitions: transitions, stateCount: world.stateCount, actionCount: world.actionCount)
    var start = QTable(stateCount: world.stateCount, actionCount: world.actionCount)
    for s in 0..<world.stateCount { for a in 0..<world.actionCount { start[s, a] = rng.uniform(-1.0, 1.0) } }
    let configuration = FixedBatchQLearning.Configuration(learningRate: 0.5, discount: discount, sweeps: 300)
    let maxSteps = 40

    let qTable = try FixedBatchQLearning(configuration: configuration, formulas: offPolicy).learn(from: batch, startingFrom: start,
                                                                                              rng: &rng)
    let qPolicy = (0..<world.stateCount).map { qTable.greedyAction(in: $0) }
    let qRollout = try BatchConstrainedQLearning.rollout(in: world, discount: discount, maxSteps: maxSteps) { qPolicy[$0] }

    let bcqTable = try BatchConstrainedQLearning(configuration: configuration, formulas: batchConstrained)
        .learn(from: batch, startingFrom: start, rng: &rng)
    let bcqPolicy = (0..<world.stateCount).map { BatchConstrainedQLearning.greedyAction(in: $0, table: bcqTable, batch: batch) }
    let bcqRollout = try BatchConstrainedQLearning.rollout(in: world, discount: discount, maxSteps: maxSteps) { bcqPolicy[$0] }

    let best = BatchConstrainedQLearning.bestBatchConstrainedValues(of: batch, discount: discount)
    let bestPolicy = (0..<world.stateCount).map { BatchConstrainedQLearning.greedyAction(in: $0, table: best, batch: batch) }
    let bestRollout = try BatchConstrainedQLearning.rollout(in: world, discount: discount, maxSteps: maxSteps) { bestPolicy[$0] }

    return TabularComparison(
        world: world, discount: discount, batch: batch, optimal: optimal, best: best, bestRollout: bestRollout,
        behaviourReturn: episodeReturns.reduce(0, +) / Double(max(1, episodeReturns.count)),
        bestEpisodeReturn: episodeReturns.max() ?? .nan,
        qLearning: TabularLearnerOutcome(name: "Q-learning", table: qTable, policy: qPolicy, rollout: qRollout),
        bcq: TabularLearnerOutcome(name: "BCQ", table: bcqTable, policy: bcqPolicy, rollout: bcqRollout))
}
