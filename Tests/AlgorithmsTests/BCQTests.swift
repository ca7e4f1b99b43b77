import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Numerics
import Solutions
import Testing

/// Continuous BCQ (Fujimoto, Meger & Precup 2019) on small, fast problems.
@Suite struct BCQTests {
    let formulas = Solutions.BatchConstrained()

    @Test func defaultsAreThePapers() {
        let c = BCQConfiguration()
        #expect(c.maxPerturbation == 0.05 && c.lambda == 0.75 && c.sampledActions == 10)
        #expect(c.tau == 0.005 && c.discount == 0.99 && c.batchSize == 100)
        #expect(c.klWeight == 0.5 && c.learningRate == 1e-3 && c.latentClip == 0.5)
        #expect(c.latentSize(forActionSize: 3) == 6)
        #expect(c.criticHiddenSizes == [400, 300] && c.perturbationHiddenSizes == [400, 300] && c.vaeHiddenSizes == [750, 750])
        let kit = BCQConfiguration.kit(maxPerturbation: 0.2)
        #expect(kit.maxPerturbation == 0.2 && kit.lambda == 0.75 && kit.sampledActions == 10)
    }

    @Test func badConfigurationsAndBoundsAreRejected() throws {
        var rng = RandomSource(seed: 0)
        for bad in [BCQConfiguration(maxPerturbation: -0.1), BCQConfiguration(lambda: 1.5), BCQConfiguration(sampledActions: 0),
                    BCQConfiguration(batchSize: 0), BCQConfiguration(latentSize: 0), BCQConfiguration(vaeHiddenSizes: [])] {
            #expect(throws: BCQInputError.self) {
                _ = try BCQ(observationSize: 2, actionLow: [-1], actionHigh: [1], configuration: bad, formulas: formulas, rng: &rng)
            }
        }
        #expect(throws: BCQInputError.self) {
            _ = try BCQ(observationSize: 2, actionLow: [1], actionHigh: [-1], configuration: .kit(), formulas: formulas, rng: &rng)
        }
        let bcq = try BCQ(observationSize: 2, actionLow: [-1], actionHigh: [1], configuration: .kit(), formulas: formulas, rng: &rng)
        #expect(throws: BCQInputError.self) {
            try bcq.update(states: Matrix.zeros(4, 2), actions: Matrix.zeros(4, 1), rewards: Matrix.zeros(3, 1),
                           nextStates: Matrix.zeros(4, 2), terminals: Matrix.zeros(4, 1), rng: &rng)
        }
    }

    @Test func actionsAreScaledBothWays() throws {
        var rng = RandomSource(seed: 1)
        let bcq = try BCQ(observationSize: 1, actionLow: [-2, 0], actionHigh: [2, 10], configuration: .kit(), formulas: formulas,
                          rng: &rng)
        let actions = Matrix([[-2, 0], [2, 10], [1, 2.5]])
        #expect(bcq.scaled(actions) == Matrix([[-1, -1], [1, 1], [0.5, -0.5]]))
        #expect(bcq.unscaled(bcq.scaled(actions)) == actions)
        let acted = try bcq.selectActions(for: Matrix.randomNormal(20, 1, rng: &rng))
        for r in 0..<20 {
            #expect((-2...2).contains(acted[r, 0]) && (0...10).contains(acted[r, 1]))
        }
    }

    /// One-step problem: in every state the batch holds torque −1.5 (reward 1) and torque +1.5
    /// (reward 0), both terminal. BCQ must pick −1.5 and estimate its value as 1; with Φ = 0.05 it
    /// cannot leave the batch's two actions.
    @Test func picksTheBetterBatchActionAndValuesItCorrectly() throws {
        var rng = RandomSource(seed: 2)
        let bcq = try BCQ(observationSize: 1, actionLow: [-2], actionHigh: [2], configuration: .kit(), formulas: formulas,
                          rng: &rng)
        let n = 64
        for _ in 0..<600 {
            let states = Matrix.randomUniform(n, 1, low: -1, high: 1, rng: &rng)
            let good = (0..<n).map { _ in rng.bernoulli(0.5) }
            let actions = Matrix(columnVector: good.map { $0 ? -1.5 : 1.5 })
            let rewards = Matrix(columnVector: good.map { $0 ? 1 : 0 })
            try bcq.update(states: states, actions: actions, rewards: rewards, nextStates: states,
                           terminals: Matrix.ones(n, 1), rng: &rng)
        }
        let probe = Matrix(columnVector: [-0.8, -0.3, 0, 0.4, 0.9])
        let (actions, values) = try bcq.selectActionsAndValues(for: probe)
        for r in 0..<5 {
            #expect(abs(actions[r, 0] + 1.5) < 0.25, "state \(probe[r, 0]): BCQ chose \(actions[r, 0]), the batch's best is −1.5")
            #expect(abs(values[r, 0] - 1) < 0.15, "state \(probe[r, 0]): Q estimate \(values[r, 0]), true value 1")
        }
        // The generative model covers both of the batch's actions and little else.
        let samples = bcq.generativeSamples(for: Matrix(columnVector: [0]), count: 400, rng: &rng).scalars
        let nearData = samples.filter { abs(abs($0) - 1.5) < 0.35 }.count
        #expect(nearData > 240, "only \(nearData) of 400 VAE samples lie near the batch's actions ±1.5")
        #expect(samples.contains { $0 < 0 } && samples.contains { $0 > 0 }, "the VAE lost one of the two modes")
    }

    @Test func trainingIsReproducible() throws {
        func run() throws -> BCQStepStatistics {
            var rng = RandomSource(seed: 3)
            let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: .kit(), formulas: formulas,
                              rng: &rng)
            var last: BCQStepStatistics?
            for _ in 0..<20 {
                let s = Matrix.randomNormal(16, 3, rng: &rng)
                last = try bcq.update(states: s, actions: Matrix.randomUniform(16, 1, low: -2, high: 2, rng: &rng),
                                      rewards: Matrix.randomNormal(16, 1, rng: &rng), nextStates: s * 0.9,
                                      terminals: Matrix.zeros(16, 1), rng: &rng)
            }
            return last!
        }
        let a = try run(), b = try run()
        #expect(a == b)
        #expect(a.vaeLoss.isFinite && a.criticLoss.isFinite && a.actorLoss.isFinite)
    }

    @Test func unwrittenExercisesAreReported() throws {
        var rng = RandomSource(seed: 4)
        let bcq = try BCQ(observationSize: 1, actionLow: [-1], actionHigh: [1], configuration: .kit(),
                          formulas: StubbedFormulas(), rng: &rng)
        #expect(throws: NotImplemented.self) {
            try bcq.update(states: Matrix.zeros(2, 1), actions: Matrix.zeros(2, 1), rewards: Matrix.zeros(2, 1),
                           nextStates: Matrix.zeros(2, 1), terminals: Matrix.zeros(2, 1), rng: &rng)
        }
    }
}

/// A lesson-6 implementation whose every formula is unwritten.
private struct StubbedFormulas: BCQExercises {
    func batchConstrainedTabularUpdate(value: Double, reward: Double, nextValues: [Double], nextActionInBatch: [Bool],
                                       terminal: Bool, learningRate: Double, discount: Double) throws -> Double {
        throw NotImplemented(exercise: "6.1", name: "batchConstrainedTabularUpdate", file: "-")
    }
    func vaeLoss(actions: Tensor, mean: Tensor, logStd: Tensor, noise: Matrix, klWeight: Float,
                 decode: (Tensor) throws -> Tensor) throws -> VAELossTerms {
        throw NotImplemented(exercise: "6.2", name: "vaeLoss", file: "-")
    }
    func softClippedDoubleQTarget(rewards: Matrix, nextQ1: Matrix, nextQ2: Matrix, terminals: Matrix, discount: Float,
                                  lambda: Float) throws -> Matrix {
        throw NotImplemented(exercise: "6.3", name: "softClippedDoubleQTarget", file: "-")
    }
    func boundedPerturbation(actions: Tensor, rawPerturbation: Tensor, maxPerturbation: Float, low: Float,
                             high: Float) throws -> Tensor {
        throw NotImplemented(exercise: "6.4", name: "boundedPerturbation", file: "-")
    }
    func selectBestAction(candidates: Matrix, values: Matrix, candidatesPerState: Int) throws -> Matrix {
        throw NotImplemented(exercise: "6.5", name: "selectBestAction", file: "-")
    }
}

/// BCQ through lesson 5's `BatchLearner` interface.
@Suite struct BCQBatchLearnerTests {
    @Test func actingThrowsTheFormulasErrors() throws {
        var rng = RandomSource(seed: 5)
        let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: .kit(),
                          formulas: StubbedFormulas(), rng: &rng)
        let learner: any BatchLearner = bcq
        #expect(learner.batchSize == 100)
        #expect(throws: NotImplemented.self) { try learner.actions(for: Matrix.zeros(3, 3)) }
        #expect(throws: NotImplemented.self) { try learner.estimatedValues(states: Matrix.zeros(3, 3)) }
        let batch = try OffPolicyBatch(states: Matrix.zeros(2, 3), actions: Matrix.zeros(2, 1), rewards: Matrix.zeros(2, 1),
                                       nextStates: Matrix.zeros(2, 3), terminals: Matrix.zeros(2, 1),
                                       timeouts: Matrix.zeros(2, 1))
        #expect(throws: NotImplemented.self) { try learner.train(on: batch, rng: &rng) }
        let evaluator = try PolicyEvaluator(environment: Pendulum(), episodes: 1, discount: 0.99, valueHorizon: 200,
                                            formulas: Solutions.all.offPolicyLearning, rng: &rng)
        #expect(throws: NotImplemented.self, "an evaluation stops at the first action") { try evaluator.evaluate(learner) }
    }

    @Test func trainsAndEvaluatesWithLessonFivesLoops() throws {
        var rng = RandomSource(seed: 6)
        let formulas = Solutions.all
        var dataset = TransitionDataset(observationSize: 3, actionSize: 1)
        var env = Pendulum()
        var observation = env.reset(rng: &rng)
        let expert = PendulumExpert(knobs: ExpertKnobs(noise: 0.3), planningHorizon: 0)
        for _ in 0..<2_000 {
            let action = expert.action(for: observation, rng: &rng)
            let step = try env.step(action)
            try dataset.append(Transition(observation: observation, action: action, reward: Float(step.reward),
                                          nextObservation: step.observation, terminated: step.terminated,
                                          truncated: step.truncated))
            observation = step.isDone ? env.reset(rng: &rng) : step.observation
        }
        let evaluator = try PolicyEvaluator(environment: Pendulum(), episodes: 2, discount: 0.99, valueHorizon: 200,
                                            formulas: formulas.offPolicyLearning, rng: &rng)
        let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: .kit(),
                          formulas: formulas.batchConstrained, rng: &rng)
        let curve = try trainOnFixedBuffer(bcq, buffer: dataset, updates: 40, evaluationInterval: 20,
                                           evaluator: evaluator, rng: &rng)
        #expect(curve.updates == [0, 20, 40])
        #expect(curve.returns.allSatisfy { $0.isFinite && $0 <= 0 })
        #expect(curve.estimatedValues.count == 3)
        #expect(bcq.updateCount == 40)
    }
}
