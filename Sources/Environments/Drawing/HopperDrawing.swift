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
    /// rounded segments, seen from the side, and a dot at each joint.
    public static func drawPose(_ state: State, into axes: inout Axes, color: Color = .blue, opacity: Double = 1,
                                label: String? = nil) {
        for (index, capsule) in capsules(in: state).enumerated() {
            axes.polygon(points: outline(from: capsule.from, to: capsule.to, radius: capsule.radius),
                         fill: color.withAlpha(0.55 * opacity), stroke: color.withAlpha(opacity), lineWidth: 1.2,
                         label: index == 0 ? label : nil)
        }
        // Hip, knee and ankle: where thigh and leg start, and where the leg ends.
        let parts = capsules(in: state)
        guard parts.count == 4 else { return }
        for joint in [parts[1].from, parts[2].from, parts[2].to] {
            axes.circle(center: joint, radius: 0.018, fill: Color.black.withAlpha(opacity), stroke: nil)
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
