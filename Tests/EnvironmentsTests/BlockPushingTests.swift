import Environments
import Foundation
import Numerics
import Testing

@Suite struct BlockPushingTests {
    func gap(_ env: BlockPushing) -> Double {
        let d = env.state.block - env.state.pusher
        return (d * d).sum().squareRoot() - (env.pusherRadius + env.blockRadius)
    }

    @Test func blockNeverOverlapsThePusherEvenAtMaxSpeed() throws {
        var rng = RandomSource(seed: 9)
        var env = BlockPushing(maxEpisodeSteps: 100_000)
        var worst = Double.infinity
        var moved = 0.0
        for episode in 0..<20 {
            _ = env.reset(seed: UInt64(episode))
            for t in 0..<300 {
                // Full-speed commands, held for a while, aimed at the block half of the time.
                let toBlock = env.state.block - env.state.pusher
                let action: [Float] = t % 20 < 10
                    ? [Float(toBlock.x.sign == .minus ? -1 : 1), Float(toBlock.y.sign == .minus ? -1 : 1)]
                    : [rng.bernoulli(0.5) ? 1 : -1, rng.bernoulli(0.5) ? 1 : -1]
                let before = env.state.block
                _ = try env.step(action)
                moved += ((env.state.block - before) * (env.state.block - before)).sum().squareRoot()
                worst = min(worst, gap(env))
            }
        }
        #expect(worst > -1e-9)
        #expect(moved > 5)   // the block really was pushed around (and into the edges)
    }

    @Test func aBlockPinnedInACornerStopsThePusher() throws {
        var env = BlockPushing()
        _ = env.reset(to: .init(pusher: [0.6, 0.6], block: [0.8, 0.8]))
        for _ in 0..<50 { _ = try env.step([1, 1]) }
        #expect(abs(env.state.block.x - 0.9) < 1e-12 && abs(env.state.block.y - 0.9) < 1e-12)
        #expect(gap(env) > -1e-9 && gap(env) < 1e-6)
    }

    @Test func frictionStopsTheBlock() throws {
        var env = BlockPushing()
        _ = env.reset(to: .init(pusher: [-0.5, 0], block: [0, 0], blockVelocity: [0.5, 0]))
        _ = try env.step([0, 0])
        #expect(abs(env.state.blockVelocity.x - 0.2) < 1e-9)
        _ = try env.step([0, 0])
        // v = 0.5, deceleration 3: stops after 1/6 s, sliding v²/(2a) ≈ 0.0417 (sub-stepped).
        #expect(env.state.blockVelocity == .zero)
        #expect(abs(env.state.block.x - 0.5 * 0.5 / 6) < 0.005)
        let x = env.state.block.x
        _ = try env.step([0, 0])
        #expect(env.state.block.x == x)
    }

    @Test func pushingTheBlockIntoTheGoalSucceedsAndTerminates() throws {
        var env = BlockPushing()
        _ = env.reset(to: .init(pusher: [0.5, 0.0], block: [0.5, 0.2]))
        var step: Step?
        for _ in 0..<30 {
            step = try env.step([0, 1])
            if step!.isDone { break }
        }
        #expect(step?.terminated == true && step?.info.succeeded == true && step?.reward == 1 && step?.info.taskReward == 1)
        #expect(env.isBlockInGoal)
    }

    @Test func sparseRewardIsZeroElsewhereAndShapingIsPotentialBased() throws {
        var sparse = BlockPushing(), shaped = BlockPushing(shapedReward: true)
        _ = sparse.reset(seed: 3)
        _ = shaped.reset(seed: 3)
        var shapedTotal = 0.0
        let start = shaped.potential(shaped.state)
        for t in 0..<40 {
            let action: [Float] = [Float(sin(Double(t))), Float(cos(Double(t)))]
            let a = try sparse.step(action), b = try shaped.step(action)
            #expect(a.reward == 0 && b.info.taskReward == 0)
            shapedTotal += b.reward
        }
        #expect(abs(shapedTotal - (start - shaped.potential(shaped.state))) < 1e-9)
    }

    @Test func observationSplitsIntoPusherAndBlockFeatures() {
        var env = BlockPushing()
        _ = env.reset(to: .init(pusher: [0.1, 0.2], block: [0.3, 0.4], blockVelocity: [0.05, -0.05]))
        let o = env.observation
        #expect(BlockPushing.pusherFeatures == 0..<2 && BlockPushing.blockFeatures == 2..<8)
        #expect(Array(o[BlockPushing.pusherFeatures]) == [0.1, 0.2])
        #expect(Array(o[BlockPushing.blockFeatures]) == [0.3, 0.4, 0.05, -0.05, Float(0.5 - 0.3), Float(0.5 - 0.4)])
    }

    @Test func resetDrawsSeparatedObjects() {
        var env = BlockPushing(randomGoal: true)
        var rng = RandomSource(seed: 1)
        for _ in 0..<500 {
            _ = env.reset(rng: &rng)
            let s = env.state
            #expect(((s.pusher - s.block) * (s.pusher - s.block)).sum() >= 0.04)
            #expect(((s.goal - s.block) * (s.goal - s.block)).sum() >= 0.36)
        }
    }
}
