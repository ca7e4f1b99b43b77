import Foundation
import Plotting

extension Hopper {
    /// The names of the hopper's four capsules, from the top down.
    public static let bodyPartGeoms = ["torso_geom", "thigh_geom", "leg_geom", "foot_geom"]

    /// The hopper's capsules in `state` as segments in the x–z plane: (name, first end, second end,
    /// radius), torso first, each with its ends in the order of the model's `fromto` (so the thigh
    /// runs from the hip to the knee, the leg from the knee to the ankle), from MuJoCo's forward kinematics.
    public static func capsules(in state: State) -> [(name: String, from: (Double, Double), to: (Double, Double),
                                                        radius: Double)] {
        // A `State` holds six finite coordinates, so the kinematics cannot fail.
        let placements = (try? model.geomPlacements(qpos: state.qpos)) ?? []
        return bodyPartGeoms.compactMap { name in
            guard let geom = placements.first(where: { $0.name == name }), let (a, b) = geom.capsuleEnds,
                  let radius = geom.capsuleRadius else { return nil }
            // MuJoCo points a `fromto` capsule's axis from its second end to its first.
            return (name, (b.x, b.z), (a.x, a.z), radius)
        }
    }

    /// Sets up a side view of the hopper around horizontal position `x`: equal scales, the floor
    /// (a line at height 0, shaded below) and axis labels in metres.
    public static func drawScene(into axes: inout Axes, around x: Double = 0, halfWidth: Double = 1.0) {
        axes.aspect = .equal
        axes.xLimits = (x - halfWidth)...(x + halfWidth)
        axes.yLimits = -0.15...1.75
        axes.xLabel = "x (m)"
        axes.yLabel = "height (m)"
        let left = x - halfWidth - 1, right = x + halfWidth + 1
        axes.polygon(points: [(left, 0), (right, 0), (right, -0.15), (left, -0.15)],
                     fill: Color.lightGray, stroke: nil)
        axes.line(x: [left, right], y: [0, 0], color: .black, width: 1.2)
    }

    /// Draws the hopper in `state`: its four capsules (torso, thigh, leg, foot) as filled
    /// rounded segments, seen from the side, and a dot at each joint; `shift` moves it along x.
    public static func drawPose(_ state: State, into axes: inout Axes, color: Color = .blue, opacity: Double = 1,
                                shift: Double = 0, label: String? = nil) {
        let parts = capsules(in: state)
        for (index, capsule) in parts.enumerated() {
            axes.polygon(points: outline(from: (capsule.from.0 + shift, capsule.from.1),
                                         to: (capsule.to.0 + shift, capsule.to.1), radius: capsule.radius),
                         fill: color.withAlpha(0.6 * opacity), stroke: Color.black.withAlpha(0.8 * opacity),
                         lineWidth: 0.8, label: index == 0 ? label : nil)
        }
        // Hip, knee and ankle: where thigh and leg start, and where the leg ends.
        guard parts.count == 4 else { return }
        for joint in [parts[1].from, parts[2].from, parts[2].to] {
            axes.circle(center: (joint.0 + shift, joint.1), radius: 0.018, fill: Color.black.withAlpha(opacity),
                        stroke: nil)
        }
    }

    /// Draws every `stride`-th state of an episode (and its last) side by side, `spacing` metres
    /// apart, each labelled with its step number above it: how the pose changes over the episode,
    /// whatever the distance travelled.
    public static func drawFilmstrip(_ states: [State], into axes: inout Axes, every stride: Int = 10,
                                     spacing: Double = 0.8, color: Color = .blue) {
        let chosen = Array(Swift.stride(from: 0, to: states.count, by: max(stride, 1)))
            + (states.isEmpty || (states.count - 1) % max(stride, 1) == 0 ? [] : [states.count - 1])
        let width = Double(max(chosen.count - 1, 0)) * spacing
        drawScene(into: &axes, around: width / 2, halfWidth: width / 2 + 0.6)
        axes.xLabel = nil
        axes.xTicks = []
        for (k, index) in chosen.enumerated() {
            let place = Double(k) * spacing
            drawPose(states[index], into: &axes, color: color, shift: place - states[index].x)
            axes.text("step \(index)", at: (place, 1.66))
        }
    }

    /// The outline of a capsule from `a` to `b` of radius `r` in the plane: two half circles joined
    /// by straight sides, as a closed polygon.
    static func outline(from a: (Double, Double), to b: (Double, Double), radius r: Double,
                        pointsPerHalf: Int = 16) -> [(Double, Double)] {
        let direction = atan2(b.1 - a.1, b.0 - a.0)
        var points: [(Double, Double)] = []
        for (center, start) in [(b, direction - .pi / 2), (a, direction + .pi / 2)] {
            for k in 0...pointsPerHalf {
                let angle = start + Double.pi * Double(k) / Double(pointsPerHalf)
                points.append((center.0 + r * cos(angle), center.1 + r * sin(angle)))
            }
        }
        return points
    }
}
