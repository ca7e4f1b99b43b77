import Numerics
import Plotting

/// Domain randomization for the pushing task's pixels: draws ``PushingRenderStyle``s from fixed
/// ranges, the same sequence for the same `RandomSource` seed.
///
/// What varies (each uniformly in its range): the table's colour (any hue, muted), the floor's,
/// the block's (any hue, saturated), the pusher's (dark), the table's texture (plain, checker or
/// horizontal bands), the lighting gradient's direction and strength, the camera's offset, turn and
/// zoom, and the pixel noise. The goal stays green, as in the figures. A table too close in colour to
/// the goal, a pusher too close to the table, or a block too close to the table or the pusher, is drawn again (rejection
/// sampling), so the three stay distinguishable.
///
/// ``PushingRenderStyle/heldOut`` is outside these ranges (``contains(_:)`` is false for it):
/// diagonal stripes are never drawn, and its table is more saturated than any drawn table.
///
/// ```swift
/// let sampler = PushingStyleSampler()
/// var rng = RandomSource(seed: 7)
/// let style = sampler.sample(rng: &rng)
/// ```
public struct PushingStyleSampler: Sendable, Hashable {
    /// Table hue, saturation and value.
    public var tableHue = 0.0...1.0, tableSaturation = 0.0...0.35, tableValue = 0.45...0.95
    /// Floor saturation and value (any hue).
    public var backgroundSaturation = 0.0...0.4, backgroundValue = 0.05...0.45
    /// Block hue, saturation and value. The hue range does not wrap around 1 (red sits at both ends).
    public var blockHue = 0.0...1.0, blockSaturation = 0.55...1.0, blockValue = 0.45...1.0
    /// Pusher saturation and value (any hue).
    public var pusherSaturation = 0.0...0.6, pusherValue = 0.0...0.35
    /// The smallest RGB distance between the table and the goal, the pusher and the table, the block
    /// and the table, and the block and the pusher.
    public var minimumContrast = 0.35
    /// Texture contrast, checker cell side and band period.
    public var textureContrast = 0.0...0.15, checkerCell = 0.1...0.4, bandPeriod = 0.1...0.5
    /// Lighting strength (the angle is any).
    public var lightingStrength = 0.0...0.35
    /// Camera offset per axis (world units), turn (radians) and zoom.
    public var cameraOffset = -0.05...0.05, cameraRotation = -0.05...0.05, cameraZoom = 0.95...1.05
    /// Pixel noise standard deviation.
    public var pixelNoise = 0.0...0.03
    /// When set, the pusher and the block are drawn relative to the table (``RelativeColors``) instead
    /// of from their own hue, saturation and value; nil (the default) keeps the absolute draws.
    public var relativeColors: RelativeColors? = nil

    /// The default ranges.
    public init() {}

    /// The randomization lesson 9 clones its policy with: ``init()``'s ranges with a greyish table and
    /// floor (saturation ≤ 0.1; the table's value 0.6…1) and the block's hue from blue through magenta
    /// to red (0.6…1). At 16 × 16 pixels a policy cloned on the full ranges barely fits (the block's free
    /// hue is what stops it: notes/lesson9-foundations.md, sessions 15 and 17); on these it does.
    /// ``contains(_:)`` is false for ``PushingRenderStyle/heldOut`` (diagonal stripes, a saturated table)
    /// and for ``PushingRenderStyle/figure`` (its light-grey floor is brighter than any drawn floor).
    public static var greyTableBlueToRedBlock: PushingStyleSampler {
        var sampler = PushingStyleSampler()
        sampler.tableSaturation = 0...0.1
        sampler.tableValue = 0.6...1
        sampler.backgroundSaturation = 0...0.1
        sampler.blockHue = 0.6...1
        return sampler
    }

    /// One randomized style.
    public func sample(rng: inout RandomSource) -> PushingRenderStyle {
        func draw(_ range: ClosedRange<Double>) -> Double { rng.uniform(range.lowerBound, range.upperBound) }
        var table: Color, background: Color, pusher: Color, block: Color
        if let relative = relativeColors {
            (table, background, pusher, block) = sampleRelativeColors(relative, rng: &rng)
        } else {
            (table, background) = sampleTableAndBackground(rng: &rng)
            repeat {
                pusher = HSVColor(hue: rng.unit(), saturation: draw(pusherSaturation), value: draw(pusherValue)).rgb
            } while Self.distance(pusher, table) < minimumContrast
            repeat {
                block = HSVColor(hue: draw(blockHue), saturation: draw(blockSaturation), value: draw(blockValue)).rgb
            } while Self.distance(block, table) < minimumContrast || Self.distance(block, pusher) < minimumContrast
        }
        let texture: PushingRenderStyle.Texture
        switch rng.index(below: 3) {
        case 0: texture = .plain
        case 1: texture = .checker(cell: draw(checkerCell), contrast: draw(textureContrast))
        default: texture = .bands(period: draw(bandPeriod), contrast: draw(textureContrast))
        }
        let angle = rng.uniform(0, 2 * Double.pi), strength = draw(lightingStrength)
        let offset = SIMD2(draw(cameraOffset), draw(cameraOffset))
        let rotation = draw(cameraRotation), zoom = draw(cameraZoom), noise = draw(pixelNoise)
        return PushingRenderStyle(
            background: background, table: table, texture: texture, edge: Self.scaled(table, 0.6),
            goal: PushingRenderStyle.figure.goal, goalFillAlpha: PushingRenderStyle.figure.goalFillAlpha,
            block: block, pusher: pusher, lightingAngle: angle, lightingStrength: strength, cameraOffset: offset,
            cameraRotation: rotation, cameraZoom: zoom, pixelNoise: noise)
    }

    /// `count` styles drawn with a random stream of their own, seeded by `seed`: styles to evaluate a policy in
    /// that training (which draws from its own stream) never rendered.
    public func samples(_ count: Int, seed: UInt64) -> [PushingRenderStyle] {
        var rng = RandomSource(seed: seed)
        return (0..<count).map { _ in sample(rng: &rng) }
    }

    /// Whether `style` lies within this sampler's ranges (so `sample` could have drawn it, up to
    /// rounding). False for ``PushingRenderStyle/heldOut``.
    public func contains(_ style: PushingRenderStyle) -> Bool {
        let slack = 1e-9
        func inside(_ x: Double, _ range: ClosedRange<Double>) -> Bool {
            x >= range.lowerBound - slack && x <= range.upperBound + slack
        }
        func inside(_ color: Color, hue: ClosedRange<Double> = 0...1, saturation: ClosedRange<Double>,
                    value: ClosedRange<Double>) -> Bool {
            let hsv = HSVColor(color)
            return inside(hsv.hue, hue) && inside(hsv.saturation, saturation) && inside(hsv.value, value)
        }
        let textureInside: Bool
        switch style.texture {
        case .plain: textureInside = true
        case .checker(let cell, let contrast): textureInside = inside(cell, checkerCell) && inside(contrast, textureContrast)
        case .bands(let period, let contrast): textureInside = inside(period, bandPeriod) && inside(contrast, textureContrast)
        case .diagonalStripes: textureInside = false
        }
        return textureInside
            && inside(style.table, saturation: tableSaturation, value: tableValue)
            && inside(style.background, saturation: backgroundSaturation, value: backgroundValue)
            && inside(style.block, hue: blockHue, saturation: blockSaturation, value: blockValue)
            && inside(style.pusher, saturation: pusherSaturation, value: pusherValue)
            && style.goal == PushingRenderStyle.figure.goal
            && inside(style.lightingStrength, lightingStrength)
            && inside(style.cameraOffset.x, cameraOffset) && inside(style.cameraOffset.y, cameraOffset)
            && inside(style.cameraRotation, cameraRotation) && inside(style.cameraZoom, cameraZoom)
            && inside(style.pixelNoise, pixelNoise)
            && relativeColorsContain(style)
    }

    /// The table's colour (far enough from the goal's) and the floor's, drawn in this order: the first draws of
    /// every style, absolute or relative (``RelativeColors``).
    func sampleTableAndBackground(rng: inout RandomSource) -> (table: Color, background: Color) {
        func draw(_ range: ClosedRange<Double>) -> Double { rng.uniform(range.lowerBound, range.upperBound) }
        var table: Color
        repeat {
            table = HSVColor(hue: draw(tableHue), saturation: draw(tableSaturation), value: draw(tableValue)).rgb
        } while Self.distance(table, PushingRenderStyle.figure.goal) < minimumContrast
        let background = HSVColor(hue: rng.unit(), saturation: draw(backgroundSaturation), value: draw(backgroundValue)).rgb
        return (table, background)
    }

    /// The Euclidean distance between two colours' RGB components.
    public static func distance(_ a: Color, _ b: Color) -> Double {
        let d = SIMD3(a.red - b.red, a.green - b.green, a.blue - b.blue)
        return (d * d).sum().squareRoot()
    }

    /// `color` with its components multiplied by `factor`.
    static func scaled(_ color: Color, _ factor: Double) -> Color {
        Color(red: color.red * factor, green: color.green * factor, blue: color.blue * factor, alpha: color.alpha)
    }
}
