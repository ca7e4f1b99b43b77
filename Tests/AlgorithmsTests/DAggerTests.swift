import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Numerics
import Solutions
import Testing

/// DAgger and the multimodal behavior-cloning policy on small problems.
@Suite struct DAggerTests {
    static let car = LaneKeepingCar()

    static func shortDemonstration() throws -> ImitationDataset {
        try ImitationDataset(trajectories: Rollout.run(car, expert: LaneKeepingExpert(for: car), episodes: 1, seed: 0, maxSteps: 40))
    }

    @Test func datasetGrowsByTheVisitedStatesEachRound() throws {
        let dagger = DAgger(configuration: .init(iterations: 3, rolloutsPerIteration: 2, rolloutSteps: 50, betaDecay: 0.5,
                                                 stepsPerIteration: 100, behaviorCloning: .init(gradientSteps: 200)),
                            behaviorCloning: Solutions.all.behaviorCloning, distributionShift: Solutions.all.distributionShift)
        var rng = RandomSource(seed: 1)
        var seen: [Int] = []
        let result = try dagger.run(demonstrations: try Self.shortDemonstration(), in: Self.car, expert: LaneKeepingExpert(for: Self.car),
                                    rng: &rng) { record, _ in seen.append(record.iteration) }
        #expect(seen == [0, 1, 2, 3])
        #expect(result.iterations.map(\.beta) == [1, 0.5, 0.25, 0.125])
        var size = 40
        for record in result.iterations.dropFirst() {
            #expect(record.collectedSteps > 0 && record.collectedSteps <= 100)
            size += record.collectedSteps
            #expect(record.datasetSize == size)
        }
        #expect(result.dataset.count == size)
    }

    @Test func betaOneMeansTheExpertAlwaysActs() throws {
        let dagger = DAgger(configuration: .init(iterations: 2, rolloutsPerIteration: 1, rolloutSteps: 30, betaDecay: 1,
                                                 stepsPerIteration: 50, behaviorCloning: .init(gradientSteps: 50)),
                            behaviorCloning: Solutions.all.behaviorCloning, distributionShift: Solutions.all.distributionShift)
        var rng = RandomSource(seed: 2)
        let result = try dagger.run(demonstrations: try Self.shortDemonstration(), in: Self.car,
                                    expert: LaneKeepingExpert(for: Self.car), rng: &rng)
        #expect(result.iterations.dropFirst().allSatisfy { $0.expertActionFraction == 1 && $0.collectedSteps == 30 })
    }

    @Test func daggerRecoversWhereBehaviorCloningFails() throws {
        let dagger = DAgger(configuration: .init(iterations: 4, rolloutsPerIteration: 2, rolloutSteps: 150, betaDecay: 0,
                                                 stepsPerIteration: 500, behaviorCloning: .init(gradientSteps: 1_000)),
                            behaviorCloning: Solutions.all.behaviorCloning, distributionShift: Solutions.all.distributionShift)
        var rng = RandomSource(seed: 9)
        var returns: [Double] = []
        _ = try dagger.run(demonstrations: try Self.shortDemonstration(), in: Self.car, expert: LaneKeepingExpert(for: Self.car),
                           rng: &rng) { _, policy in
            returns.append(EpisodeStatistics(try policy.evaluate(in: Self.car, episodes: 4, seed: 900)).meanReturn)
        }
        #expect(returns.first! < 150, "behavior cloning on 40 steps should fail: \(returns)")
        #expect(returns.last! > 290, "DAgger should drive a whole lap: \(returns)")
    }

    @Test func badConfigurationIsAClearError() throws {
        var rng = RandomSource(seed: 0)
        for configuration in [DAggerConfiguration(iterations: -1), DAggerConfiguration(rolloutsPerIteration: 0),
                              DAggerConfiguration(betaDecay: 1.5), DAggerConfiguration(rolloutSteps: 0)] {
            let dagger = DAgger(configuration: configuration, behaviorCloning: Solutions.all.behaviorCloning,
                                distributionShift: Solutions.all.distributionShift)
            #expect(throws: DistributionShiftInputError.self) {
                try dagger.run(demonstrations: try Self.shortDemonstration(), in: Self.car,
                               expert: LaneKeepingExpert(for: Self.car), rng: &rng)
            }
        }
    }

    @Test func mixturePolicyKeepsTwoModesApartWhereSquaredErrorAverages() throws {
        // Actions +1 or −1 with equal probability, whatever the observation.
        var data = RandomSource(seed: 4)
        var observations: [[Float]] = [], actions: [[Float]] = []
        for i in 0..<400 {
            observations.append([data.uniform(Float(-1), 1)])
            actions.append([i % 2 == 0 ? 1 : -1])
        }
        let dataset = try ImitationDataset(observations: observations, actions: actions)
        var rng = RandomSource(seed: 5)
        let mixture = try MixtureDensityBehaviorCloning(configuration: .init(gradientSteps: 1_500), components: 2,
                                                        behaviorCloning: Solutions.all.behaviorCloning,
                                                        distributionShift: Solutions.all.distributionShift)
            .train(on: dataset, rng: &rng)
        let squared = try BehaviorCloning(configuration: .init(gradientSteps: 1_500), formulas: Solutions.all.behaviorCloning)
            .train(on: dataset, rng: &rng).policy
        for x: Float in [-0.8, 0, 0.7] {
            let chosen = mixture.policy.action(for: [x])[0]
            #expect(abs(abs(chosen) - 1) < 0.15, "the mixture picks one of ±1 at \(x), got \(chosen)")
            #expect(abs(squared.action(for: [x])[0]) < 0.3, "squared error averages ±1 to about 0 at \(x)")
        }
        #expect(mixture.lossCurve.last! < mixture.lossCurve.first!)
    }
}
