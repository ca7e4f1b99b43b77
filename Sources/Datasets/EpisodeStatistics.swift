import Foundation

/// Summary numbers of a set of episodes: return, length, success and collision rates.
public struct EpisodeStatistics: Sendable, Equatable, CustomStringConvertible {
    /// The number of episodes.
    public var episodes: Int
    /// Mean undiscounted return.
    public var meanReturn: Double
    /// Standard deviation of the return over episodes (population, divide by n).
    public var returnStandardDeviation: Double
    /// Mean number of steps.
    public var meanLength: Double
    /// Fraction of episodes with `info.succeeded` on some step.
    public var successRate: Double
    /// Fraction of episodes with `info.collided` on some step.
    public var collisionRate: Double
    /// Fraction of episodes that ended by termination (not by the time limit).
    public var terminationRate: Double

    /// The statistics of `trajectories` (all zero for none).
    public init<State>(_ trajectories: [Trajectory<State>]) {
        let n = Double(max(trajectories.count, 1))
        let returns = trajectories.map(\.totalReward)
        let mean = returns.reduce(0, +) / n
        episodes = trajectories.count
        meanReturn = mean
        returnStandardDeviation = (returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        meanLength = Double(trajectories.map(\.count).reduce(0, +)) / n
        successRate = Double(trajectories.filter(\.succeeded).count) / n
        collisionRate = Double(trajectories.filter(\.collided).count) / n
        terminationRate = Double(trajectories.filter(\.terminated).count) / n
    }

    /// e.g. "100 episodes: return −147.4 ± 80.5, length 200.0, success 0%".
    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        return "\(episodes) episodes: return \(f(meanReturn)) ± \(f(returnStandardDeviation)), length \(f(meanLength)), "
            + "success \(f(100 * successRate))%, collisions \(f(100 * collisionRate))%, terminated \(f(100 * terminationRate))%"
    }
}
