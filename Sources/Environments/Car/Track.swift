import Foundation

/// A closed race track: a smooth curve tabulated by arc length, with its heading and curvature.
///
/// The standard track is the polar curve r(φ) = R·(1 + 0.2·cos 2φ + 0.1·sin 3φ), R = 20 m, driven
/// counter-clockwise: 133.1 m long, curvature between −0.102 and +0.086 1/m (left and right
/// bends, radius ≥ 9.8 m). Positive curvature turns left. Lookups are O(1) linear
/// interpolation in a table of `sampleCount` points evenly spaced in arc length.
public struct Track: Sendable, Equatable {
    /// The length of one lap in metres.
    public let length: Double
    /// Arc-length spacing of the table.
    let spacing: Double
    let xs: [Double]
    let ys: [Double]
    let headings: [Double]
    let curvatures: [Double]

    /// The number of table points.
    public var sampleCount: Int { xs.count }

    /// The standard track (see the type's description).
    public static let standard = Track(radius: 20, cos2Amplitude: 0.2, sin3Amplitude: 0.1)

    /// The polar track r(φ) = radius·(1 + cos2Amplitude·cos 2φ + sin3Amplitude·sin 3φ).
    ///
    /// The amplitudes must keep r positive (|cos2Amplitude| + |sin3Amplitude| < 1).
    public init(radius: Double, cos2Amplitude a: Double, sin3Amplitude b: Double, sampleCount: Int = 4096) {
        precondition(radius > 0 && abs(a) + abs(b) < 1, "Track: the polar radius must stay positive")
        func point(_ phi: Double) -> (x: Double, y: Double, dx: Double, dy: Double, ddx: Double, ddy: Double) {
            let r = radius * (1 + a * cos(2 * phi) + b * sin(3 * phi))
            let dr = radius * (-2 * a * sin(2 * phi) + 3 * b * cos(3 * phi))
            let ddr = radius * (-4 * a * cos(2 * phi) - 9 * b * sin(3 * phi))
            let c = cos(phi), s = sin(phi)
            return (r * c, r * s,
                    dr * c - r * s, dr * s + r * c,
                    ddr * c - 2 * dr * s - r * c, ddr * s + 2 * dr * c - r * s)
        }
        // Cumulative arc length on a fine φ grid (Simpson on each cell).
        let fine = sampleCount * 8
        var phis = [Double](repeating: 0, count: fine + 1)
        var arc = [Double](repeating: 0, count: fine + 1)
        func speed(_ phi: Double) -> Double { let p = point(phi); return (p.dx * p.dx + p.dy * p.dy).squareRoot() }
        let h = 2 * Double.pi / Double(fine)
        for i in 1...fine {
            let p0 = Double(i - 1) * h
            phis[i] = Double(i) * h
            arc[i] = arc[i - 1] + h / 6 * (speed(p0) + 4 * speed(p0 + h / 2) + speed(p0 + h))
        }
        let total = arc[fine]
        length = total
        spacing = total / Double(sampleCount)
        var xs = [Double](), ys = [Double](), headings = [Double](), curvatures = [Double]()
        xs.reserveCapacity(sampleCount)
        var j = 0
        for k in 0..<sampleCount {
            let target = Double(k) * spacing
            while arc[j + 1] < target { j += 1 }
            let phi = phis[j] + (target - arc[j]) / (arc[j + 1] - arc[j]) * h
            let p = point(phi)
            xs.append(p.x)
            ys.append(p.y)
            headings.append(atan2(p.dy, p.dx))
            curvatures.append((p.dx * p.ddy - p.dy * p.ddx) / pow(p.dx * p.dx + p.dy * p.dy, 1.5))
        }
        self.xs = xs
        self.ys = ys
        self.headings = headings
        self.curvatures = curvatures
    }

    /// `arcLength` wrapped into [0, length).
    public func wrapped(_ arcLength: Double) -> Double {
        let r = arcLength.truncatingRemainder(dividingBy: length)
        return r < 0 ? r + length : r
    }

    /// The signed arc-length distance from `from` to `to` along the driving direction, in
    /// (−length/2, length/2].
    public func signedDistance(from: Double, to: Double) -> Double {
        var d = wrapped(to - from)
        if d > length / 2 { d -= length }
        return d
    }

    /// The table index below `arcLength` and the interpolation weight towards the next one.
    @inline(__always)
    func locate(_ arcLength: Double) -> (index: Int, next: Int, weight: Double) {
        let u = wrapped(arcLength) / spacing
        var i = Int(u)
        if i >= sampleCount { i = sampleCount - 1 }
        let next = i + 1 == sampleCount ? 0 : i + 1
        return (i, next, u - Double(i))
    }

    /// The curvature (1/m, positive = left turn) at `arcLength`.
    public func curvature(at arcLength: Double) -> Double {
        let (i, j, w) = locate(arcLength)
        return curvatures[i] + w * (curvatures[j] - curvatures[i])
    }

    /// The centre-line heading (radians, counter-clockwise from the x axis) at `arcLength`.
    public func heading(at arcLength: Double) -> Double {
        let (i, j, w) = locate(arcLength)
        var delta = headings[j] - headings[i]
        if delta > .pi { delta -= 2 * .pi } else if delta < -.pi { delta += 2 * .pi }
        return headings[i] + w * delta
    }

    /// The point at `arcLength` along the centre line, moved `offset` metres to the left.
    public func position(at arcLength: Double, offset: Double = 0) -> (x: Double, y: Double) {
        let (i, j, w) = locate(arcLength)
        let heading = self.heading(at: arcLength)
        let x = xs[i] + w * (xs[j] - xs[i]) - offset * sin(heading)
        let y = ys[i] + w * (ys[j] - ys[i]) + offset * cos(heading)
        return (x, y)
    }
}
