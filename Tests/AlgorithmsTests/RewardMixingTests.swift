import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics
import Solutions
import Testing

/// The mixed-reward agent of lesson 7 and its experiment driver, on small budgets.
@Suite struct RewardMixingTests {
    static let task = PushingTask()

    static func demonstrations(_ count: Int = 4) throws -> [Trajectory<BlockPushing.State>] {
        try task.demonstrations(count: count, seed: 700)
    }

    /// A configuration small enough for a test: 2 environments × 32 steps, one PPO epoch.
    static func tiny(lambda: Float, view: DiscriminatorView = .blockOnly, starts: Double = 0.8) -> MixedRewardConfiguration {
        var configuration = MixedRewardConfiguration()
        configuration.imitationWeight = lambda
        configuration.discriminatorView = view
        configuration.demonstrationStartProbability = starts
        configuration.rollouts.environments = 2
        configuration.rollouts.stepsPerEnvironment = 32
        configuration.ppo.epochs = 1
        configuration.discriminatorStepsPerIteration = 2
        configuration.discriminatorMinibatchSize = 16
        return configuration
    }

    static func agent(_ configuration: MixedRewardConfiguration, demonstrations: [Trajectory<BlockPushing.State>]? = nil)
        throws -> MixedRewardAgent<BlockPushing, Solutions.AdversarialImitation, Solutions.RewardMixing> {
        try agent(configuration, demonstrations: demonstrations, mixing: Solutions.RewardMixing())
    }

    static func agent<Mixing: RewardMixingExercises>(_ configuration: MixedRewardConfiguration,
                                                     demonstrations: [Trajectory<BlockPushing.State>]? = nil,
                                                     mixing: Mixing) throws
        -> MixedRewardAgent<BlockPushing, Solutions.AdversarialImitation, Mixing> {
        var rng = RandomSource(seed: 1)
        return try MixedRewardAgent(environment: task.environment, demonstrations: demonstrations ?? Self.demonstrations(),
                                    configuration: configuration, imitation: Solutions.AdversarialImitation(), mixing: mixing,
                                    rng: &rng)
    }

    @Test func viewsSelectTheBlockOrEverything() {
        #expect(DiscriminatorView.blockOnly.observationIndices == [2, 3, 4, 5, 6, 7])
        #expect(!DiscriminatorView.blockOnly.includesActions)
        #expect(DiscriminatorView.blockAndPusher.observationIndices == Array(0..<8))
        #expect(DiscriminatorView.blockAndPusher.includesActions)
        #expect(DiscriminatorView.blockOnly.features.featureCount(observationSize: 8, actionSize: 2) == 6)
    }

    @Test func taskIsTheScaledDownPushingWithTheDemonstratorsKnobs() throws {
        let env = Self.task.environment
        #expect(env.dt == 0.2 && env.maxEpisodeSteps == 100 && env.goalRadius == 0.2)
        #expect(Self.task.demonstrator.knobs == PushingExpert.demonstrator.knobs)
        #expect(Self.task.demonstrator.speed == PushingExpert.demonstrator.speed)
        let demos = try Self.demonstrations(3)
        #expect(demos.allSatisfy { $0.states.count == $0.count + 1 }, "demonstrations must keep their states for the starts")
    }

    @Test func configurationOutOfRangeIsRejected() throws {
        #expect(throws: PolicyGradientError.self) { try Self.agent(Self.tiny(lambda: 1.5)) }
        #expect(throws: PolicyGradientError.self) { try Self.agent(Self.tiny(lambda: 0.5, starts: 2)) }
        // Demonstration starts need the states the demonstrations were recorded with.
        let stateless = try Self.demonstrations(2).map { demo in
            try Trajectory<BlockPushing.State>(observations: demo.observations, actions: demo.actions, rewards: demo.rewards,
                                               infos: demo.infos, terminated: demo.terminated, truncated: demo.truncated)
        }
        #expect(throws: PolicyGradientError.self) { try Self.agent(Self.tiny(lambda: 0.5), demonstrations: stateless) }
        _ = try Self.agent(Self.tiny(lambda: 0.5, starts: 0), demonstrations: stateless)
    }

    @Test func pureRLIsPaidTheScaledTaskRewardOnly() throws {
        let agent = try Self.agent(Self.tiny(lambda: 0))
        var rng = RandomSource(seed: 11)
        let point = try agent.iterate(rng: &rng).point
        let task = try #require(point.extras[MixedRewardMetric.taskReward])
        #expect(abs(point.meanTrainingReward - task) < 1e-9, "λ = 0: mean reward \(point.meanTrainingReward), task \(task)")
        #expect(point.extras[MixedRewardMetric.policyD] == nil, "λ = 0 should not train or ask the discriminator")
    }

    @Test func mixedRewardIsTheConvexCombination() throws {
        for lambda: Float in [0.3, 1] {
            let agent = try Self.agent(Self.tiny(lambda: lambda))
            var rng = RandomSource(seed: 9)
            let point = try agent.iterate(rng: &rng).point
            let imitation = try #require(point.extras[MixedRewardMetric.imitationReward])
            let task = try #require(point.extras[MixedRewardMetric.taskReward])
            let expected = Double(lambda) * imitation + (1 - Double(lambda)) * task
            #expect(abs(point.meanTrainingReward - expected) < 1e-4,
                    "λ = \(lambda): mean reward \(point.meanTrainingReward), λ·r_GAIL + (1 − λ)·r_task = \(expected)")
            #expect(imitation > 0, "−log(1 − D) is positive, got a mean of \(imitation)")
        }
    }

    @Test func episodesStartFromDemonstrationStatesAtTheGivenRate() throws {
        var rng = RandomSource(seed: 3)
        let always = try Self.agent(Self.tiny(lambda: 0, starts: 1))
        try always.train(iterations: 2, rng: &rng)
        #expect(always.demonstrationStartFraction == 1)
        let never = try Self.agent(Self.tiny(lambda: 0, starts: 0))
        try never.train(iterations: 2, rng: &rng)
        #expect(never.demonstrationStartFraction == 0)
    }

    @Test func anExercisesErrorIsNotSwallowed() throws {
        #expect(throws: NotImplemented.self) {
            _ = try Self.agent(Self.tiny(lambda: 0.5), mixing: FailingStarts())
        }
    }

    @Test func experimentIsDeterministicAndOrdered() throws {
        var base = Self.tiny(lambda: 0.1)
        base.rollouts.stepsPerEnvironment = 16
        let experiment = RewardMixingExperiment(task: Self.task, baseConfiguration: base, demonstrations: try Self.demonstrations(),
                                                iterations: 2, evaluationInterval: 1, evaluationEpisodes: 2,
                                                finalEvaluationEpisodes: 3)
        let variants = [RewardMixingVariant(name: "a", imitationWeight: 0, demonstrationStartProbability: 0.5),
                        RewardMixingVariant(name: "b", imitationWeight: 0.5, discriminatorView: .blockAndPusher,
                                            demonstrationStartProbability: 0.5)]
        let parallel = try experiment.runAll(variants, seeds: [4, 5], imitation: Solutions.AdversarialImitation(),
                                             mixing: Solutions.RewardMixing(), parallelism: 2)
        let serial = try experiment.runAll(variants, seeds: [4, 5], imitation: Solutions.AdversarialImitation(),
                                           mixing: Solutions.RewardMixing(), parallelism: 1)
        #expect(parallel.map(\.variant.name) == ["a", "a", "b", "b"] && parallel.map(\.seed) == [4, 5, 4, 5])
        // Compared as text: NaN steps to success (no success yet) are equal there.
        #expect("\(parallel.map(\.successCurve))" == "\(serial.map(\.successCurve))")
        #expect("\(parallel.map(\.finalEvaluation))" == "\(serial.map(\.finalEvaluation))")
        #expect(parallel.map { $0.learningCurve.points.map(\.meanTrainingReward) }
                == serial.map { $0.learningCurve.points.map(\.meanTrainingReward) })
        #expect(parallel.allSatisfy { $0.successCurve.count == 2 && $0.environmentSteps == 64 && $0.finalEvaluation.episodes == 3 })
        #expect(parallel.allSatisfy { $0.finalPaths.count == 3 })
    }
}

/// The reference formulas, except that episode starts are not written yet.
struct FailingStarts: RewardMixingExercises {
    let reference = Solutions.RewardMixing()
    func mixedReward(imitationWeight: Float, imitation: [Float], task: [Float]) throws -> [Float] {
        try reference.mixedReward(imitationWeight: imitationWeight, imitation: imitation, task: task)
    }
    func maskedDiscriminatorInput(observations: Matrix, actions: Matrix, keptObservationIndices: [Int],
                                  includesActions: Bool) throws -> Matrix {
        try reference.maskedDiscriminatorInput(observations: observations, actions: actions,
                                               keptObservationIndices: keptObservationIndices, includesActions: includesActions)
    }
    func demonstrationResetState<State>(demonstrations: [[State]], probability: Double, rng: inout RandomSource) throws -> State? {
        throw NotImplemented(exercise: "7.3", name: "demonstrationResetState", file: "test")
    }
    func successStatistics<State>(of episodes: [Trajectory<State>]) throws -> SuccessStatistics {
        try reference.successStatistics(of: episodes)
    }
}
