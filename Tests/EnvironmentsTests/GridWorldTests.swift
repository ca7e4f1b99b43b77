import Foundation
import Environments
import Numerics
import Testing

@Suite struct GridWorldTests {
    @Test func valueIterationFindsTheShortestSafePath() {
        let grid = GridWorld.standard
        let solution = ValueIteration(grid, gamma: 0.9)
        // The shortest path from S (0,0) to G (5,5) avoiding walls and traps has 10 moves;
        // the goal reward arrives on the 10th, so V(S) = 0.9⁹.
        #expect(abs(solution.values[grid.startState] - pow(0.9, 9)) < 1e-9)
        var state = grid.startState
        var steps = 0
        while !grid.isTerminal(state) && steps < 50 {
            state = grid.destination(from: state, move: GridWorld.Move(rawValue: solution.policy[state])!)
            steps += 1
        }
        #expect(grid.cells[state] == .goal && steps == 10)
        // Bellman optimality holds.
        for s in 0..<grid.stateCount where !grid.isTerminal(s) && grid.cells[s] != .wall {
            let best = (0..<4).map { solution.q(s, $0) }.max()!
            #expect(abs(best - solution.values[s]) < 1e-9)
        }
    }

    @Test func tablesAreStochasticMatrices() throws {
        let grid = try GridWorld(rows: GridWorld.standardRows, slipProbability: 0.2)
        let table = grid.transitionTable
        for s in 0..<grid.stateCount {
            for a in 0..<4 {
                let row = table[(s * 4 + a) * grid.stateCount..<(s * 4 + a + 1) * grid.stateCount]
                #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            }
        }
        // Right from (2,5)... moving down from (1,4) into the trap X at (2,4): reward −1 with probability 0.8.
        let rewards = grid.expectedRewardTable
        #expect(abs(rewards[grid.state(row: 1, column: 4) * 4 + GridWorld.Move.down.rawValue] - (-0.8)) < 1e-12)
    }

    @Test func slippingFollowsItsProbabilities() throws {
        var grid = try GridWorld(rows: ["S....", ".....", "....G"], slipProbability: 0.3)
        var rng = RandomSource(seed: 3)
        var counts = [Int: Int]()
        let start = grid.state(row: 1, column: 2)
        for _ in 0..<20_000 {
            grid.reset(to: start)
            let step = try grid.step(GridWorld.Move.right.rawValue, rng: &rng)
            counts[step.state, default: 0] += 1
        }
        #expect(abs(Double(counts[start + 1]!) / 20_000 - 0.7) < 0.015)
        #expect(abs(Double(counts[start - 5]!) / 20_000 - 0.15) < 0.015)
        #expect(abs(Double(counts[start + 5]!) / 20_000 - 0.15) < 0.015)
    }

    @Test func badMapsAndActionsThrow() {
        #expect(throws: EnvironmentError.self) { try GridWorld(rows: ["S..", ".."]) }
        #expect(throws: EnvironmentError.self) { try GridWorld(rows: ["S.Q", "..G"]) }
        #expect(throws: EnvironmentError.self) { try GridWorld(rows: ["...", "..G"]) }
        #expect(throws: EnvironmentError.self) { try GridWorld(rows: ["S..", "..."]) }
        var grid = GridWorld.standard
        var rng = RandomSource(seed: 0)
        #expect(throws: EnvironmentError.self) { try grid.step(4, rng: &rng) }
    }

    @Test func wallsBlockAndTerminalsAbsorb() throws {
        var grid = GridWorld.standard
        var rng = RandomSource(seed: 0)
        grid.reset()
        // (0,3) → right is the wall at (0,4): stays put.
        grid.reset(to: grid.state(row: 0, column: 3))
        let step = try grid.step(GridWorld.Move.right.rawValue, rng: &rng)
        #expect(step.state == grid.state(row: 0, column: 3) && step.reward == 0 && !step.terminated)
        let goal = grid.state(row: 5, column: 5)
        #expect(grid.transitions(from: goal, action: 0).map(\.state) == [goal])
        #expect(grid.reward(from: goal, action: 0, to: goal) == 0)
    }
}
