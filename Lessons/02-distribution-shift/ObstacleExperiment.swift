// Multimodal demonstrations: two experts pass an obstacle, one on the left and one on the right.
// A squared-error policy averages them; a mixture of Gaussians keeps both choices apart.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// The obstacle scene: every episode starts at the same place on the track, on the centre line
/// (give or take a few centimetres), with the obstacle 10 m ahead. (`LaneKeepingCar.reset(rng:)`
/// draws the start anywhere on the track; the lesson starts episodes with `reset(to:)` instead, so
/// that the two experts face the very same decision.)
struct ObstacleScene {
    /// The car with its obstacle; 60 steps (30 m) per episode.
    let car = LaneKeepingCar(obstacle: LaneKeepingCar.Obstacle(), maxEpisodeSteps: 60)
    /// Where episodes start along the track, and how far ahead the obstacle is (metres).
    let startArcLength = 30.0, obstacleDistance = 10.0
    /// The jitter of the start's lateral offset (m) and heading error (rad).
    let offsetJitter = 0.05, headingJitter = 0.02

    /// `count` start states drawn with `seed`.
    func starts(_ count: Int, seed: UInt64) -> [LaneKeepingCar.State] {
        var rng = RandomSource(seed: seed)
        return (0..<count).map { _ in
            LaneKeepingCar.State(arcLength: startArcLength, offset: rng.uniform(-offsetJitter, offsetJitter),
                                 headingError: rng.uniform(-headingJitter, headingJitter),
                                 obstacleArcLength: car.track.wrapped(startArcLength + obstacleDistance))
        }
    }

    /// One episode of `policy` from each start.
    func run(from starts: [LaneKeepingCar.State], seed: UInt64, policy: Rollout.Policy) throws -> [CarTrajectory] {
        var rng = RandomSource(seed: seed)
        return try starts.map { start in
            var env = car
            let observation = env.reset(to: start)
            return try Rollout.episode(in: &env, startingAt: observation, rng: &rng, policy: policy)
        }
    }
}

/// What one seed of the obstacle experiment produced: what a shard (`--seeds`) keeps of it.
struct ObstacleSeed: Codable, Sendable {
    /// The demonstrations, left passes first.
    var leftDemonstrations: [CarTrajectory]
    var rightDemonstrations: [CarTrajectory]
    /// Evaluation episodes of the squared-error policy and of the mixture policy.
    var squaredError: [CarTrajectory]
    var mixture: [CarTrajectory]

    /// The fraction of episodes that hit the obstacle.
    static func collisionRate(_ trajectories: [CarTrajectory]) -> Double {
        Double(trajectories.filter(\.collided).count) / Double(max(trajectories.count, 1))
    }
}

/// Demonstrations from both experts (the same start states for both), a squared-error policy and a
/// two-component mixture policy trained on them, and both evaluated from new start states.
func runObstacleSeed(_ k: Int, scene: ObstacleScene, demonstrationsPerSide: Int, evaluationEpisodes: Int,
                     squaredErrorSteps: Int, mixtureSteps: Int, set: ExerciseSet, baseSeed: UInt64) throws -> ObstacleSeed {
    let left = LaneKeepingExpert(for: scene.car, passingSide: .left, knobs: ExpertKnobs(noise: 0.02))
    let right = LaneKeepingExpert(for: scene.car, passingSide: .right, knobs: ExpertKnobs(noise: 0.02))
    let starts = scene.starts(demonstrationsPerSide, seed: RandomSource.derivedSeed(base: 0, offset: 10, index: k))
    let leftDemonstrations = try scene.run(from: starts, seed: RandomSource.derivedSeed(base: 0, offset: 20, index: k)) { left.action(for: $0, rng: &$1) }
    let rightDemonstrations = try scene.run(from: starts, seed: RandomSource.derivedSeed(base: 0, offset: 30, index: k)) { right.action(for: $0, rng: &$1) }
    let dataset = try ImitationDataset(trajectories: leftDemonstrations + rightDemonstrations)

    var rng = RandomSource(seed: RandomSource.derivedSeed(base: baseSeed, index: k))
    var squaredRNG = rng.split(), mixtureRNG = rng.split()
    let squared = try BehaviorCloning(configuration: BehaviorCloningConfiguration(gradientSteps: squaredErrorSteps),
                                      formulas: set.behaviorCloning)
        .train(on: dataset, actionLow: scene.car.actionSpace.low, actionHigh: scene.car.actionSpace.high, rng: &squaredRNG).policy
    let mixture = try MixtureDensityBehaviorCloning(configuration: BehaviorCloningConfiguration(gradientSteps: mixtureSteps),
                                                    components: 2, behaviorCloning: set.behaviorCloning,
                                                    distributionShift: set.distributionShift)
        .train(on: dataset, actionLow: -1, actionHigh: 1, rng: &mixtureRNG).policy
    let evaluationStarts = scene.starts(evaluationEpisodes, seed: RandomSource.derivedSeed(base: 0, offset: 777, index: k))
    return ObstacleSeed(leftDemonstrations: leftDemonstrations, rightDemonstrations: rightDemonstrations,
                        squaredError: try scene.run(from: evaluationStarts, seed: 1, policy: squared.rolloutPolicy),
                        mixture: try scene.run(from: evaluationStarts, seed: 1, policy: mixture.rolloutPolicy))
}
