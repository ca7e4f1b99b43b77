import Algorithms
import Datasets
import Environments
import Foundation
import Numerics
import Testing

/// `BufferCoverage`: the distance from the pairs (s, π(s)) a policy reaches to the nearest pair a buffer holds.
@Suite struct BufferCoverageTests {
    /// A buffer of two one-dimensional pairs: (0, 0) and (1, 1).
    func twoPairs() throws -> TransitionDataset {
        var buffer = TransitionDataset(observationSize: 1, actionSize: 1)
        for x: Float in [0, 1] {
            try buffer.append(Transition(observation: [x], action: [x], reward: 0, nextObservation: [x], terminated: false))
        }
        return buffer
    }

    @Test("a policy that takes the buffer's actions at its states is covered: distance 0, every pair within the radius")
    func coveredPolicy() throws {
        let states = Matrix(rows: 2, cols: 1, values: [0, 1])
        let coverage = try BufferCoverage.measure(actions: { $0 }, at: states, buffer: try twoPairs(), scales: [1, 1])
        #expect(coverage.meanDistance == 0)
        #expect(coverage.coveredShare == 1)
        #expect(coverage.probes == 2)
    }

    @Test("the distance is to the nearest pair, each coordinate divided by its scale")
    func nearestScaledDistance() throws {
        // At s = 0 the policy acts 1 instead of 0: the nearest pair is (0, 0), 1 / 2 away along the action (scale 2),
        // not (1, 1), 1 away along the state; at s = 0.95 with action 1 the nearest is (1, 1), 0.05 away.
        let states = Matrix(rows: 2, cols: 1, values: [0, 0.95])
        let coverage = try BufferCoverage.measure(actions: { _ in Matrix(rows: 2, cols: 1, values: [1, 1]) }, at: states,
                                                  buffer: try twoPairs(), scales: [1, 2])
        #expect(abs(coverage.meanDistance - (0.5 + 0.05) / 2) < 1e-6, "mean of 0.5 and 0.05, got \(coverage.meanDistance)")
        #expect(coverage.coveredShare == 0.5, "one of two pairs within 0.1, got \(coverage.coveredShare)")
    }

    @Test("bad scales, states of the wrong width and actions of the wrong shape are named")
    func badInput() throws {
        let buffer = try twoPairs(), states = Matrix(rows: 2, cols: 1, values: [0, 1])
        #expect(throws: OfflineExperimentError.self) {
            try BufferCoverage.measure(actions: { $0 }, at: states, buffer: buffer, scales: [1])
        }
        #expect(throws: OfflineExperimentError.self) {
            try BufferCoverage.measure(actions: { $0 }, at: states, buffer: buffer, scales: [1, .infinity])
        }
        #expect(throws: OfflineExperimentError.self) {
            try BufferCoverage.measure(actions: { $0 }, at: Matrix(rows: 2, cols: 2, values: [0, 0, 1, 1]), buffer: buffer,
                                       scales: [1, 1])
        }
        #expect(throws: OfflineExperimentError.self) {
            try BufferCoverage.measure(actions: { _ in Matrix(rows: 1, cols: 1, values: [0]) }, at: states, buffer: buffer,
                                       scales: [1, 1])
        }
    }

    @Test("visited states: every observation of each episode to its end, the same for the same seed")
    func visitedStates() throws {
        let still = { (states: Matrix) in Matrix(rows: states.rows, cols: 1, values: [Float](repeating: 0, count: states.rows)) }
        let first = try BufferCoverage.visitedStates(of: still, environment: Pendulum(), episodes: 2, seed: 3)
        let again = try BufferCoverage.visitedStates(of: still, environment: Pendulum(), episodes: 2, seed: 3)
        #expect(first.rows == 2 * Pendulum().maxEpisodeSteps && first.cols == 3)
        #expect(first.scalars == again.scalars)
    }

    @Test("half ranges: Pendulum's boxes give 1, 1, 8 and 2; an unbounded observation gives none")
    func halfRanges() {
        let pendulum = Pendulum()
        #expect(BufferCoverage.halfRanges(observation: pendulum.observationSpace, action: pendulum.actionSpace) == [1, 1, 8, 2])
        let hopper = Hopper()
        #expect(BufferCoverage.halfRanges(observation: hopper.observationSpace, action: hopper.actionSpace) == nil)
    }
}
