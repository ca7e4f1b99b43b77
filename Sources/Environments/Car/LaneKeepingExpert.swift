import Foundation

/// A feedback steering controller for `LaneKeepingCar`, optionally passing the obstacle on a
/// chosen side.
///
/// Steering angle δ = atan(L·κ̂) − k_ψ·ψ − atan(k_d·(d − d*) / v), the Stanley-style law on the
/// Frenet errors with a curvature feed-forward: κ̂ is the mean of the observed look-ahead
/// curvatures at 0 and 5 m (the first two), d* the target offset. The action is δ / δ_max.
///
/// Lane keeping: d* = 0. Passing (`passingSide` set): d* = ±`passingOffset` while the obstacle is
/// between 20 m ahead and 4 m behind the car, 0 otherwise, so the expert steers out, passes, and
/// comes back to the centre. The left and right experts are mirror images, so on the centre line
/// the mean of their actions is the lane keeper's: it drives into the obstacle.
///
/// Worse controller (blended in by `knobs.suboptimality`): the curvature feed-forward alone, with
/// no feedback, which drifts.
///
/// Measured (release, `ExpertPerformanceTests`, `Rollout.run` seed 0): lane keeping finishes all 50
/// 300-step episodes, return 299.6 ± 0.1, mean |d| 0.075 m, max |d| 0.37 m; the feed-forward-only
/// worse controller (suboptimality 1) leaves the track in 66% of them. Each passing expert passes
/// the obstacle in all 100 episodes without collision or leaving the track (return 82.3 ± 3.6
/// passing left, 71.8 ± 3.1 passing right); the mean of the two collides in 50 of 50.
public struct LaneKeepingExpert: Expert {
    /// Which side of the obstacle to pass.
    public enum Side: String, Sendable, Codable, CaseIterable {
        /// Pass with the obstacle on the right (positive offset).
        case left
        /// Pass with the obstacle on the left (negative offset).
        case right
    }

    /// Steering in [−1, 1].
    public let actionSpace = Box(low: [-1], high: [1])
    /// Noise and suboptimality.
    public var knobs: ExpertKnobs
    /// Side on which to pass an obstacle; `nil` keeps the centre line.
    public var passingSide: Side?
    /// Lateral offset while passing, metres (1.8).
    public var passingOffset: Double
    /// Heading-error gain k_ψ (1.0).
    public var headingGain: Double
    /// Cross-track gain k_d in 1/s (1.5).
    public var offsetGain: Double
    /// The car's geometry the controller assumes.
    public var speed: Double, wheelbase: Double, maxSteeringAngle: Double
    /// Index of the obstacle-distance coordinate in the observation (2 + number of look-aheads).
    public var obstacleDistanceIndex: Int

    /// An expert for `car` (it reads the speed, wheelbase, steering range and observation layout).
    public init(for car: LaneKeepingCar = LaneKeepingCar(), passingSide: Side? = nil, knobs: ExpertKnobs = .perfect,
                passingOffset: Double = 1.8, headingGain: Double = 1.0, offsetGain: Double = 1.5) {
        self.knobs = knobs
        self.passingSide = passingSide
        self.passingOffset = passingOffset
        self.headingGain = headingGain
        self.offsetGain = offsetGain
        self.speed = car.speed
        self.wheelbase = car.wheelbase
        self.maxSteeringAngle = car.maxSteeringAngle
        self.obstacleDistanceIndex = car.obstacleDistanceIndex
    }

    /// The offset the expert steers towards for an observation.
    public func targetOffset(for observation: [Float]) -> Double {
        guard let passingSide, observation.count > obstacleDistanceIndex else { return 0 }
        let ahead = Double(observation[obstacleDistanceIndex])
        guard ahead < 20, ahead > -4 else { return 0 }
        let obstacleOffset = observation.count > obstacleDistanceIndex + 1 ? Double(observation[obstacleDistanceIndex + 1]) : 0
        return obstacleOffset + (passingSide == .left ? passingOffset : -passingOffset)
    }

    /// The feed-forward steering angle for the observed curvature ahead.
    func feedForward(_ observation: [Float]) -> Double {
        let kappa = observation.count > 3 ? Double(observation[2] + observation[3]) / 2 : Double(observation[2])
        return atan(wheelbase * kappa)
    }

    /// The Stanley-style law above.
    public func controllerAction(for observation: [Float]) -> [Float] {
        let d = Double(observation[0]), psi = Double(observation[1])
        let delta = feedForward(observation) - headingGain * psi
            - atan(offsetGain * (d - targetOffset(for: observation)) / speed)
        return [Float(delta / maxSteeringAngle)]
    }

    /// Curvature feed-forward only.
    public func worseControllerAction(for observation: [Float]) -> [Float] {
        [Float(feedForward(observation) / maxSteeringAngle)]
    }
}
