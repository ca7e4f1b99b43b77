import Foundation

/// Screen-space samples of where a panel's data is drawn, so the legend can avoid it.
enum DataOccupancy {
    /// The spacing of samples along lines and inside filled areas, in points.
    static let step = 3.0

    /// Points (canvas coordinates) along every line, inside every bar, band and heat map, and at every marker.
    static func samples(of panel: ResolvedPanel, x xMap: AxisMap, y yMap: AxisMap) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        func map(_ x: Double, _ y: Double) -> (Double, Double)? {
            guard let px = xMap.position(x), let py = yMap.position(y) else { return nil }
            return (px, py)
        }
        func polyline(_ xs: [Double], _ ys: [Double], closed: Bool = false) {
            var previous: (Double, Double)? = nil
            let count = min(xs.count, ys.count)
            let indices = closed && count > 0 ? Array(0..<count) + [0] : Array(0..<count)
            for i in indices {
                guard let p = map(xs[i], ys[i]) else { previous = nil; continue }
                if let q = previous { segment(q, p) } else { points.append(p) }
                previous = p
            }
        }
        func segment(_ a: (Double, Double), _ b: (Double, Double)) {
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            let n = min(Int(length / step), 2000)
            if n > 0 {
                for k in 1...n {
                    let t = Double(k) / Double(n + 1)
                    points.append((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
                }
            }
            points.append(b)
        }
        func area(_ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double, spacing: Double = step * 1.5) {
            guard let a = map(x0, y0), let b = map(x1, y1) else { return }
            let (lx, hx) = (min(a.0, b.0), max(a.0, b.0)), (ly, hy) = (min(a.1, b.1), max(a.1, b.1))
            let nx = min(Int((hx - lx) / spacing), 400), ny = min(Int((hy - ly) / spacing), 400)
            for i in 0...nx {
                for j in 0...ny {
                    points.append((lx + (hx - lx) * Double(i) / Double(max(nx, 1)),
                                   ly + (hy - ly) * Double(j) / Double(max(ny, 1))))
                }
            }
        }
        for r in panel.artists {
            switch r.artist {
            case .line(let a): polyline(a.x, a.y)
            case .scatter(let a):
                for (x, y) in zip(a.x, a.y) { if let p = map(x, y) { points.append(p) } }
            case .band(let a):
                polyline(a.x, a.lower)
                polyline(a.x, a.upper)
                for i in a.x.indices where i < a.lower.count && i < a.upper.count {
                    guard let lo = map(a.x[i], a.lower[i]), let hi = map(a.x[i], a.upper[i]) else { continue }
                    segment(lo, hi)
                }
            case .histogram, .bars:
                for rect in r.rects where rect.y1 != rect.y0 {
                    let y0 = yMap.scale == .log ? max(rect.y0, yMap.lower) : rect.y0
                    area(rect.x0, rect.x1, y0, rect.y1 + (rect.error ?? 0))
                }
            case .heatMap(let a):
                area(a.xRange.lowerBound, a.xRange.upperBound, a.yRange.lowerBound, a.yRange.upperBound, spacing: 8)
            case .quiver(let a):
                let s = a.resolvedScale
                for i in a.x.indices {
                    polyline([a.x[i], a.x[i] + s * a.u[i]], [a.y[i], a.y[i] + s * a.v[i]])
                }
            case .referenceLine(let a):
                if a.orientation == .horizontal {
                    polyline([xMap.lower, xMap.upper], [a.value, a.value])
                } else {
                    polyline([a.value, a.value], [yMap.lower, yMap.upper])
                }
            case .text(let a): if let p = map(a.x, a.y) { points.append(p) }
            case .arrow(let a): polyline([a.fromX, a.toX], [a.fromY, a.toY])
            case .polygon(let a): polyline(a.x, a.y, closed: true)
            case .circle(let a):
                let n = 48
                let xs = (0..<n).map { a.centerX + a.radius * cos(2 * Double.pi * Double($0) / Double(n)) }
                let ys = (0..<n).map { a.centerY + a.radius * sin(2 * Double.pi * Double($0) / Double(n)) }
                polyline(xs, ys, closed: true)
            }
        }
        return points
    }

}

/// Which cells of a 256 × 256 grid over the plot area hold data, computed once per panel in the
/// axes' own (scaled) coordinates, so dense data costs no more than sparse data.
struct OccupancyGrid {
    /// Virtual plot-area size the samples are taken in.
    static let size = 512.0
    /// Cells per side.
    static let cells = 256
    private var occupied: [Bool]

    /// Marks the cells holding data of `panel` over its current limits.
    init(panel: ResolvedPanel) {
        let xMap = AxisMap(scale: panel.axes.xScale, lower: panel.xLimits.lowerBound, upper: panel.xLimits.upperBound,
                           start: 0, end: Self.size)
        let yMap = AxisMap(scale: panel.axes.yScale, lower: panel.yLimits.lowerBound, upper: panel.yLimits.upperBound,
                           start: Self.size, end: 0)
        let n = Self.cells
        occupied = [Bool](repeating: false, count: n * n)
        let cell = Self.size / Double(n)
        for (x, y) in DataOccupancy.samples(of: panel, x: xMap, y: yMap)
        where x >= 0 && x <= Self.size && y >= 0 && y <= Self.size {
            let c = min(Int(x / cell), n - 1), r = min(Int(y / cell), n - 1)
            occupied[r * n + c] = true
        }
    }

    /// How many occupied cells touch `box` (canvas points) grown by `margin` points, for a panel
    /// drawn in `plot`.
    func count(in box: LayoutBox, plot: LayoutBox, margin: Double = 2) -> Int {
        guard plot.width > 0, plot.height > 0 else { return 0 }
        let grown = box.insetBy(-margin)
        let n = Self.cells
        func column(_ x: Double) -> Int { Int(((x - plot.minX) / plot.width * Double(n)).rounded(.down)) }
        func row(_ y: Double) -> Int { Int(((y - plot.minY) / plot.height * Double(n)).rounded(.down)) }
        let c0 = max(column(grown.minX), 0), c1 = min(column(grown.maxX), n - 1)
        let r0 = max(row(grown.minY), 0), r1 = min(row(grown.maxY), n - 1)
        guard c0 <= c1, r0 <= r1 else { return 0 }
        var count = 0
        for r in r0...r1 { for c in c0...c1 where occupied[r * n + c] { count += 1 } }
        return count
    }
}
