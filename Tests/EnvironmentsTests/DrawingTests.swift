import Datasets
import Environments
import Foundation
import Numerics
import Plotting
import Testing

/// Every environment's drawing renders (Cairo PNG) without errors; the figures land in
/// `$TMPDIR/kit-environment-figures/` for a look.
@Suite struct DrawingTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-environment-figures").path

    func save(_ figure: Figure, _ name: String) throws {
        let written = try figure.save(to: directory + "/" + name, formats: [.png], pngScale: 1)
        let size = try FileManager.default.attributesOfItem(atPath: written[0])[.size] as? Int ?? 0
        #expect(size > 5_000, "\(name) is only \(size) bytes")
    }

    @Test func pendulumFigures() throws {
        let trajectories = try Rollout.run(Pendulum(), expert: PendulumExpert(), episodes: 4, seed: 0)
        var figure = Figure(width: 10, height: 4, rows: 1, columns: 3)
        Pendulum.drawPhasePortraitFrame(into: &figure[0, 0])
        for (i, t) in trajectories.enumerated() {
            Pendulum.drawPhasePath(t.states, into: &figure[0, 0], label: "episode \(i)")
            Pendulum.drawAngleOverTime(t.states, into: &figure[0, 1], label: "episode \(i)")
        }
        Pendulum.drawPose(trajectories[0].states[40], into: &figure[0, 2])
        #expect(figure[0, 0].artists.count == 5 && figure[0, 1].artists.count == 4)
        try save(figure, "pendulum")
    }

    @Test func carFigures() throws {
        let car = LaneKeepingCar()
        let expert = try Rollout.run(car, expert: LaneKeepingExpert(for: car), episodes: 1, seed: 0)
        let drifting = try Rollout.run(car, expert: LaneKeepingExpert(for: car, knobs: .init(suboptimality: 1)), episodes: 1, seed: 3)
        var figure = Figure(width: 10, height: 5, rows: 1, columns: 2)
        car.drawTrack(into: &figure[0, 0])
        car.drawPath(expert[0].states, into: &figure[0, 0], label: "expert")
        car.drawPath(drifting[0].states, into: &figure[0, 0], label: "feed-forward only")

        let obstacle = LaneKeepingCar.withObstacle()
        let left = LaneKeepingExpert(for: obstacle, passingSide: .left), right = LaneKeepingExpert(for: obstacle, passingSide: .right)
        let runs = [("pass left", try Rollout.run(obstacle, expert: left, episodes: 1, seed: 1)[0]),
                    ("pass right", try Rollout.run(obstacle, expert: right, episodes: 1, seed: 1)[0]),
                    ("mean of both", try Rollout.run(obstacle, episodes: 1, seed: 1) { o, _ in
                        [(left.action(for: o)[0] + right.action(for: o)[0]) / 2] }[0])]
        obstacle.drawTrack(into: &figure[0, 1], obstacleArcLength: runs[0].1.states[0].obstacleArcLength)
        for (label, run) in runs { obstacle.drawPath(run.states, into: &figure[0, 1], label: label) }
        obstacle.zoom(&figure[0, 1], to: runs.map(\.1.states))
        #expect(figure[0, 1].xLimits != nil)
        try save(figure, "car")
    }

    @Test func pushingFigure() throws {
        let env = BlockPushing()
        var figure = Figure(width: 5, height: 5)
        env.drawTable(into: &figure.ax)
        let optimal = try Rollout.run(env, expert: PushingExpert.optimal, episodes: 2, seed: 0)
        let demonstrator = try Rollout.run(env, expert: PushingExpert.demonstrator, episodes: 1, seed: 0)
        env.drawPath(optimal[0].states, into: &figure.ax, label: "optimal", color: .blue)
        env.drawPath(optimal[1].states, into: &figure.ax, color: .blue)
        env.drawPath(demonstrator[0].states, into: &figure.ax, label: "demonstrator", color: .orange)
        try save(figure, "pushing")
    }

    @Test func hopperFigure() throws {
        var env = Hopper()
        _ = env.reset(seed: 0)
        var states = [env.state]
        var rng = RandomSource(seed: 2)
        while true {
            let step = try env.step(env.actionSpace.sample(rng: &rng))
            states.append(env.state)
            if step.isDone { break }
        }
        var figure = Figure(width: 12, height: 4.2, rows: 1, columns: 2)
        Hopper.drawScene(into: &figure[0, 0], halfWidth: 0.8)
        Hopper.drawPose(states[0], into: &figure[0, 0])
        figure[0, 0].title = "reset pose"
        Hopper.drawFilmstrip(states, into: &figure[0, 1], every: 3, color: .orange)
        figure[0, 1].title = "uniform random actions until it falls"
        #expect(figure[0, 0].artists.count == 2 + 4 + 3)
        try save(figure, "hopper")
    }

    @Test func gridWorldFigure() throws {
        let grid = GridWorld.standard
        let solution = ValueIteration(grid, gamma: 0.9)
        var figure = Figure(width: 5, height: 4.5)
        grid.draw(into: &figure.ax, values: solution.values, policy: solution.policy)
        var state = grid.startState
        var path = [state]
        while !grid.isTerminal(state) {
            state = grid.destination(from: state, move: GridWorld.Move(rawValue: solution.policy[state])!)
            path.append(state)
        }
        grid.drawPath(path, into: &figure.ax, label: "greedy path", color: .vermillion)
        try save(figure, "gridworld")
    }

    @Test func distributionFigure() throws {
        var figure = Figure(width: 9, height: 4, rows: 1, columns: 2)
        try Gaussian1D(mean: 0, std: 1).drawDensity(into: &figure[0, 0], over: -5...5, label: "N(0, 1)")
        GaussianMixture1D.twoModes.drawDensity(into: &figure[0, 0], over: -5...5, label: "mixture", style: .dashed)
        try GaussianMixture2D.ring().drawDensity(into: &figure[0, 1], x: -3...3, y: -3...3, resolution: 120)
        try save(figure, "distributions")
    }
}
