import Foundation
import Numerics

/// A kinematic (bicycle-model) car at constant speed on a closed curved track; the agent steers.
///
/// The state is kept in the track's Frenet frame: arc length s, lateral offset d (metres, left of
/// the centre line positive) and heading error ψ (car heading minus track heading). With speed v,
/// wheelbase L, steering angle δ = action·`maxSteeringAngle` and track curvature κ(s):
/// ṡ = v cos ψ / (1 − κd), ḋ = v sin ψ, ψ̇ = v tan δ / L − κ ṡ  (one RK4 step per `dt`).
///
/// - Observation: [d, ψ, κ(s + a₁), κ(s + a₂), …] for the look-ahead distances aᵢ
///   (default 0, 5, 10 m); with an obstacle, two more numbers: the obstacle's arc-length distance
///   ahead (clipped to [−10, 30] m) and its lateral offset.
/// - Action: steering in [−1, 1] (positive = left), scaled by `maxSteeringAngle`.
/// - Reward: progress Δs/(v·dt) (≈ 1 per step when driving along the centre line) minus
///   (d / laneHalfWidth)².
/// - Terminated when |d| > `laneHalfWidth` (`info.leftTrack`) or, with an obstacle, when the car
///   comes within `obstacle.radius + obstacle.carRadius` of the obstacle's centre (`info.collided`).
/// - Truncated after `maxEpisodeSteps`.
/// - Reset: s ~ U[0, track length), d ~ U[−0.3, 0.3] m, ψ ~ U[−0.1, 0.1] rad; the obstacle (if any)
///   is placed on the lane U[15, 25] m ahead (by default).
public struct LaneKeepingCar: ContinuousEnvironment {
    /// An obstacle in the lane that the car can pass on either side.
    public struct Obstacle: Sendable, Equatable, Codable {
        /// The obstacle's radius in metres.
        public var radius: Double
        /// The car's collision radius around its reference point.
        public var carRadius: Double
        /// The lateral offset of the obstacle's centre (0 = on the centre line).
        public var offset: Double
        /// The range of arc-length distances ahead of the start at which reset places it.
        public var distanceAhead: ClosedRange<Double>

        /// An obstacle with the given geometry (defaults: radius 0.5 m, car radius 0.75 m, on the
        /// centre line, 15–25 m ahead of the start).
        public init(radius: Double = 0.5, carRadius: Double = 0.75, offset: Double = 0,
                    distanceAhead: ClosedRange<Double> = 15...25) {
            self.radius = radius
            self.carRadius = carRadius
            self.offset = offset
            self.distanceAhead = distanceAhead
        }
    }

    /// The car's place on the track.
    public struct State: Codable, Equatable, Sendable {
        /// Arc length along the centre line, in [0, track length).
        public var arcLength: Double
        /// Lateral offset from the centre line (metres, left positive).
        public var offset: Double
        /// Car heading minus track heading (radians, left positive).
        public var headingError: Double
        /// Arc length of the obstacle's centre, if the environment has one.
        public var obstacleArcLength: Double?

        /// A state with the given coordinates.
        public init(arcLength: Double, offset: Double, headingError: Double, obstacleArcLength: Double? = nil) {
            self.arcLength = arcLength
            self.offset = offset
            self.headingError = headingError
            self.obstacleArcLength = obstacleArcLength
        }
    }

    /// The track.
    public let track: Track
    /// Constant forward speed, m/s (5).
    public var speed: Double
    /// Time step, s (0.1).
    public var dt: Double
    /// Wheelbase, m (2.5).
    public var wheelbase: Double
    /// Steering angle of action 1, rad (0.5).
    public var maxSteeringAngle: Double
    /// Half the lane width: the car has left the track when |d| exceeds it (2.5 m).
    public var laneHalfWidth: Double
    /// Arc-length distances ahead at which the observation reports the curvature.
    public let lookAheads: [Double]
    /// The obstacle, or `nil` for plain lane keeping.
    public let obstacle: Obstacle?
    /// The time limit.
    public var maxEpisodeSteps: Int
    /// The current state.
    public var state: State
    /// Steps taken since the last reset.
    public var elapsedSteps: Int = 0

    /// "LaneKeepingCar" or "LaneKeepingCar-obstacle".
    public var name: String { obstacle == nil ? "LaneKeepingCar" : "LaneKeepingCar-obstacle" }

    /// A car on `track`; `maxEpisodeSteps` defaults to 300 (about one lap) without an obstacle and
    /// 100 with one.
    public init(track: Track = .standard, obstacle: Obstacle? = nil, maxEpisodeSteps: Int? = nil,
                lookAheads: [Double] = [0, 5, 10], speed: Double = 5, dt: Double = 0.1, wheelbase: Double = 2.5,
                maxSteeringAngle: Double = 0.5, laneHalfWidth: Double = 2.5) {
        self.track = track
        self.obstacle = obstacle
        self.maxEpisodeSteps = maxEpisodeSteps ?? (obstacle == nil ? 300 : 100)
        self.lookAheads = lookAheads
        self.speed = speed
        self.dt = dt
        self.wheelbase = wheelbase
        self.maxSteeringAngle = maxSteeringAngle
        self.laneHalfWidth = laneHalfWidth
        self.state = State(arcLength: 0, offset: 0, headingError: 0,
                           obstacleArcLength: obstacle.map { _ in 20 })
    }

    /// The plain lane-keeping task on the standard track.
    public static func laneKeeping() -> LaneKeepingCar { LaneKeepingCar() }

    /// The obstacle variant on the standard track.
    public static func withObstacle() -> LaneKeepingCar { LaneKeepingCar(obstacle: Obstacle()) }

    /// Index of the obstacle-distance coordinate in the observation (when there is an obstacle).
    public var obstacleDistanceIndex: Int { 2 + lookAheads.count }

    /// Offset, heading error, look-ahead curvatures, then (obstacle variant) distance and offset.
    public var observationSpace: Box {
        let kappa = Float(0.25)
        var low: [Float] = [-Float(laneHalfWidth), -.pi] + Array(repeating: -kappa, count: lookAheads.count)
        var high: [Float] = [Float(laneHalfWidth), .pi] + Array(repeating: kappa, count: lookAheads.count)
        if obstacle != nil {
            low += [-10, -Float(laneHalfWidth)]
            high += [30, Float(laneHalfWidth)]
        }
        return Box(low: low, high: high)
    }

    /// Steering in [−1, 1].
    public var actionSpace: Box { Box(low: [-1], high: [1]) }

    /// The observation of the current state.
    public var observation: [Float] {
        var result: [Float] = [Float(state.offset), Float(state.headingError)]
        result.reserveCapacity(4 + lookAheads.count)
        for a in lookAheads { result.append(Float(track.curvature(at: state.arcLength + a))) }
        if let obstacle {
            result.append(Float(min(max(obstacleDistanceAhead ?? 30, -10), 30)))
            result.append(Float(obstacle.offset))
        }
        return result
    }

    /// Arc-length distance from the car to the obstacle's centre (negative once passed).
    public var obstacleDistanceAhead: Double? {
        state.obstacleArcLength.map { track.signedDistance(from: state.arcLength, to: $0) }
    }

    /// The car's position in the plane.
    public var position: (x: Double, y: Double) { track.position(at: state.arcLength, offset: state.offset) }

    /// Whether the car overlaps the obstacle in the current state.
    public var isColliding: Bool {
        guard let obstacle, let s = state.obstacleArcLength else { return false }
        let car = position
        let centre = track.position(at: s, offset: obstacle.offset)
        let dx = car.x - centre.x, dy = car.y - centre.y
        let reach = obstacle.radius + obstacle.carRadius
        return dx * dx + dy * dy < reach * reach
    }

    /// Starts at a random place on the track, near the centre line (see the type's description).
    public mutating func reset(rng: inout RandomSource) -> [Float] {
        let s = rng.uniform(0, track.length)
        let d = rng.uniform(-0.3, 0.3)
        let psi = rng.uniform(-0.1, 0.1)
        var obstacleArc: Double?
        if let obstacle {
            obstacleArc = track.wrapped(s + rng.uniform(obstacle.distanceAhead.lowerBound, obstacle.distanceAhead.upperBound))
        }
        return reset(to: State(arcLength: s, offset: d, headingError: psi, obstacleArcLength: obstacleArc))
    }

    /// The Frenet-frame derivatives (ṡ, ḋ, ψ̇) for steering angle `delta`.
    @inline(__always)
    func derivatives(s: Double, d: Double, psi: Double, tanDelta: Double) -> (Double, Double, Double) {
        let kappa = track.curvature(at: s)
        let sDot = speed * cos(psi) / max(1 - kappa * d, 0.1)
        return (sDot, speed * sin(psi), speed * tanDelta / wheelbase - kappa * sDot)
    }

    /// One RK4 step of the bicycle model with the steering action (clipped to [−1, 1]).
    public mutating func step(_ action: [Float]) throws -> Step {
        let clipped = try actionSpace.validatedAction(action, environment: name, step: elapsedSteps)
        let tanDelta = tan(Double(clipped[0]) * maxSteeringAngle)
        let s = state.arcLength, d = state.offset, psi = state.headingError
        let h = dt
        let k1 = derivatives(s: s, d: d, psi: psi, tanDelta: tanDelta)
        let k2 = derivatives(s: s + h / 2 * k1.0, d: d + h / 2 * k1.1, psi: psi + h / 2 * k1.2, tanDelta: tanDelta)
        let k3 = derivatives(s: s + h / 2 * k2.0, d: d + h / 2 * k2.1, psi: psi + h / 2 * k2.2, tanDelta: tanDelta)
        let k4 = derivatives(s: s + h * k3.0, d: d + h * k3.1, psi: psi + h * k3.2, tanDelta: tanDelta)
        let ds = h / 6 * (k1.0 + 2 * k2.0 + 2 * k3.0 + k4.0)
        state.arcLength = track.wrapped(s + ds)
        state.offset = d + h / 6 * (k1.1 + 2 * k2.1 + 2 * k3.1 + k4.1)
        var newPsi = psi + h / 6 * (k1.2 + 2 * k2.2 + 2 * k3.2 + k4.2)
        if newPsi > .pi { newPsi -= 2 * .pi } else if newPsi < -.pi { newPsi += 2 * .pi }
        state.headingError = newPsi
        elapsedSteps += 1

        let leftTrack = abs(state.offset) > laneHalfWidth
        let collided = isColliding
        let ratio = state.offset / laneHalfWidth
        let reward = ds / (speed * dt) - ratio * ratio
        return Step(observation: observation, reward: reward, terminated: leftTrack || collided,
                    truncated: elapsedSteps >= maxEpisodeSteps,
                    info: StepInfo(collided: collided, leftTrack: leftTrack, taskReward: reward))
    }
}
