import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions
import Testing

/// The policy-gradient pieces: scaling, the Gaussian policy, the collector, GAE plumbing, and
/// PPO and REINFORCE improving a small task.
@Suite struct PolicyGradientTests {
    @Test func featureScalingFromDataAndFromBounds() throws {
        let scaling = try FeatureScaling(fitting: [[1, 10], [3, 10], [5, 10]])
        let scaled = scaling.apply(Matrix([[1, 10], [5, 10]]))
        #expect(abs(scaled[0, 0] + 1.2247) < 1e-3 && abs(scaled[1, 0] - 1.2247) < 1e-3, "\(scaled)")
        #expect(scaled[0, 1] == 0, "a constant coordinate keeps scale 1: \(scaled)")
        let box = FeatureScaling(box: Box(low: [-2, 0], high: [2, 10]))
        let mapped = box.apply(Matrix([[-2, 0], [2, 10]]))
        #expect(mapped.scalars == [-1, -1, 1, 1])
        #expect(throws: PolicyGradientError.self) { try FeatureScaling(fitting: []) }
        #expect(throws: PolicyGradientError.self) { try FeatureScaling(mean: [0], scale: [0]) }
    }

    @Test func gaussianPolicyLogProbabilityIsTheGaussianDensity() {
        var rng = RandomSource(seed: 1)
        let policy = GaussianPolicy(observationSize: 2, actionSize: 2, initialLogStd: -0.3, rng: &rng)
        let observations = Matrix([[0.5, -1], [2, 0.1]])
        let actions = Matrix([[0.2, -0.4], [1.5, 0.3]])
        let logp = policy.logProbabilities(observations: observations, actions: actions).value
        let means = policy.meanActions(observations)
        let sigma = Foundation.exp(-0.3)
        for i in 0..<2 {
            var expected = 0.0
            for j in 0..<2 {
                let z = (Double(actions[i, j]) - Double(means[i, j])) / sigma
                expected += -0.5 * z * z - Foundation.log(sigma) - 0.5 * Foundation.log(2 * Double.pi)
            }
            #expect(abs(Double(logp[i, 0]) - expected) < 1e-4, "row \(i): \(logp[i, 0]) vs \(expected)")
        }
        let (sampled, sampledLogp) = policy.sample(observations: observations, rng: &rng)
        #expect(sampled.rows == 2 && sampled.cols == 2 && sampledLogp.count == 2)
    }

    @Test func collectorStoresEpisodesEnvironmentByEnvironment() throws {
        var rng = RandomSource(seed: 2)
        let policy = GaussianPolicy(observationSize: 1, actionSize: 1, initialLogStd: 0.5, rng: &rng)
        var collector = try VectorizedCollector(environment: LineWorld(), count: 3, rng: &rng)
        let batch = try collector.collect(policy: policy, stepsPerEnvironment: 30, rng: &rng)
        #expect(batch.count == 90)
        for e in 0..<3 {
            #expect(batch.episodeEnds[e * 30 + 29], "the batch cut is an episode end")
            for t in 0..<29 {
                let row = e * 30 + t
                if batch.terminated[row] { #expect(batch.episodeEnds[row]) }
                if !batch.episodeEnds[row] {
                    #expect(batch.nextObservations[row, 0] == batch.observations[row + 1, 0],
                            "environment \(e) step \(t): the next row continues the episode")
                }
            }
        }
        #expect(batch.executedActions.scalars.allSatisfy { abs($0) <= 1 }, "executed actions are clipped")
        #expect(!batch.completedEpisodes.isEmpty, "30 steps of 20-step episodes finish some")
        let wrongPolicy = GaussianPolicy(observationSize: 2, actionSize: 1, rng: &rng)
        #expect(throws: PolicyGradientError.self) { try collector.collect(policy: wrongPolicy, stepsPerEnvironment: 5, rng: &rng) }
    }

    @Test func advantageEstimateReturnsAreAdvantagesPlusValues() throws {
        var rng = RandomSource(seed: 3)
        let policy = GaussianPolicy(observationSize: 1, actionSize: 1, rng: &rng)
        let value = ValueFunction(observationSize: 1, rng: &rng)
        var collector = try VectorizedCollector(environment: LineWorld(), count: 2, rng: &rng)
        let batch = try collector.collect(policy: policy, stepsPerEnvironment: 25, rng: &rng)
        let estimate = try AdvantageEstimate.estimate(batch: batch, rewards: batch.environmentRewards, valueFunction: value,
                                                      discount: 0.9, lambda: 0.8, formulas: Solutions.AdversarialImitation())
        for t in 0..<batch.count {
            #expect(abs(estimate.returns[t] - estimate.advantages[t] - estimate.values[t]) < 1e-5)
        }
        #expect(throws: PolicyGradientError.self) {
            try AdvantageEstimate.estimate(batch: batch, rewards: [1], valueFunction: value, discount: 0.9, lambda: 0.8,
                                           formulas: Solutions.AdversarialImitation())
        }
    }

    /// The deterministic policy's mean return on 10 fixed LineWorld episodes.
    static func evaluate(_ policy: GaussianPolicy) throws -> Double {
        try PolicyEvaluation.statistics(of: policy, in: LineWorld(), episodes: 10, seed: 77).meanReturn
    }

    @Test func ppoImprovesTheReturn() throws {
        var rng = RandomSource(seed: 4)
        let policy = GaussianPolicy(observationSize: 1, actionSize: 1, activation: .relu, rng: &rng)
        let value = ValueFunction(observationSize: 1, activation: .relu, rng: &rng)
        let ppo = PPO(policy: policy, valueFunction: value, configuration: .largeMinibatches,
                      formulas: Solutions.AdversarialImitation())
        var settings = OnPolicyConfiguration()
        settings.stepsPerEnvironment = 64
        settings.evaluationInterval = 0
        let trainer = try OnPolicyTrainer(environment: LineWorld(), learner: ppo, configuration: settings, rng: &rng)
        let before = try Self.evaluate(policy)
        try trainer.train(iterations: 15, rng: &rng)
        let after = try Self.evaluate(policy)
        #expect(after > before + 1 && after > -2.5, "PPO: return \(before) before, \(after) after")
        #expect(trainer.environmentSteps == 15 * 8 * 64)
        #expect(trainer.curve.points.count == 15)
    }

    @Test func reinforceImprovesTheReturn() throws {
        var rng = RandomSource(seed: 5)
        let policy = GaussianPolicy(observationSize: 1, actionSize: 1, activation: .relu, rng: &rng)
        let value = ValueFunction(observationSize: 1, activation: .relu, rng: &rng)
        let reinforce = REINFORCE(policy: policy, valueFunction: value, formulas: Solutions.AdversarialImitation())
        var settings = OnPolicyConfiguration()
        settings.stepsPerEnvironment = 64
        settings.evaluationInterval = 0
        let trainer = try OnPolicyTrainer(environment: LineWorld(), learner: reinforce, configuration: settings, rng: &rng)
        let before = try Self.evaluate(policy)
        try trainer.train(iterations: 40, rng: &rng)
        let after = try Self.evaluate(policy)
        #expect(after > before + 1, "REINFORCE: return \(before) before, \(after) after")
        #expect(trainer.gradientSteps == 40, "one policy step per batch")
    }

    @Test func episodesCanStartFromDemonstrationStates() throws {
        var rng = RandomSource(seed: 6)
        let states = [LineWorld.State(x: 0.25), LineWorld.State(x: -0.75)]
        let start = try EpisodeStart<LineWorld>.demonstrationStates(states, probability: 1)
        let collector = try VectorizedCollector(environment: LineWorld(), count: 6, episodeStart: start, rng: &rng)
        for observation in collector.observations {
            #expect(observation == [0.25] || observation == [-0.75], "started at \(observation)")
        }
        #expect(throws: PolicyGradientError.self) { try EpisodeStart<LineWorld>.demonstrationStates([], probability: 1) }
        #expect(throws: PolicyGradientError.self) { try EpisodeStart<LineWorld>.demonstrationStates(states, probability: 2) }
    }

    @Test func sameSeedSameTraining() throws {
        func run() throws -> [Double] {
            var rng = RandomSource(seed: 7)
            let policy = GaussianPolicy(observationSize: 1, actionSize: 1, rng: &rng)
            let ppo = PPO(policy: policy, valueFunction: ValueFunction(observationSize: 1, rng: &rng),
                          formulas: Solutions.AdversarialImitation())
            var settings = OnPolicyConfiguration()
            settings.stepsPerEnvironment = 16
            settings.environments = 2
            settings.evaluationInterval = 0
            let trainer = try OnPolicyTrainer(environment: LineWorld(), learner: ppo, configuration: settings, rng: &rng)
            try trainer.train(iterations: 3, rng: &rng)
            return trainer.curve.points.map(\.meanTrainingReward)
        }
        #expect(try run() == run())
    }
}
