import Environments
import Foundation
import Numerics
import Testing

/// Lesson 9's other embodiment: a larger disc steered by speed and heading on BlockPushing's table.
@Suite struct PaddlePushingTests {
    static let table = BlockPushing(maxEpisodeSteps: 50)

    @Test("speed and heading move the paddle like the pusher's velocity command of the same vector")
    func commandsMatchVelocities() throws {
        for velocity: [Float] in [[1, 0], [0, 0.5], [-0.3, 0.4], [0.2, -0.7], [0, 0]] {
            var paddle = PaddlePushing(Self.table)
            var pusher = Self.table
            pusher.pusherRadius = paddle.table.pusherRadius
            // Far from the block, so only the body moves.
            let start = BlockPushing.State(pusher: [-0.5, 0.6], block: [0.5, -0.5])
            _ = paddle.reset(to: start)
            _ = pusher.reset(to: start)
            let command = PaddlePushing.command(forVelocity: velocity)
            #expect((0...1).contains(command[0]) && (-1...1).contains(command[1]), "command \(command) in the paddle's box")
            let moved = try paddle.step(command).observation, expected = try pusher.step(velocity).observation
            for i in 0..<2 {
                #expect(abs(moved[i] - expected[i]) < 1e-6,
                        "velocity \(velocity): the paddle is at \(moved[0...1]), the pusher's command puts it at \(expected[0...1])")
            }
        }
    }

    @Test("the heading is read as a fraction of π: (1, 0.5) moves straight up at full speed")
    func headingIsAFractionOfPi() throws {
        var paddle = PaddlePushing(Self.table)
        _ = paddle.reset(to: BlockPushing.State(pusher: [0, 0], block: [0.6, 0.6]))
        let after = try paddle.step([1, 0.5]).observation
        let distance = paddle.table.maxSpeed * paddle.table.dt
        #expect(abs(Double(after[0])) < 1e-6 && abs(Double(after[1]) - distance) < 1e-6, "moved to \(after[0...1])")
    }

    @Test("the paddle is twice the pusher's radius: it pushes the block from 0.2 away")
    func pushesFromItsOwnRadius() throws {
        var paddle = PaddlePushing(Self.table)
        #expect(paddle.table.pusherRadius == 2 * Self.table.pusherRadius)
        _ = paddle.reset(to: BlockPushing.State(pusher: [-0.3, 0], block: [0, 0]))
        for _ in 0..<6 { _ = try paddle.step([1, 0]) }
        let gap = paddle.state.block.x - paddle.state.pusher.x
        #expect(paddle.state.block.x > 0.01, "the block was pushed along x (it is at \(paddle.state.block))")
        #expect(gap >= 0.2 - 1e-9 && gap < 0.25, "centre distance \(gap) after pushing, contact at 0.2")
    }

    @Test("an action of the wrong size or with NaN is refused with one line")
    func refusesBadActions() {
        var paddle = PaddlePushing(Self.table)
        _ = paddle.reset(seed: 1)
        #expect(throws: EnvironmentError.self) { try paddle.step([1]) }
        #expect(throws: EnvironmentError.self) { try paddle.step([.nan, 0]) }
    }
}
