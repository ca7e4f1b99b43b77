import Environments
import Foundation
import Numerics
import Testing

@Suite struct LaneKeepingCarTests {
    @Test func trackIsClosedAndMatchesItsDocumentedShape() {
        let track = Track.standard
        #expect(abs(track.length - 133.15) < 0.05)
        let curvatures = stride(from: 0.0, to: track.length, by: 0.1).map { track.curvature(at: $0) }
        #expect(abs(curvatures.min()! - (-0.102)) < 0.002 && abs(curvatures.max()! - 0.0855) < 0.002)
        // Closed: the end joins the start, and the heading turns once round (∫κ ds = 2π).
        let start = track.position(at: 0), end = track.position(at: track.length - 1e-9)
        #expect(hypot(start.x - end.x, start.y - end.y) < 1e-6)
        let turning = curvatures.reduce(0, +) * 0.1
        #expect(abs(turning - 2 * .pi) < 0.01)
    }

    @Test func straightDrivingOnTheCentreLineFollowsTheFrenetEquations() throws {
        // Steering that matches the curvature keeps d and ψ near zero over a few steps.
        var car = LaneKeepingCar()
        _ = car.reset(to: .init(arcLength: 10, offset: 0, headingError: 0))
        for _ in 0..<5 {
            let kappa = car.track.curvature(at: car.state.arcLength + 0.25)
            _ = try car.step([Float(atan(car.wheelbase * kappa) / car.maxSteeringAngle)])
        }
        #expect(abs(car.state.offset) < 0.01 && abs(car.state.headingError) < 0.01)
        #expect(abs(car.state.arcLength - 12.5) < 0.01)   // 5 steps × 5 m/s × 0.1 s
    }

    @Test func leavingTheTrackTerminates() throws {
        var car = LaneKeepingCar()
        _ = car.reset(seed: 4)
        var last: Step?
        for _ in 0..<200 {
            let step = try car.step([1])
            last = step
            if step.isDone { break }
        }
        #expect(last?.terminated == true && last?.info.leftTrack == true && last?.info.collided == false)
        #expect(abs(car.state.offset) > car.laneHalfWidth)
    }

    @Test func observationLayout() {
        var car = LaneKeepingCar.withObstacle()
        _ = car.reset(to: .init(arcLength: 20, offset: 0.5, headingError: -0.1, obstacleArcLength: 35))
        let o = car.observation
        #expect(o.count == 7 && car.observationSpace.dimension == 7 && car.obstacleDistanceIndex == 5)
        #expect(o[0] == 0.5 && o[1] == -0.1)
        #expect(o[2] == Float(car.track.curvature(at: 20)) && o[4] == Float(car.track.curvature(at: 30)))
        #expect(abs(o[5] - 15) < 1e-5 && o[6] == 0)
        #expect(LaneKeepingCar().observation.count == 5)
    }

    @Test func drivingIntoTheObstacleReportsACollision() throws {
        var car = LaneKeepingCar.withObstacle()
        _ = car.reset(to: .init(arcLength: 50, offset: 0, headingError: 0, obstacleArcLength: 58))
        let expert = LaneKeepingExpert(for: car)   // keeps the centre line
        var collided = false
        for _ in 0..<40 {
            let step = try car.step(expert.action(for: car.observation))
            if step.info.collided { collided = true; #expect(step.terminated); break }
        }
        #expect(collided)
        #expect(car.isColliding)
        #expect(abs(car.obstacleDistanceAhead! - 1.25) < 0.3)
    }
}
