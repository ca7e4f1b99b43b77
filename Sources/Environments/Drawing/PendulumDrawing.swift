import Foundation
import Plotting

extension Pendulum {
    /// Sets up a phase-portrait panel: angle (normalised to [−π, π)) against angular velocity,
    /// with the upright goal marked at (0, 0).
    public static func drawPhasePortraitFrame(into axes: inout Axes) {
        axes.xLabel = "angle θ (rad, 0 = upright)"
        axes.yLabel = "angular velocity θ̇ (rad/s)"
        axes.xLimits = -Double.pi...Double.pi
        axes.yLimits = -maxSpeed...maxSpeed
        axes.scatter(x: [0], y: [0], label: "upright", color: .black, size: 7, marker: .diamond, opacity: 1)
    }

    /// Draws the states of one episode in the phase plane (the line breaks where the angle wraps).
    public static func drawPhasePath(_ states: [State], into axes: inout Axes, label: String? = nil,
                                     color: Color? = nil) {
        var x = [Double](), y = [Double]()
        var previous: Double?
        for state in states {
            let angle = normalizedAngle(state.angle)
            if let p = previous, abs(angle - p) > .pi {
                x.append(.nan)
                y.append(.nan)
            }
            x.append(angle)
            y.append(state.angularVelocity)
            previous = angle
        }
        axes.line(x: x, y: y, label: label, color: color, width: 1.2)
    }

    /// Draws the normalised angle of one episode against time in seconds.
    public static func drawAngleOverTime(_ states: [State], into axes: inout Axes, label: String? = nil,
                                         color: Color? = nil) {
        if axes.xLabel == nil { axes.xLabel = "time (s)" }
        if axes.yLabel == nil { axes.yLabel = "angle θ (rad, 0 = upright)" }
        axes.yLimits = -Double.pi...Double.pi
        var t = [Double](), a = [Double]()
        var previous: Double?
        for (i, state) in states.enumerated() {
            let angle = normalizedAngle(state.angle)
            if let p = previous, abs(angle - p) > .pi {
                t.append(.nan)
                a.append(.nan)
            }
            t.append(Double(i) * dt)
            a.append(angle)
            previous = angle
        }
        axes.line(x: t, y: a, label: label, color: color, width: 1.2)
    }

    /// Draws the pendulum in `state` as a rod from the pivot to the bob (upright = straight up).
    public static func drawPose(_ state: State, into axes: inout Axes, color: Color = .blue, label: String? = nil) {
        axes.aspect = .equal
        axes.xLimits = -1.3...1.3
        axes.yLimits = -1.3...1.3
        let x = sin(state.angle) * length, y = cos(state.angle) * length
        axes.line(x: [0, x], y: [0, y], label: label, color: color, width: 4)
        axes.circle(center: (x, y), radius: 0.08, fill: color, stroke: nil)
        axes.circle(center: (0, 0), radius: 0.04, fill: .black, stroke: nil)
    }
}
