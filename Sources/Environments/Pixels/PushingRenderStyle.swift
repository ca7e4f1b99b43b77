import Plotting

/// How a pushing scene looks in pixels: colours, the table's texture, a lighting gradient, the
/// camera's small offset and the sensor's noise. ``figure`` is the look of the kit's figures;
/// ``PushingStyleSampler`` draws randomized styles (domain randomization); ``heldOut`` is one style
/// the sampler never produces, standing in for the real world.
public struct PushingRenderStyle: Sendable, Hashable {
    /// A pattern on the table, drawn as lighter and darker patches of the table's colour.
    public enum Texture: Sendable, Hashable {
        /// One flat colour.
        case plain
        /// Squares of side `cell` (world units), alternately brightened and darkened by `contrast` (0…1).
        case checker(cell: Double, contrast: Double)
        /// Horizontal bands `period` apart (world units), half of them shifted in brightness by `contrast`.
        case bands(period: Double, contrast: Double)
        /// Diagonal stripes `period` apart: wood-grain-like; the held-out style's texture only.
        case diagonalStripes(period: Double, contrast: Double)
    }

    /// Around the table (the floor).
    public var background: Color
    /// The table top.
    public var table: Color
    /// The pattern on the table.
    public var texture: Texture
    /// The table's edge line.
    public var edge: Color
    /// The goal region (filled with `goalFillAlpha` and outlined).
    public var goal: Color
    /// The opacity of the goal region's fill.
    public var goalFillAlpha: Double
    /// The block.
    public var block: Color
    /// The pusher.
    public var pusher: Color
    /// The direction of increasing light, in radians (0: brighter to the right, π/2: brighter at the top).
    public var lightingAngle: Double
    /// Brightness changes by ±`lightingStrength` from the image's centre to its edges along the angle.
    public var lightingStrength: Double
    /// The camera's shift, in world units (x, y), moving the scene the other way in the image.
    public var cameraOffset: SIMD2<Double>
    /// The camera's turn about the image centre, in radians.
    public var cameraRotation: Double
    /// The camera's zoom (1: the table and a 0.05 margin fill the image, as in the figures).
    public var cameraZoom: Double
    /// The standard deviation of zero-mean (uniform) noise added to every channel of every pixel (0…1 scale).
    public var pixelNoise: Double

    /// A style with every field given.
    public init(background: Color, table: Color, texture: Texture, edge: Color, goal: Color, goalFillAlpha: Double,
                block: Color, pusher: Color, lightingAngle: Double, lightingStrength: Double,
                cameraOffset: SIMD2<Double>, cameraRotation: Double, cameraZoom: Double, pixelNoise: Double) {
        self.background = background
        self.table = table
        self.texture = texture
        self.edge = edge
        self.goal = goal
        self.goalFillAlpha = goalFillAlpha
        self.block = block
        self.pusher = pusher
        self.lightingAngle = lightingAngle
        self.lightingStrength = lightingStrength
        self.cameraOffset = cameraOffset
        self.cameraRotation = cameraRotation
        self.cameraZoom = cameraZoom
        self.pixelNoise = pixelNoise
    }

    /// The figures' look (``BlockPushing/drawTable(into:goal:)`` and ``BlockPushing/drawPath(_:into:label:color:)``):
    /// white table with a black edge, green goal (fill at 25 % opacity, green outline), blue block,
    /// black pusher; no texture, lighting, camera shift or noise.
    public static let figure = PushingRenderStyle(
        background: .lightGray, table: .white, texture: .plain, edge: .black, goal: .green, goalFillAlpha: 0.25,
        block: .blue, pusher: .black, lightingAngle: 0, lightingStrength: 0,
        cameraOffset: .zero, cameraRotation: 0, cameraZoom: 1, pixelNoise: 0)

    /// The "real world": a saturated wooden table with diagonal grain, a red block, a dark slate
    /// pusher, light from the top left, a small camera shift and sensor noise. The sampler never
    /// produces its texture (diagonal stripes) nor a table this saturated
    /// (see ``PushingStyleSampler/contains(_:)``).
    public static let heldOut = PushingRenderStyle(
        background: Color(hex: 0x3A3F47), table: Color(hex: 0xB5773A),
        texture: .diagonalStripes(period: 0.18, contrast: 0.12), edge: Color(hex: 0x4A2F17),
        goal: Color(hex: 0x2E8B57), goalFillAlpha: 0.35, block: Color(hex: 0xC0262D), pusher: Color(hex: 0x2F3B4C),
        lightingAngle: 2.4, lightingStrength: 0.25, cameraOffset: SIMD2(0.03, -0.02), cameraRotation: 0.03,
        cameraZoom: 1.02, pixelNoise: 0.02)
}
