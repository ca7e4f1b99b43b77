import Numerics
import Plotting

extension PushingStyleSampler {
    /// Block and pusher colours drawn relative to the table (``PushingStyleSampler/relativeColors``).
    ///
    /// Each of the block's and the pusher's colours is the table's plus an RGB offset: a direction
    /// uniform on the sphere (every channel's offset of either sign) times a length uniform in
    /// ``blockDistance`` or ``pusherDistance``. An offset that leaves 0…1 in a channel, or a colour outside the
    /// sampler's block ranges (``PushingStyleSampler/blockHue``, ``PushingStyleSampler/blockSaturation``,
    /// ``PushingStyleSampler/blockValue``) or pusher ranges (``PushingStyleSampler/pusherSaturation``,
    /// ``PushingStyleSampler/pusherValue``), or a block closer than ``PushingStyleSampler/minimumContrast``
    /// to the pusher, is drawn again. Near colours are as likely as far ones, so a block or pusher
    /// a little off the table's colour in any direction (for instance brighter in one channel and darker in
    /// the others) is common rather than rare.
    ///
    /// ```swift
    /// let sampler = PushingStyleSampler.relativeToTable
    /// var rng = RandomSource(seed: 7)
    /// let style = sampler.sample(rng: &rng)    // PushingStyleSampler.distance(style.block, style.table) ≥ 0.25
    /// ```
    public struct RelativeColors: Sendable, Hashable {
        /// The block's RGB distance from the table.
        public var blockDistance = 0.25...1.5
        /// The pusher's RGB distance from the table.
        public var pusherDistance = 0.25...1.7
        /// Draws per colour before the table is drawn again (some tables leave no room for a block or pusher).
        public var attempts = 200

        /// The default distances.
        public init() {}
    }

    /// The relative sampler of lesson 9's session 16 (study only): tables of any hue up to saturation
    /// 0.65 (the held-out table's is 0.68) and value 0.45…1, block and pusher drawn relative to the table
    /// (``RelativeColors``) at least 0.25 from it, the block's hue from blue through magenta to red
    /// (0.6…1). Everything else as ``init()``. ``contains(_:)`` is false for ``PushingRenderStyle/heldOut``
    /// (its diagonal stripes are never drawn, its table is more saturated), while the held-out block's and
    /// pusher's relations to their table (0.32 and 0.59 away, the pusher brighter in blue) lie within
    /// these draws.
    public static var relativeToTable: PushingStyleSampler {
        var sampler = PushingStyleSampler()
        sampler.tableSaturation = 0...0.65
        sampler.tableValue = 0.45...1
        sampler.blockHue = 0.6...1
        sampler.minimumContrast = 0.25
        sampler.relativeColors = RelativeColors()
        return sampler
    }

    /// Table, floor, pusher and block colours for ``RelativeColors``.
    func sampleRelativeColors(_ relative: RelativeColors, rng: inout RandomSource)
        -> (table: Color, background: Color, pusher: Color, block: Color) {
        func draw(_ range: ClosedRange<Double>) -> Double { rng.uniform(range.lowerBound, range.upperBound) }
        func offset(from base: Color, length: ClosedRange<Double>) -> Color? {
            var direction = SIMD3(rng.normal(), rng.normal(), rng.normal())
            let norm = (direction * direction).sum().squareRoot()
            guard norm > 1e-12 else { return nil }
            direction *= draw(length) / norm
            let c = SIMD3(base.red, base.green, base.blue) + direction
            guard c.min() >= 0, c.max() <= 1 else { return nil }
            return Color(red: c.x, green: c.y, blue: c.z)
        }
        func inside(_ x: Double, _ range: ClosedRange<Double>) -> Bool { range.contains(x) }
        while true {
            let (table, background) = sampleTableAndBackground(rng: &rng)
            var pusher: Color?
            for _ in 0..<relative.attempts {
                guard let c = offset(from: table, length: relative.pusherDistance) else { continue }
                let hsv = HSVColor(c)
                if inside(hsv.saturation, pusherSaturation), inside(hsv.value, pusherValue),
                   Self.distance(c, table) >= minimumContrast {
                    pusher = c
                    break
                }
            }
            guard let pusher else { continue }
            for _ in 0..<relative.attempts {
                guard let c = offset(from: table, length: relative.blockDistance) else { continue }
                let hsv = HSVColor(c)
                if inside(hsv.hue, blockHue), inside(hsv.saturation, blockSaturation), inside(hsv.value, blockValue),
                   Self.distance(c, table) >= minimumContrast, Self.distance(c, pusher) >= minimumContrast {
                    return (table, background, pusher, c)
                }
            }
        }
    }

    /// With ``relativeColors`` set, whether the style's block and pusher lie at distances from its table
    /// that the relative draws give; true when it is nil (the absolute ranges are checked by ``contains(_:)``).
    func relativeColorsContain(_ style: PushingRenderStyle) -> Bool {
        guard let relative = relativeColors else { return true }
        let slack = 1e-9
        func inside(_ x: Double, _ range: ClosedRange<Double>) -> Bool {
            x >= range.lowerBound - slack && x <= range.upperBound + slack
        }
        let block = Self.distance(style.block, style.table), pusher = Self.distance(style.pusher, style.table)
        return inside(block, relative.blockDistance) && inside(pusher, relative.pusherDistance)
            && block >= minimumContrast - slack && pusher >= minimumContrast - slack
            && Self.distance(style.block, style.pusher) >= minimumContrast - slack
    }
}
