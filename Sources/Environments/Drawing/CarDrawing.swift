import Foundation
import Plotting

extension LaneKeepingCar {
    /// Draws the track: both lane edges, the dashed centre line, and the obstacle at
    /// `obstacleArcLength` if given; equal aspect so the track keeps its shape.
    public func drawTrack(into axes: inout Axes, obstacleArcLength: Double? = nil) {
        axes.aspect = .equal
        axes.xLabel = "x (m)"
        axes.yLabel = "y (m)"
        let samples = stride(from: 0.0, through: track.length, by: 0.5).map { $0 } + [track.length]
        for offset in [-laneHalfWidth, laneHalfWidth] {
            let points = samples.map { track.position(at: $0, offset: offset) }
            axes.line(x: points.map(\.x), y: points.map(\.y), color: .gray, width: 1.2)
        }
        let centre = samples.map { track.position(at: $0) }
        axes.line(x: centre.map(\.x), y: centre.map(\.y), color: .lightGray, style: .dashed, width: 0.8)
        if let s = obstacleArcLength { drawObstacle(at: s, into: &axes) }
    }

    /// Draws the obstacle centred at arc length `arcLength` (on its configured offset).
    public func drawObstacle(at arcLength: Double, into axes: inout Axes) {
        let offset = obstacle?.offset ?? 0
        let radius = obstacle?.radius ?? Obstacle().radius
        let centre = track.position(at: arcLength, offset: offset)
        axes.circle(center: (centre.x, centre.y), radius: radius, fill: .vermillion, stroke: .black, label: "obstacle")
    }

    /// Draws the car's path through `states` (its reference point) and marks where it ended:
    /// a cross if it collided or left the track there.
    public func drawPath(_ states: [State], into axes: inout Axes, label: String? = nil, color: Color? = nil) {
        guard !states.isEmpty else { return }
        let points = states.map { track.position(at: $0.arcLength, offset: $0.offset) }
        axes.line(x: points.map(\.x), y: points.map(\.y), label: label, color: color, width: 1.5)
        var final = self
        final.state = states[states.count - 1]
        if abs(final.state.offset) > laneHalfWidth || final.isColliding {
            axes.scatter(x: [points[points.count - 1].x], y: [points[points.count - 1].y], color: color ?? .black,
                         size: 8, marker: .cross, opacity: 1)
        }
    }

    /// Limits the axes to the paths' bounding box plus `margin` metres, for close-ups such as the
    /// obstacle picture.
    public func zoom(_ axes: inout Axes, to paths: [[State]], margin: Double = 4) {
        let points = paths.joined().map { track.position(at: $0.arcLength, offset: $0.offset) }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return }
        axes.xLimits = (minX - margin)...(maxX + margin)
        axes.yLimits = (minY - margin)...(maxY + margin)
    }
}
