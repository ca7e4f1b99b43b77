extension Figure {
    /// Checks sizes, settings and every artist's data; throws the first problem found.
    /// - Throws: ``PlottingError/invalidSetting(_:)`` or ``PlottingError/invalidData(_:)``.
    public func validate() throws {
        if let first = buildErrors.first { throw PlottingError.invalidSetting(first) }
        guard width.isFinite, height.isFinite, width >= 1, height >= 1, width <= 100, height <= 100 else {
            throw PlottingError.invalidSetting("figure size must be 1…100 inches, got \(width) × \(height)")
        }
        guard scale.isFinite, scale >= 0.05, scale <= 20 else {
            throw PlottingError.invalidSetting("figure scale must be 0.05…20, got \(scale)")
        }
        guard fontSize.isFinite, fontSize >= 4, fontSize <= 72 else {
            throw PlottingError.invalidSetting("font size must be 4…72 pt, got \(fontSize)")
        }
        for row in 0..<rows {
            for column in 0..<columns {
                try self[row, column].validate(name: "axes (\(row), \(column))")
            }
        }
    }
}

extension Axes {
    /// Checks the axis settings and every artist's data; `name` prefixes the error message.
    /// - Throws: ``PlottingError/invalidSetting(_:)`` or ``PlottingError/invalidData(_:)``.
    public func validate(name: String = "axes") throws {
        func checkLimits(_ limits: ClosedRange<Double>?, _ axis: String, _ scale: AxisScale) throws {
            guard let limits else { return }
            guard limits.lowerBound.isFinite, limits.upperBound.isFinite, limits.lowerBound < limits.upperBound else {
                throw PlottingError.invalidSetting("\(name): \(axis) limits \(limits) must be finite with lower < upper")
            }
            if scale == .log && limits.lowerBound <= 0 {
                throw PlottingError.invalidSetting("\(name): \(axis) limits \(limits) must be positive on a log axis")
            }
        }
        try checkLimits(xLimits, "x", xScale)
        try checkLimits(yLimits, "y", yScale)
        for (index, artist) in artists.enumerated() {
            try artist.validate(name: "\(name), artist \(index + 1)")
        }
    }
}

extension Artist {
    /// Checks this artist's data; `name` prefixes the error message.
    /// - Throws: ``PlottingError/invalidData(_:)``.
    public func validate(name: String) throws {
        func fail(_ message: String) -> PlottingError {
            let what = label.map { " '\($0)'" } ?? ""
            return PlottingError.invalidData("\(name) (\(kind)\(what)): \(message)")
        }
        func same(_ a: [Double], _ aName: String, _ b: [Double], _ bName: String) throws {
            guard a.count == b.count else {
                throw fail("\(aName) has \(a.count) values but \(bName) has \(b.count)")
            }
        }
        func positive(_ v: Double, _ what: String) throws {
            guard v.isFinite, v > 0 else { throw fail("\(what) must be positive and finite, got \(v)") }
        }
        switch self {
        case .line(let a):
            try same(a.x, "x", a.y, "y")
            try positive(a.width, "width")
        case .scatter(let a):
            try same(a.x, "x", a.y, "y")
            try positive(a.size, "size")
        case .band(let a):
            try same(a.x, "x", a.lower, "lower")
            try same(a.x, "x", a.upper, "upper")
        case .histogram(let a):
            guard a.bins >= 1, a.bins <= 100_000 else { throw fail("bins must be 1…100000, got \(a.bins)") }
            if let r = a.range, !(r.lowerBound.isFinite && r.upperBound.isFinite && r.lowerBound < r.upperBound) {
                throw fail("range \(r) must be finite with lower < upper")
            }
            guard a.values.contains(where: \.isFinite) else { throw fail("no finite values") }
        case .bars(let a):
            if let c = a.categories, c.count != a.heights.count {
                throw fail("\(c.count) categories but \(a.heights.count) heights")
            }
            if let x = a.x { try same(x, "x", a.heights, "heights") }
            if let e = a.errors { try same(e, "errors", a.heights, "heights") }
            guard a.groupWidth > 0, a.groupWidth <= 1 else { throw fail("groupWidth must be in (0, 1]") }
        case .heatMap(let a):
            guard let first = a.values.first, !first.isEmpty else { throw fail("values is empty") }
            for (i, row) in a.values.enumerated() where row.count != first.count {
                throw fail("row \(i) has \(row.count) values but row 0 has \(first.count)")
            }
            for r in [a.xRange, a.yRange] where !(r.lowerBound.isFinite && r.upperBound.isFinite && r.lowerBound < r.upperBound) {
                throw fail("range \(r) must be finite with lower < upper")
            }
        case .quiver(let a):
            try same(a.x, "x", a.y, "y")
            try same(a.x, "x", a.u, "u")
            try same(a.x, "x", a.v, "v")
            if let s = a.scale { try positive(s, "scale") }
        case .referenceLine(let a):
            guard a.value.isFinite else { throw fail("value must be finite, got \(a.value)") }
            try positive(a.width, "width")
        case .text(let a):
            guard a.x.isFinite, a.y.isFinite else { throw fail("position must be finite") }
        case .arrow(let a):
            guard [a.fromX, a.fromY, a.toX, a.toY].allSatisfy(\.isFinite) else { throw fail("end points must be finite") }
        case .polygon(let a):
            try same(a.x, "x", a.y, "y")
            guard a.x.count >= 2 else { throw fail("needs at least 2 points, got \(a.x.count)") }
        case .circle(let a):
            guard a.centerX.isFinite, a.centerY.isFinite else { throw fail("centre must be finite") }
            try positive(a.radius, "radius")
        }
    }

    /// A short name of the artist's kind, for messages.
    public var kind: String {
        switch self {
        case .line: return "line"
        case .scatter: return "scatter"
        case .band: return "band"
        case .histogram: return "histogram"
        case .bars: return "bars"
        case .heatMap: return "heat map"
        case .quiver: return "quiver"
        case .referenceLine: return "reference line"
        case .text: return "text"
        case .arrow: return "arrow"
        case .polygon: return "polygon"
        case .circle: return "circle"
        }
    }
}
