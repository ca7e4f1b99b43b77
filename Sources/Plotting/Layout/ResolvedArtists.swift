import Foundation

/// A rectangle in data coordinates (a bar or histogram bin), with an optional error half-length.
struct DataRect: Sendable {
    var x0: Double, x1: Double, y0: Double, y1: Double
    var error: Double?
}

/// An artist with its colour chosen and its derived geometry (bars, bins) computed.
struct ResolvedArtist: Sendable {
    /// The artist as the user gave it.
    var artist: Artist
    /// The colour to draw it with (palette colour when the user gave none).
    var color: Color
    /// Bars or histogram bins, in data coordinates.
    var rects: [DataRect] = []
    /// Whether this artist draws below the others (bands, heat maps).
    var isBackground: Bool {
        switch artist {
        case .band, .heatMap: return true
        default: return false
        }
    }
}

/// The artists of one axes, resolved: colours, bar groups, categories and data limits.
struct ResolvedPanel: Sendable {
    var axes: Axes
    var artists: [ResolvedArtist]
    /// Category names on the x axis when bars use categories (at x = 0, 1, 2, …).
    var categories: [String]
    /// Final x range (user limits, or data range padded).
    var xLimits: ClosedRange<Double>
    /// Final y range.
    var yLimits: ClosedRange<Double>
    /// The last heat map, which owns the colour bar.
    var colorBar: HeatMap?

    init(_ axes: Axes) throws {
        self.axes = axes
        // Category union over bar series, in order of appearance.
        var categories: [String] = []
        for case .bars(let b) in axes.artists {
            for c in b.categories ?? [] where !categories.contains(c) { categories.append(c) }
        }
        self.categories = categories
        artists = try Self.resolveColors(axes.artists)
        try Self.resolveBars(&artists, categories: categories)
        colorBar = nil
        for case .heatMap(let h) in axes.artists { colorBar = h }
        let extent = DataExtent(artists: artists, xScale: axes.xScale, yScale: axes.yScale)
        xLimits = axes.xLimits ?? extent.xBounds.paddedLimits(scale: axes.xScale)
        yLimits = axes.yLimits ?? extent.yBounds.paddedLimits(scale: axes.yScale)
    }

    /// Extends the top of the y range by `fraction` of the plot height (measured after the
    /// extension), in the axis's scale.
    mutating func raiseTop(by fraction: Double) {
        let f = min(max(fraction, 0), 0.6)
        switch axes.yScale {
        case .linear:
            let low = yLimits.lowerBound, high = yLimits.upperBound
            yLimits = low...(low + (high - low) / (1 - f))
        case .log:
            let low = log10(yLimits.lowerBound), high = log10(yLimits.upperBound)
            yLimits = yLimits.lowerBound...pow(10, low + (high - low) / (1 - f))
        }
    }

    /// Palette colours for uncoloured series; an uncoloured band borrows its neighbouring line's colour.
    static func resolveColors(_ artists: [Artist]) throws -> [ResolvedArtist] {
        var next = 0
        func paletteColor() -> Color {
            defer { next += 1 }
            return Color.palette[next % Color.palette.count]
        }
        var colors = [Color?](repeating: nil, count: artists.count)
        // First pass: every artist but uncoloured bands.
        for (i, artist) in artists.enumerated() {
            switch artist {
            case .line(let a): colors[i] = a.color ?? paletteColor()
            case .scatter(let a): colors[i] = a.color ?? paletteColor()
            case .histogram(let a): colors[i] = a.color ?? paletteColor()
            case .bars(let a): colors[i] = a.color ?? paletteColor()
            case .quiver(let a): colors[i] = a.color ?? paletteColor()
            case .band(let a): colors[i] = a.color
            case .referenceLine(let a): colors[i] = a.color
            case .text(let a): colors[i] = a.color
            case .arrow(let a): colors[i] = a.color
            case .polygon(let a): colors[i] = a.fill ?? a.stroke ?? .black
            case .circle(let a): colors[i] = a.fill ?? a.stroke ?? .black
            case .heatMap: colors[i] = .black
            }
        }
        // Second pass: pair each uncoloured band with an adjacent, not yet paired line.
        var paired = Set<Int>()
        func isLine(_ j: Int) -> Bool {
            guard j >= 0, j < artists.count, !paired.contains(j), case .line = artists[j] else { return false }
            return true
        }
        for (i, artist) in artists.enumerated() {
            guard case .band(let band) = artist, band.color == nil else { continue }
            if isLine(i - 1) {
                paired.insert(i - 1); colors[i] = colors[i - 1]
            } else if isLine(i + 1) {
                paired.insert(i + 1); colors[i] = colors[i + 1]
            } else {
                colors[i] = paletteColor()
            }
        }
        return zip(artists, colors).map { ResolvedArtist(artist: $0, color: $1 ?? .black) }
    }

    /// Bar rectangles (grouped side by side) and histogram bins.
    static func resolveBars(_ artists: inout [ResolvedArtist], categories: [String]) throws {
        let barIndices = artists.indices.filter { if case .bars = artists[$0].artist { return true } else { return false } }
        // Spacing of numeric bar positions: the smallest gap between distinct x values.
        var numericX: [Double] = []
        for i in barIndices { if case .bars(let b) = artists[i].artist, let x = b.x { numericX += x } }
        let distinct = Array(Set(numericX.filter(\.isFinite))).sorted()
        let numericSpacing = zip(distinct.dropFirst(), distinct).map { $0 - $1 }.min() ?? 1
        for (series, i) in barIndices.enumerated() {
            guard case .bars(let b) = artists[i].artist else { continue }
            let positions: [Double]
            let spacing: Double
            if let cats = b.categories {
                positions = cats.map { Double(categories.firstIndex(of: $0) ?? 0) }
                spacing = 1
            } else {
                positions = b.x ?? b.heights.indices.map(Double.init)
                spacing = b.x == nil ? 1 : numericSpacing
            }
            let width = b.groupWidth * spacing / Double(barIndices.count)
            let offset = (Double(series) - Double(barIndices.count - 1) / 2) * width
            artists[i].rects = zip(positions, b.heights).enumerated().map { k, pair in
                let (x, h) = pair
                let center = x + offset
                return DataRect(x0: center - width / 2, x1: center + width / 2, y0: 0, y1: h, error: b.errors?[k])
            }
        }
        for i in artists.indices {
            guard case .histogram(let h) = artists[i].artist else { continue }
            let (edges, heights) = try h.binned()
            artists[i].rects = heights.indices.map { DataRect(x0: edges[$0], x1: edges[$0 + 1], y0: 0, y1: heights[$0]) }
        }
    }
}

/// The finite data range along one axis, plus "sticky" values the padding must not cross.
struct AxisBounds: Sendable {
    var low = Double.infinity
    var high = -Double.infinity
    var sticky: [Double] = []

    /// Includes `value` when it can be shown on `scale`.
    mutating func include(_ value: Double, scale: AxisScale) {
        guard value.isFinite, scale == .linear || value > 0 else { return }
        low = min(low, value)
        high = max(high, value)
    }

    /// The range padded by 5 % of its span on each side (in log space on log axes), stopping at
    /// sticky values the data touches; a default when there is no data.
    func paddedLimits(scale: AxisScale) -> ClosedRange<Double> {
        guard low <= high else { return scale == .log ? 1...10 : 0...1 }
        let forward: (Double) -> Double = scale == .log ? { log10($0) } : { $0 }
        let back: (Double) -> Double = scale == .log ? { pow(10, $0) } : { $0 }
        var a = forward(low), b = forward(high)
        if b - a < 1e-12 * max(abs(a), abs(b), 1) {
            let half = scale == .log ? 0.5 : max(abs(a) * 0.1, 0.5)
            a -= half; b += half
            return back(a)...back(b)
        }
        let pad = 0.05 * (b - a)
        var paddedLow = a - pad, paddedHigh = b + pad
        for s in sticky {
            guard scale == .linear || s > 0 else { continue }
            let t = forward(s)
            if t > paddedLow && t <= a + 1e-12 { paddedLow = t }
            if t < paddedHigh && t >= b - 1e-12 { paddedHigh = t }
        }
        return back(paddedLow)...back(paddedHigh)
    }
}

/// The data extent of a panel's artists on both axes.
struct DataExtent {
    var xBounds = AxisBounds()
    var yBounds = AxisBounds()

    init(artists: [ResolvedArtist], xScale: AxisScale, yScale: AxisScale) {
        func add(_ xs: [Double], _ ys: [Double]) {
            for x in xs { xBounds.include(x, scale: xScale) }
            for y in ys { yBounds.include(y, scale: yScale) }
        }
        for r in artists {
            switch r.artist {
            case .line(let a): add(a.x, a.y)
            case .scatter(let a): add(a.x, a.y)
            case .band(let a): add(a.x, a.lower + a.upper)
            case .histogram, .bars:
                for rect in r.rects {
                    let e = rect.error ?? 0
                    add([rect.x0, rect.x1], [rect.y0, rect.y1 + e, rect.y1 - e])
                }
                yBounds.sticky.append(0)
            case .heatMap(let a):
                add([a.xRange.lowerBound, a.xRange.upperBound], [a.yRange.lowerBound, a.yRange.upperBound])
                xBounds.sticky += [a.xRange.lowerBound, a.xRange.upperBound]
                yBounds.sticky += [a.yRange.lowerBound, a.yRange.upperBound]
            case .quiver(let a):
                let s = a.resolvedScale
                add(a.x + zip(a.x, a.u).map { $0 + s * $1 }, a.y + zip(a.y, a.v).map { $0 + s * $1 })
            case .referenceLine(let a):
                if a.orientation == .horizontal { add([], [a.value]) } else { add([a.value], []) }
            case .text(let a): add([a.x], [a.y])
            case .arrow(let a): add([a.fromX, a.toX], [a.fromY, a.toY])
            case .polygon(let a): add(a.x, a.y)
            case .circle(let a): add([a.centerX - a.radius, a.centerX + a.radius], [a.centerY - a.radius, a.centerY + a.radius])
            }
        }
    }
}
