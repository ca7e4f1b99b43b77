import Algorithms
import Environments
import Foundation
import ExerciseAPI
import NeuralNetworks
import Numerics

/// The graded checks of lesson 5 (off-policy RL on a fixed batch), visible to students.
let lesson05Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "5.1", lesson: 5, name: "criticTarget", points: 2) { set in
        let f = set.offPolicyLearning
        let expect = Expect("5.1", "criticTarget")
        // Values, with one terminal and one timeout.
        let rewards = Matrix(columnVector: [-1, 0.5, -2, 3])
        let next = Matrix(columnVector: [10, -4, 7, 100])
        let terminals = Matrix(columnVector: [0, 0, 1, 0])
        let timeouts = Matrix(columnVector: [0, 1, 0, 0])
        let y = try f.criticTarget(rewards: rewards, nextValues: next, terminals: terminals, timeouts: timeouts,
                                   discount: 0.9)
        try expect.that(y.rows == 4 && y.cols == 1, "criticTarget on a 4×1 batch returned \(y.shapeDescription), expected 4×1")
        let targets = y.scalars.map(Double.init)
        let rewardDiscounted = zip(targets, [8, -3.1, -2, 93.0]).allSatisfy { abs($0 - 0.9 * $1) < 1e-4 }
        try expect.close(targets, [8, -3.1, -2, 93], tolerance: 1e-5,
                         "(r: [-1, 0.5, -2, 3], Q': [10, -4, 7, 100], terminals: [0, 0, 1, 0], timeouts: [0, 1, 0, 0], γ: 0.9)",
                         hint: rewardDiscounted ? "only the bootstrap is discounted: y = r + γ (1 − terminal) Q', not γ (r + …)"
                            : "a terminal stops the bootstrap; a timeout does not (Pendulum's time limit is not the end of the task)")
        // γ = 0: the target is the reward.
        let y0 = try f.criticTarget(rewards: rewards, nextValues: next, terminals: .zeros(4, 1), timeouts: .zeros(4, 1),
                                    discount: 0)
        try expect.close(y0.scalars.map(Double.init), [-1, 0.5, -2, 3], tolerance: 1e-6, "(same batch, no terminals, γ: 0)")
        // Every transition a timeout: all of them still bootstrap.
        let yT = try f.criticTarget(rewards: rewards, nextValues: next, terminals: .zeros(4, 1), timeouts: .ones(4, 1),
                                    discount: 0.5)
        try expect.close(yT.scalars.map(Double.init), [4, -1.5, 1.5, 53], tolerance: 1e-5,
                         "(same batch, every transition a timeout, no terminal, γ: 0.5)",
                         hint: "timeouts must not stop the bootstrap")
        // An empty batch gives an empty column.
        let empty = try f.criticTarget(rewards: .zeros(0, 1), nextValues: .zeros(0, 1), terminals: .zeros(0, 1),
                                       timeouts: .zeros(0, 1), discount: 0.99)
        try expect.that(empty.rows == 0, "criticTarget on an empty batch returned \(empty.shapeDescription), expected 0×1")
        // Shapes that disagree are an error, not a broadcast.
        try expect.throwsError("criticTarget with 3 rewards and 2 next values") {
            _ = try f.criticTarget(rewards: .zeros(3, 1), nextValues: .zeros(2, 1), terminals: .zeros(3, 1),
                                   timeouts: .zeros(3, 1), discount: 0.9)
        }
        // Behaviour: DDPG's critic, trained with these targets on a self-loop s → s with reward 1
        // whose episodes are cut by a time limit, learns Q = 1 / (1 − γ) = 2, not 1.
        let q = try Lesson05Support.selfLoopCriticValue(formulas: f)
        try expect.close(q, 2, tolerance: 0.1, "DDPG critic's Q(s, π(s)) on a self-loop with r = 1, γ = 0.5, half the steps timeouts",
                         hint: "a value well below 2 means the timeouts were treated as terminals")
    },
    ExerciseCheck(id: "5.2", lesson: 5, name: "deterministicPolicyGradientLoss", points: 2) { set in
        let f = set.offPolicyLearning
        let expect = Expect("5.2", "deterministicPolicyGradientLoss")
        // A linear actor π(s) = s·w and the critic Q(s, a) = −(a − s₁)²: loss and gradient in closed form.
        let w = Tensor(Matrix(columnVector: [0.5, -1]))
        let states = Tensor(Matrix([[1, 2], [0, 1], [-1, 3]]))
        let loss = try f.deterministicPolicyGradientLoss(
            states: states, actor: { $0.matmul(w) }, critic: { s, a in -square(a - s.columns(0..<1)) })
        try expect.that(loss.rows == 1 && loss.cols == 1, "the loss must be a 1×1 tensor, got \(loss.value.shapeDescription)")
        // actions: [-1.5, -1, -3.5]; a − s₁: [-2.5, -1, -2.5]; Q: [-6.25, -1, -6.25]; loss = 13.5 / 3 = 4.5
        try expect.close(Double(loss.scalar), 4.5, tolerance: 1e-5,
                         "(π(s) = s·[0.5, −1], Q(s, a) = −(a − s₁)², states [[1, 2], [0, 1], [−1, 3]])",
                         mistakes: [KnownMistake(-4.5, "the sign: the actor minimises −mean Q(s, π(s))"),
                                    KnownMistake(13.5, "average over the batch (1/n), do not sum")],
                         hint: "the loss is −mean Q(s, π(s))")
        // ∂L/∂w = (2/n) Σ (a − s₁) s = (2/3)·([-2.5, -5] + [0, -1] + [2.5, -7.5]) = [0, -9]
        let gradient = loss.gradient(for: w)
        try expect.that(gradient.scalars.contains { $0 != 0 },
                        "no gradient reaches the actor's parameters: were the actions detached from the graph?")
        try expect.close(gradient.scalars.map(Double.init), [0, -9], tolerance: 1e-4, "∂loss/∂w for the same actor and critic")
        // Empty batch.
        try expect.throwsError("deterministicPolicyGradientLoss on an empty batch") {
            _ = try f.deterministicPolicyGradientLoss(states: Tensor(.zeros(0, 2)), actor: { $0.matmul(w) },
                                                      critic: { s, a in a + s.columns(0..<1) })
        }
        // Behaviour: DDPG's actor update with this loss climbs a fixed critic Q(s, a) = −(a − 1)².
        let actions = try Lesson05Support.climbFixedCritic(formulas: f)
        try expect.that(actions.allSatisfy { abs($0 - 1) < 0.1 },
                        "after 300 actor updates against Q(s, a) = −(a − 1)² the actions are \(actions.map { ($0 * 1000).rounded() / 1000 }), expected all near 1")
    },
    ExerciseCheck(id: "5.3", lesson: 5, name: "qLearningUpdate", points: 2) { set in
        let f = set.offPolicyLearning
        let expect = Expect("5.3", "qLearningUpdate")
        try expect.close(try f.qLearningUpdate(value: 1, reward: 0.5, nextValues: [2, -1, 5], terminal: false,
                                               learningRate: 0.5, discount: 0.9), 3,
                         "(Q: 1, r: 0.5, Q(s', ·): [2, −1, 5], not terminal, α: 0.5, γ: 0.9)",
                         hint: "the target bootstraps from the largest Q(s', a')")
        try expect.close(try f.qLearningUpdate(value: 1, reward: 0.5, nextValues: [1000, 7], terminal: true,
                                               learningRate: 0.5, discount: 0.9), 0.75,
                         "(Q: 1, r: 0.5, Q(s', ·): [1000, 7], terminal, α: 0.5, γ: 0.9)",
                         hint: "a terminal transition has no bootstrap")
        try expect.close(try f.qLearningUpdate(value: 1, reward: 0, nextValues: [], terminal: true,
                                               learningRate: 1, discount: 0.9), 0,
                         "(Q: 1, r: 0, Q(s', ·): [], terminal, α: 1, γ: 0.9)")
        try expect.close(try f.qLearningUpdate(value: -3, reward: 10, nextValues: [4], terminal: false,
                                               learningRate: 0, discount: 0.9), -3,
                         "(Q: −3, r: 10, Q(s', ·): [4], not terminal, α: 0, γ: 0.9)", hint: "α = 0 changes nothing")
        try expect.close(try f.qLearningUpdate(value: -3, reward: -1, nextValues: [-5, -2], terminal: false,
                                               learningRate: 1, discount: 1), -3,
                         "(Q: −3, r: −1, Q(s', ·): [−5, −2], not terminal, α: 1, γ: 1)")
        try expect.throwsError("qLearningUpdate of a non-terminal transition without next values") {
            _ = try f.qLearningUpdate(value: 0, reward: 1, nextValues: [], terminal: false, learningRate: 0.5, discount: 0.9)
        }
        try expect.throwsError("qLearningUpdate with α = 1.5") {
            _ = try f.qLearningUpdate(value: 0, reward: 1, nextValues: [0], terminal: false, learningRate: 1.5, discount: 0.9)
        }
        // Behaviour: Q-learning on a batch of a 3-state chain. The batch tries only action 0
        // ("right") in states 0 and 1; action 1 is never tried there and keeps its optimistic
        // initial value 10, so the greedy policy picks it: extrapolation error.
        let batch = try TabularBatch(transitions: [
            TabularTransition(state: 0, action: 0, reward: 0, nextState: 1, terminal: false),
            TabularTransition(state: 1, action: 0, reward: 1, nextState: 2, terminal: true),
        ], stateCount: 3, actionCount: 2)
        var rng = RandomSource(seed: 5)
        let learner = FixedBatchQLearning(configuration: .init(learningRate: 0.5, discount: 0.9, sweeps: 60,
                                                               initialValue: 10), formulas: f)
        let table = try learner.learn(from: batch, rng: &rng)
        try expect.close(table[1, 0], 1, tolerance: 1e-3, "Q(1, right) after 60 sweeps over the chain batch")
        try expect.close(table[0, 0], 9, tolerance: 1e-3, "Q(0, right) after 60 sweeps over the chain batch",
                         hint: "r + γ max Q(1, ·) = 0 + 0.9 · 10: the never-tried Q(1, left) = 10 wins the max")
        try expect.that(table[0, 1] == 10 && table.greedyAction(in: 0) == 1,
                        "the never-tried Q(0, left) should keep its initial 10 and be the greedy choice, got Q(0, ·) = \(table.values(in: 0))")
    },
    ExerciseCheck(id: "5.4", lesson: 5, name: "discountedReturns", points: 2) { set in
        let f = set.offPolicyLearning
        let expect = Expect("5.4", "discountedReturns")
        try expect.close(try f.discountedReturns(rewards: [1, 1, 1], discount: 0.5), [1.75, 1.5, 1],
                         "(rewards: [1, 1, 1], γ: 0.5)",
                         mistakes: [([1, 1.5, 1.75], "G_t sums the rewards from step t on (k ≥ t): accumulate backwards from the end, not forwards"),
                                    ([1.5, 1, 0], "G_t starts with r_t itself: the returns are shifted by one step"),
                                    ([1.75, 0.75, 0.25], "discount by γ^(k−t), counted from step t, not γ^k from the start"),
                                    ([3, 2, 1], "the discount: G_t = r_t + γ G_{t+1}")])
        try expect.close(try f.discountedReturns(rewards: [0, 0, 10], discount: 0.9), [8.1, 9, 10],
                         "(rewards: [0, 0, 10], γ: 0.9)")
        try expect.close(try f.discountedReturns(rewards: [3, -2, 5], discount: 0), [3, -2, 5],
                         "(rewards: [3, −2, 5], γ: 0)")
        try expect.close(try f.discountedReturns(rewards: [3, -2, 5], discount: 1), [6, 3, 5],
                         "(rewards: [3, −2, 5], γ: 1)")
        try expect.close(try f.discountedReturns(rewards: [], discount: 0.99), [], "(rewards: [], γ: 0.99)")
        let long = try f.discountedReturns(rewards: [Double](repeating: -1, count: 1000), discount: 0.99)
        try expect.that(long.count == 1000, "1000 rewards gave \(long.count) returns")
        let expected = -(1 - pow(0.99, 1000)) / 0.01
        try expect.close(long[0], expected, tolerance: 1e-6, "(1000 rewards of −1, γ: 0.99) at t = 0")
        try expect.throwsError("discountedReturns with γ = −0.1") {
            _ = try f.discountedReturns(rewards: [1], discount: -0.1)
        }
        // Behaviour: the lesson's evaluator measures the true value of "no torque" on a pendulum
        // hanging at rest: it stays there, earning −π² per step, for ever (the 200-step time limit
        // is not an end), so V = −π² (1 − γ^400) / (1 − γ) over a 400-step value rollout.
        var rng = RandomSource(seed: 1)
        var evaluator = try PolicyEvaluator(environment: Pendulum(), episodes: 1, discount: 0.99, valueHorizon: 400,
                                            formulas: f, rng: &rng)
        evaluator.startStates = [Pendulum.State(angle: .pi, angularVelocity: 0)]
        let evaluation = try evaluator.evaluate(policy: { Matrix.zeros($0.rows, 1) })
        let piSquared = Double.pi * Double.pi
        try expect.close(evaluation.trueValue, -piSquared * (1 - pow(0.99, 400)) / 0.01, tolerance: 1e-4,
                         "true value of zero torque from the pendulum hanging at rest (400 steps, γ = 0.99)")
        try expect.close(evaluation.averageReturn, -200 * piSquared, tolerance: 1e-4,
                         "episode return of the same policy (200-step episodes)")
    },
    ExerciseCheck(id: "5.5", lesson: 5, name: "explorationAction", points: 2) { set in
        let f = set.offPolicyLearning
        let expect = Expect("5.5", "explorationAction")
        var rng = RandomSource(seed: 11)
        let quiet = try f.explorationAction([3, -0.5], noiseStd: 0, low: [-2, -2], high: [2, 2], rng: &rng)
        try expect.close(quiet.map(Double.init), [2, -0.5], tolerance: 1e-6,
                         "([3, −0.5], σ: 0, bounds ±2)", hint: "σ = 0 leaves the action, clipped into the bounds")
        // The same random source gives the same action; different draws give different ones.
        var a = RandomSource(seed: 3), b = RandomSource(seed: 3)
        let first = try f.explorationAction([0.2], noiseStd: 0.3, low: [-2], high: [2], rng: &a)
        let again = try f.explorationAction([0.2], noiseStd: 0.3, low: [-2], high: [2], rng: &b)
        try expect.that(first == again, "two calls with generators seeded alike gave \(first) and \(again): draw the noise from `rng`")
        let second = try f.explorationAction([0.2], noiseStd: 0.3, low: [-2], high: [2], rng: &a)
        try expect.that(second != first, "two successive calls gave the same action \(first): is noise added, "
                        + "and drawn from `rng` (which then advances) rather than from a generator of your own?")
        // Statistics: mean a, standard deviation σ far from the bounds.
        var samples: [Double] = []
        for _ in 0..<20_000 { samples.append(Double(try f.explorationAction([0.5], noiseStd: 0.3, low: [-2], high: [2], rng: &rng)[0])) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let std = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count)).squareRoot()
        try expect.close(mean, 0.5, tolerance: 0.01, "mean of 20 000 noisy actions around 0.5 with σ = 0.3")
        try expect.close(std, 0.3, tolerance: 0.03, "standard deviation of the same 20 000 actions",
                         mistakes: [KnownMistake(0.3 / 3.0.squareRoot(), "ε is Gaussian, N(0, σ²) (rng.normal), not uniform in [−σ, σ]")],
                         hint: "σ is a standard deviation, not a variance")
        // Clipping near a bound: about P(ε > 0.1) = 42 % of the actions sit exactly at 2.
        var atBound = 0
        for _ in 0..<10_000 {
            let x = try f.explorationAction([1.9], noiseStd: 0.5, low: [-2], high: [2], rng: &rng)[0]
            try expect.that(x <= 2 && x >= -2, "an action \(x) left the bounds [−2, 2]")
            if x == 2 { atBound += 1 }
        }
        try expect.close(Double(atBound) / 10_000, 0.4207, tolerance: 0.03, "fraction of actions clipped to 2 from a = 1.9, σ = 0.5")
        // Each coordinate has its own bounds.
        let perCoordinate = try f.explorationAction([3, 3, -7], noiseStd: 0, low: [-1, -5, -6], high: [1, 5, 0], rng: &rng)
        try expect.close(perCoordinate.map(Double.init), [1, 3, -6], tolerance: 1e-6,
                         "([3, 3, −7], σ: 0, low: [−1, −5, −6], high: [1, 5, 0])",
                         hint: "clip each coordinate into its own bounds, low[i] and high[i]")
        // ε ~ N(0, σ² I): an independent draw per coordinate, so the coordinates are uncorrelated.
        var first2: [Double] = [], second2: [Double] = []
        for _ in 0..<5_000 {
            let x = try f.explorationAction([0, 5], noiseStd: 0.3, low: [-10, 0], high: [10, 10], rng: &rng)
            try expect.that(x.count == 2, "a 2-coordinate action gave \(x.count) coordinates")
            first2.append(Double(x[0]))
            second2.append(Double(x[1]) - 5)
        }
        let correlation = zip(first2, second2).reduce(0) { $0 + $1.0 * $1.1 }
            / (first2.reduce(0) { $0 + $1 * $1 } * second2.reduce(0) { $0 + $1 * $1 }).squareRoot()
        try expect.that(abs(correlation) < 0.1,
                        "the noise of the two coordinates of [0, 5] (σ = 0.3) has correlation \(correlation) over 5 000 draws: "
                        + "draw ε coordinate by coordinate (an independent draw per coordinate), not one draw shared by all")
        try expect.throwsError("explorationAction with 2 action numbers and 1 bound") {
            _ = try f.explorationAction([0, 0], noiseStd: 0.1, low: [-1], high: [1], rng: &rng)
        }
    },
]

/// The helpers of lesson 5's checks.
enum Lesson05Support {
    /// Trains a small DDPG critic (with the implementation's targets) on a self-loop s → s with
    /// reward 1 and γ = 0.5, where half the transitions are timeouts and none is terminal, and
    /// returns its Q(s, π(s)); the right answer is 1 / (1 − γ) = 2.
    static func selfLoopCriticValue(formulas: any OffPolicyExercises) throws -> Double {
        var rng = RandomSource(seed: 21)
        let configuration = DDPGConfiguration(actorHiddenSizes: [16], criticHiddenSizes: [32, 32], actorLearningRate: 1e-3,
                                              criticLearningRate: 3e-3, discount: 0.5, tau: 0.05, batchSize: 64)
        let agent = try DDPG(observationSize: 1, actionSize: 1, maxAction: 1, configuration: configuration,
                             formulas: formulas, rng: &rng)
        let n = 64
        let states = Matrix(rows: n, cols: 1, repeating: 0.3)
        let batch = try OffPolicyBatch(states: states, actions: .randomUniform(n, 1, low: -1, high: 1, rng: &rng),
                                       rewards: .ones(n, 1), nextStates: states, terminals: .zeros(n, 1),
                                       timeouts: Matrix(columnVector: (0..<n).map { $0 % 2 == 0 ? 1 : 0 }))
        for _ in 0..<600 { try agent.update(batch, rng: &rng) }
        let s = Matrix(rows: 1, cols: 1, repeating: 0.3)
        return Double(agent.qValues(states: s, actions: agent.actions(for: s)).scalar)
    }

    /// Runs 300 Adam steps of a small deterministic actor on the implementation's loss against the
    /// fixed critic Q(s, a) = −(a − 1)², and returns the actor's actions on 8 states.
    static func climbFixedCritic(formulas: any OffPolicyExercises) throws -> [Float] {
        var rng = RandomSource(seed: 8)
        let actor = DeterministicActor(observationSize: 2, actionSize: 1, hiddenSizes: [16], maxAction: 2, rng: &rng)
        let optimizer = Adam(parameters: actor.parameters, learningRate: 1e-2)
        let states = Tensor(Matrix.randomNormal(8, 2, rng: &rng))
        for _ in 0..<300 {
            let loss = try formulas.deterministicPolicyGradientLoss(states: states, actor: { actor($0) },
                                                                    critic: { _, a in -square(a - 1) })
            optimizer.step(loss.gradients(for: optimizer.parameters))
        }
        return actor(states).value.scalars
    }
}
