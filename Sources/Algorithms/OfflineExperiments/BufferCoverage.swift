import Datasets
import Environments
import Foundation
import Numerics

/// How well a fixed buffer covers the state-action pairs a policy reaches: extrapolation error (Fujimoto,
/// Meger & Precup 2019) made into a number.
///
/// A critic trained on a buffer knows Q(s, a) only near the pairs the buffer holds; everywhere else its value
/// is extrapolated. The policy then acts on the states it visits itself, which drift away from the buffer's
/// when its actions differ from the data's. So the measure runs the policy in its environment, and for every
/// state s it visits finds the buffer's nearest pair to (s, π(s)), each coordinate's difference divided by
/// its scale (for Pendulum, half its range):
///
///     d(s) = min over the buffer's (s_i, a_i) of ‖((s − s_i) / scale_s, (π(s) − a_i) / scale_a)‖
///
/// ```swift
/// let states = try BufferCoverage.visitedStates(of: { agent.actions(for: $0) }, environment: Pendulum(),
///                                               episodes: 5, seed: 7)
/// let coverage = try BufferCoverage.measure(actions: { agent.actions(for: $0) }, at: states, buffer: buffer,
///                                           scales: [1, 1, 8, 2])
/// coverage.meanDistance   // 0: the buffer holds every pair the policy reaches
/// ```
public struct BufferCoverage: Sendable, Codable, Equatable {
    /// The mean of d(s) over the probed states.
    public var meanDistance: Double
    /// The share of probes whose nearest pair lies within ``radius``: the pairs the buffer covers.
    public var coveredShare: Double
    /// The distance within which a probe counts as covered.
    public var radius: Double
    /// How many states were probed.
    public var probes: Int

    /// The default radius: a tenth of each coordinate's scale along one coordinate.
    public static let defaultRadius = 0.1

    /// The states `actions` (n states, one per row → n actions) visits in `episodes` episodes of `environment`,
    /// each from a reset drawn with `seed` and run to its end (the environment's step limit): one per row.
    ///
    /// - Throws: what `actions` or the environment throws.
    public static func visitedStates<Environment: ContinuousEnvironment>(
        of actions: (Matrix) throws -> Matrix, environment: Environment, episodes: Int, seed: UInt64
    ) throws -> Matrix {
        var rng = RandomSource(seed: seed)
        var environment = environment
        var visited: [Float] = [], count = 0
        for _ in 0..<episodes {
            var observation = environment.reset(rng: &rng)
            while true {
                visited += observation
                count += 1
                let step = try environment.step(try actions(Matrix(rowVector: observation)).row(0))
                if step.isDone { break }
                observation = step.observation
            }
        }
        return Matrix(rows: count, cols: environment.observationSize, values: visited)
    }

    /// Measures how well `buffer` covers the pairs (s, π(s)) of the policy whose actions `actions` gives, at
    /// `states` (one per row; ``visitedStates(of:environment:episodes:seed:)`` gives the ones it reaches).
    ///
    /// - Parameter scales: one per state coordinate, then one per action coordinate; each positive and finite.
    /// - Throws: ``OfflineExperimentError/invalidConfiguration(_:)`` for an empty buffer or no states, states of
    ///   the wrong width, a wrong number of scales or a scale that is not positive and finite, or actions of the
    ///   wrong shape; what `actions` throws.
    public static func measure(actions: (Matrix) throws -> Matrix, at states: Matrix, buffer: TransitionDataset,
                               scales: [Float], radius: Double = defaultRadius) throws -> BufferCoverage {
        let d = buffer.observationSize, k = buffer.actionSize, n = buffer.count, probes = states.rows
        guard n > 0, probes > 0, states.cols == d else {
            throw OfflineExperimentError.invalidConfiguration(
                "coverage needs a non-empty buffer and states of width \(d), got \(n) transitions and states \(states.shapeDescription)")
        }
        guard scales.count == d + k, scales.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw OfflineExperimentError.invalidConfiguration(
                "coverage needs \(d + k) positive, finite scales (state then action), got \(scales)")
        }
        let chosen = try actions(states)
        guard chosen.rows == probes, chosen.cols == k else {
            throw OfflineExperimentError.invalidConfiguration(
                "coverage: the policy returned \(chosen.shapeDescription) actions for \(probes) states, expected \(probes)×\(k)")
        }
        // The buffer's pairs and the policy's, each coordinate divided by its scale.
        let width = d + k
        func scaled(_ states: [Float], _ actions: [Float], count: Int) -> [Float] {
            var pairs = [Float](repeating: 0, count: count * width)
            for i in 0..<count {
                for j in 0..<d { pairs[i * width + j] = states[i * d + j] / scales[j] }
                for j in 0..<k { pairs[i * width + d + j] = actions[i * k + j] / scales[d + j] }
            }
            return pairs
        }
        let data = scaled(buffer.observations, buffer.actions, count: n)
        let asked = scaled(states.scalars, chosen.scalars, count: probes)
        var total = 0.0, covered = 0
        for p in 0..<probes {
            var nearest = Float.infinity
            for i in 0..<n {
                var squared: Float = 0
                for j in 0..<width {
                    let difference = asked[p * width + j] - data[i * width + j]
                    squared += difference * difference
                }
                nearest = min(nearest, squared)
            }
            let distance = Double(nearest.squareRoot())
            total += distance
            if distance <= radius { covered += 1 }
        }
        return BufferCoverage(meanDistance: total / Double(probes), coveredShare: Double(covered) / Double(probes),
                              radius: radius, probes: probes)
    }

    /// Half the range of each coordinate of the observation and action boxes, the scales
    /// ``measure(actions:at:buffer:scales:radius:)`` takes; `nil` when a bound is infinite (the hopper's
    /// observations), where half a range means nothing.
    public static func halfRanges(observation: Box, action: Box) -> [Float]? {
        let scales = zip(observation.low + action.low, observation.high + action.high).map { ($1 - $0) / 2 }
        return scales.allSatisfy({ $0 > 0 && $0.isFinite }) ? scales : nil
    }
}
