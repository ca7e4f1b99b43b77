import Datasets
import Environments
import Foundation
import Numerics
import Testing

/// The documented performance of every scripted expert, measured on fixed seeds.
@Suite struct ExpertPerformanceTests {
    @Test func pendulumExpertReachesDocumentedReturn() throws {
        let stats = EpisodeStatistics(try Rollout.run(Pendulum(), expert: PendulumExpert(), episodes: 100, seed: 0))
        print("PendulumExpert:", stats)
        #expect(stats.meanReturn > -150)
        #expect(abs(stats.meanReturn - (-143.8)) < 0.1)
        let base = EpisodeStatistics(try Rollout.run(Pendulum(), expert: PendulumExpert(planningHorizon: 0), episodes: 100, seed: 0))
        print("PendulumExpert(planningHorizon: 0):", base)
        #expect(abs(base.meanReturn - (-154.8)) < 0.1)
    }

    @Test func pendulumKnobsMakeItWorse() throws {
        let noisy = EpisodeStatistics(try Rollout.run(Pendulum(), expert: PendulumExpert(knobs: .init(noise: 1.0)), episodes: 50, seed: 0))
        let weak = EpisodeStatistics(try Rollout.run(Pendulum(), expert: PendulumExpert(knobs: .init(suboptimality: 0.5)), episodes: 50, seed: 0))
        let best = EpisodeStatistics(try Rollout.run(Pendulum(), expert: PendulumExpert(), episodes: 50, seed: 0))
        print("Pendulum noise 1.0:", noisy, "suboptimality 0.5:", weak)
        #expect(noisy.meanReturn < best.meanReturn - 5)
        #expect(weak.meanReturn < best.meanReturn - 20)
    }

    @Test func laneKeepingExpertStaysOnTrack() throws {
        let car = LaneKeepingCar()
        let trajectories = try Rollout.run(car, expert: LaneKeepingExpert(for: car), episodes: 50, seed: 0)
        let stats = EpisodeStatistics(trajectories)
        let offsets = trajectories.flatMap { $0.observations.map { abs(Double($0[0])) } }
        let meanOffset = offsets.reduce(0, +) / Double(offsets.count)
        print("LaneKeepingExpert:", stats, "mean |d|", meanOffset, "max |d|", offsets.max()!)
        #expect(stats.terminationRate == 0 && stats.meanLength == 300)
        #expect(stats.meanReturn > 299)
        #expect(meanOffset < 0.1)
        // The worse controller (feed-forward only) drifts off the track.
        let drifting = EpisodeStatistics(try Rollout.run(car, expert: LaneKeepingExpert(for: car, knobs: .init(suboptimality: 1)),
                                                         episodes: 50, seed: 0))
        print("LaneKeepingExpert suboptimality 1:", drifting)
        #expect(drifting.terminationRate > 0.5)
    }

    @Test func passingExpertsAvoidTheObstacleOnTheirSide() throws {
        let car = LaneKeepingCar.withObstacle()
        for side in LaneKeepingExpert.Side.allCases {
            let trajectories = try Rollout.run(car, expert: LaneKeepingExpert(for: car, passingSide: side), episodes: 100, seed: 0)
            let stats = EpisodeStatistics(trajectories)
            print("LaneKeepingExpert(\(side)):", stats)
            #expect(stats.collisionRate == 0 && stats.terminationRate == 0)
            // At the obstacle the car is on the chosen side.
            for trajectory in trajectories {
                let nearest = trajectory.observations.min { abs($0[5]) < abs($1[5]) }!
                #expect(side == .left ? nearest[0] > 1.2 : nearest[0] < -1.2)
            }
        }
    }

    @Test func meanOfTheTwoPassingExpertsCollides() throws {
        let car = LaneKeepingCar.withObstacle()
        let left = LaneKeepingExpert(for: car, passingSide: .left), right = LaneKeepingExpert(for: car, passingSide: .right)
        let trajectories = try Rollout.run(car, episodes: 50, seed: 0) { observation, _ in
            [(left.action(for: observation)[0] + right.action(for: observation)[0]) / 2]
        }
        let stats = EpisodeStatistics(trajectories)
        print("mean of left and right experts:", stats)
        #expect(stats.collisionRate == 1)
        #expect(trajectories.allSatisfy { $0.terminated && $0.infos.last!.collided })
    }

    @Test func pushingExpertsDocumentedNumbers() throws {
        let env = BlockPushing()
        func measure(_ expert: PushingExpert) throws -> (EpisodeStatistics, Double) {
            let trajectories = try Rollout.run(env, expert: expert, episodes: 100, seed: 0)
            let timeToGoal = trajectories.map { $0.succeeded ? Double($0.count) : Double(env.maxEpisodeSteps) }.reduce(0, +) / 100
            return (EpisodeStatistics(trajectories), timeToGoal)
        }
        let (optimal, optimalTime) = try measure(.optimal)
        let (demonstrator, demonstratorTime) = try measure(.demonstrator)
        print("PushingExpert.optimal:", optimal, "steps", optimalTime)
        print("PushingExpert.demonstrator:", demonstrator, "steps", demonstratorTime)
        #expect(optimal.successRate == 1)
        #expect(optimalTime < 40)
        #expect(demonstrator.successRate < 0.9 && demonstrator.successRate > 0.7)
        #expect(demonstratorTime > 2.5 * optimalTime)
    }
}
