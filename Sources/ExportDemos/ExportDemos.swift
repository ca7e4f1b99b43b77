import ArgumentParser
import Datasets
import Environments
import Foundation

/// `export-demos`: roll out a scripted expert and save its transitions as a D4RL-style `.npz`.
@main
struct ExportDemos: ParsableCommand {
    /// The environments with a scripted expert.
    enum EnvironmentName: String, ExpressibleByArgument, CaseIterable {
        case pendulum, car, carLeft = "car-left", carRight = "car-right", push
    }

    static let configuration = CommandConfiguration(
        commandName: "export-demos",
        abstract: "Save a scripted expert's rollouts as an .npz file with D4RL key names.",
        discussion: """
        Keys: observations, actions, rewards, next_observations (float32), terminals, timeouts (bool).
        Read them in Python with: d = numpy.load("demos.npz"); d["observations"]
        Environments: pendulum (Pendulum-v1), car (lane keeping), car-left / car-right (the obstacle
        variant passed on that side), push (block pushing).
        """)

    @Option(help: "Environment: \(EnvironmentName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var env: EnvironmentName

    @Option(help: "Number of episodes.")
    var episodes = 10

    @Option(help: "Seed: episode i uses seed + i.")
    var seed: UInt64 = 0

    @Option(help: "Standard deviation of the Gaussian noise added to the expert's actions.")
    var noise = 0.0

    @Option(help: "Blend weight in [0, 1] of the expert's worse controller.")
    var suboptimality = 0.0

    @Option(help: "Output .npz file.")
    var out: String

    func validate() throws {
        guard episodes >= 1 else { throw ValidationError("--episodes must be at least 1, got \(episodes)") }
        guard noise >= 0, noise.isFinite else { throw ValidationError("--noise must be a non-negative number, got \(noise)") }
        guard (0...1).contains(suboptimality) else {
            throw ValidationError("--suboptimality must be in [0, 1], got \(suboptimality)")
        }
    }

    func run() throws {
        let knobs = ExpertKnobs(noise: noise, suboptimality: suboptimality)
        let dataset: TransitionDataset
        let summary: EpisodeStatistics
        switch env {
        case .pendulum:
            let trajectories = try Rollout.run(Pendulum(), expert: PendulumExpert(knobs: knobs), episodes: episodes, seed: seed)
            (dataset, summary) = (try TransitionDataset(trajectories: trajectories), EpisodeStatistics(trajectories))
        case .car, .carLeft, .carRight:
            let car = env == .car ? LaneKeepingCar.laneKeeping() : LaneKeepingCar.withObstacle()
            let side: LaneKeepingExpert.Side? = env == .carLeft ? .left : env == .carRight ? .right : nil
            let expert = LaneKeepingExpert(for: car, passingSide: side, knobs: knobs)
            let trajectories = try Rollout.run(car, expert: expert, episodes: episodes, seed: seed)
            (dataset, summary) = (try TransitionDataset(trajectories: trajectories), EpisodeStatistics(trajectories))
        case .push:
            let push = BlockPushing()
            let trajectories = try Rollout.run(push, expert: PushingExpert(for: push, knobs: knobs), episodes: episodes, seed: seed)
            (dataset, summary) = (try TransitionDataset(trajectories: trajectories), EpisodeStatistics(trajectories))
        }
        let url = URL(fileURLWithPath: out)
        try dataset.save(to: url)
        print("\(env.rawValue): \(summary)")
        print("wrote \(dataset.count) transitions (observation size \(dataset.observationSize), "
            + "action size \(dataset.actionSize)) to \(url.path)")
    }
}
