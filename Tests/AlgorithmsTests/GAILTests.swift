import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions
import Testing

/// GAIL's pieces and loop on LineWorld, whose expert plays a = −x.
@Suite struct GAILTests {
    static func demonstrations(_ count: Int) throws -> [Trajectory<LineWorld.State>] {
        try Rollout.run(LineWorld(), expert: LineWorldExpert(), episodes: count, seed: 100)
    }

    @Test func featureSelectionPicksColumns() throws {
        let observations = Matrix([[1, 2, 3], [4, 5, 6]])
        let actions = Matrix([[7], [8]])
        let all = DiscriminatorFeatures.stateAction.features(observations: observations, actions: actions)
        #expect(all.scalars == [1, 2, 3, 7, 4, 5, 6, 8])
        let some = DiscriminatorFeatures(observationIndices: [2, 0], includesActions: false)
        #expect(some.features(observations: observations, actions: actions).scalars == [3, 1, 6, 4])
        #expect(some.featureCount(observationSize: 3, actionSize: 1) == 2)
        #expect(throws: PolicyGradientError.self) {
            try DiscriminatorFeatures(observationIndices: [3]).validate(observationSize: 3, actionSize: 1)
        }
        #expect(throws: PolicyGradientError.self) {
            try DiscriminatorFeatures(observationIndices: [], includesActions: false).validate(observationSize: 3, actionSize: 1)
        }
    }

    @Test func expertPairsDropEachEpisodesLastObservation() throws {
        let demos = try Self.demonstrations(3)
        let pairs = try ExpertPairs(demos)
        #expect(pairs.count == demos.map(\.count).reduce(0, +))
        #expect(pairs.observations.row(0) == demos[0].observations[0] && pairs.actions.row(0) == demos[0].actions[0])
        #expect(throws: PolicyGradientError.self) { try ExpertPairs([Trajectory<LineWorld.State>]()) }
    }

    @Test func rewardMixesImitationAndTaskRewardsThroughExerciseSevenOne() throws {
        var rng = RandomSource(seed: 1)
        var configuration = GAILConfiguration()
        configuration.imitationWeight = 0.25
        configuration.discriminatorStepsPerIteration = 0      // keep D fixed to compare
        configuration.rollouts.stepsPerEnvironment = 20
        #expect(throws: PolicyGradientError.self, "λ < 1 needs the mixing formulas") {
            try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(2)),
                     configuration: configuration, formulas: Solutions.AdversarialImitation(), rng: &rng)
        }
        let gail = try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(2)),
                            configuration: configuration, formulas: Solutions.AdversarialImitation(),
                            mixing: Solutions.RewardMixing(), rng: &rng)
        let batch = try gail.trainer.collector.collect(policy: gail.policy, stepsPerEnvironment: 10, rng: &rng)
        let mixed = try gail.trainer.rewardFunction(batch)
        let imitation = try gail.imitationRewards(observations: batch.observations, actions: batch.executedActions)
        #expect(mixed == (try Solutions.RewardMixing().mixedReward(imitationWeight: 0.25, imitation: imitation,
                                                                   task: batch.taskRewards)))
        for t in 0..<batch.count {
            let expected = 0.25 * imitation[t] + 0.75 * batch.taskRewards[t]
            #expect(abs(mixed[t] - expected) < 1e-5, "step \(t): \(mixed[t]) vs \(expected)")
            #expect(imitation[t] >= 0, "−log(1 − D) is a bonus: \(imitation[t])")
        }
        configuration.imitationWeight = 0
        let taskOnly = try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(2)),
                                configuration: configuration, formulas: Solutions.AdversarialImitation(),
                                mixing: Solutions.RewardMixing(), rng: &rng)
        #expect(try taskOnly.trainer.rewardFunction(batch) == batch.taskRewards)
        configuration.imitationWeight = 1.5
        #expect(throws: PolicyGradientError.self) {
            try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(2)),
                     configuration: configuration, formulas: Solutions.AdversarialImitation(),
                     mixing: Solutions.RewardMixing(), rng: &rng)
        }
    }

    @Test func gailImitatesTheExpertAndRecordsTheDiscriminator() throws {
        var rng = RandomSource(seed: 2)
        var configuration = GAILConfiguration()
        configuration.rollouts.stepsPerEnvironment = 64
        configuration.rollouts.evaluationInterval = 0
        let gail = try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(10)),
                            configuration: configuration, formulas: Solutions.AdversarialImitation(), rng: &rng)
        func actionError() -> Float {
            let xs: [Float] = [-0.8, -0.4, 0, 0.4, 0.8]
            let actions = gail.policy.meanActions(Matrix(columnVector: xs)).scalars
            return zip(xs, actions).map { abs($1 + $0) }.reduce(0, +) / Float(xs.count)
        }
        let before = actionError()
        try gail.train(iterations: 25, rng: &rng)
        let after = actionError()
        #expect(after < 0.5 * before && after < 0.25, "mean |μ(x) − (−x)|: \(before) before, \(after) after")
        let last = try #require(gail.curve.points.last)
        let dExpert = try #require(last.extras[GAILMetric.expertD])
        let dPolicy = try #require(last.extras[GAILMetric.policyD])
        #expect((0...1).contains(dExpert) && (0...1).contains(dPolicy))
        #expect(gail.curve.points.count == 25 && gail.environmentSteps == 25 * 8 * 64)
    }

    @Test func logDRewardIsAPenalty() throws {
        var rng = RandomSource(seed: 3)
        var configuration = GAILConfiguration()
        configuration.rewardForm = .logD
        let gail = try GAIL(environment: LineWorld(), demonstrations: ExpertPairs(Self.demonstrations(2)),
                            configuration: configuration, formulas: Solutions.AdversarialImitation(), rng: &rng)
        let rewards = try gail.imitationRewards(observations: Matrix(columnVector: [0.1, -0.5]), actions: Matrix(columnVector: [0, 1]))
        #expect(rewards.allSatisfy { $0 < 0 }, "log D < 0: \(rewards)")
    }

    @Test func demonstrationsMustFitTheEnvironment() throws {
        var rng = RandomSource(seed: 4)
        let wide = try ExpertPairs([Trajectory<LineWorld.State>(observations: [[0, 0], [1, 1]], actions: [[0]], rewards: [0],
                                                                 terminated: false, truncated: true)])
        #expect(throws: PolicyGradientError.self) {
            try GAIL(environment: LineWorld(), demonstrations: wide, formulas: Solutions.AdversarialImitation(), rng: &rng)
        }
    }
}
