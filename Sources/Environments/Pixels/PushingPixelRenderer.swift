import Foundation
import Numerics
import Plotting

/// Draws a ``BlockPushing`` state offscreen into a small RGB image: the pixel observation of
/// lesson 9's visuomotor policy.
///
/// The scene is the figures' scene (``BlockPushing/drawTable(into:goal:)``,
/// ``BlockPushing/drawPath(_:into:label:color:)``) with the same geometry read from the
/// environment — table ±`tableHalfSize`, goal, block and pusher radii, the view ±(tableHalfSize +
/// 0.05) — drawn straight onto a ``RasterCanvas`` instead of through a `Figure` (which lays out
/// axes and encodes a PNG: about a thousand times slower, see the renderer's tests). Colours,
/// texture, lighting, camera and noise come from a ``PushingRenderStyle``.
///
/// Discs smaller than `minimumMarkerPixels` in radius are drawn at that radius, so the pusher
/// (radius 0.05, about 1.1 px at 48×48) stays visible.
///
/// The image is `size` × `size` × 3 floats in 0…1, rows from the top, channels last: one row of a
/// batch for ``ConvolutionalEncoder`` with input ``observationShape``. A renderer is not `Sendable`
/// (it owns a Cairo surface): make one per thread.
///
/// ```swift
/// let renderer = try PushingPixelRenderer(environment: env, size: 48)
/// var rng = RandomSource(seed: 1)
/// let pixels = renderer.render(env.state, style: sampler.sample(rng: &rng), rng: &rng)   // 6912 floats
/// ```
public final class PushingPixelRenderer {
    /// The environment whose geometry is drawn (its state is not used).
    public let environment: BlockPushing
    /// The image's side in pixels.
    public let size: Int
    /// The smallest radius, in pixels, a disc is drawn with.
    public var minimumMarkerPixels = 1.5
    private let canvas: RasterCanvas
    private var buffer: [Float]

    /// A renderer of `size` × `size` images of `environment`'s scene.
    /// - Throws: ``PlottingError`` when Cairo cannot make the image.
    public init(environment: BlockPushing = BlockPushing(), size: Int = 48) throws {
        self.environment = environment
        self.size = size
        self.canvas = try RasterCanvas(width: size, height: size)
        self.buffer = [Float](repeating: 0, count: size * size * 3)
    }

    /// The shape of one rendered image: size × size × 3.
    public var observationShape: ImageShape { ImageShape(height: size, width: size, channels: 3) }

    /// Half the side of the world square the camera sees at zoom 1: the figures' axis limits.
    public var viewHalfSize: Double { environment.tableHalfSize + 0.05 }

    /// The image of `state` in `style`, with pixel noise drawn from `rng` (nothing is drawn from
    /// `rng` when the style has no noise).
    public func render(_ state: BlockPushing.State, style: PushingRenderStyle = .figure,
                       rng: inout RandomSource) -> [Float] {
        draw(state, style: style)
        canvas.rgb(into: &buffer)
        applyLighting(style)
        if style.pixelNoise > 0 { addNoise(standardDeviation: Float(style.pixelNoise), rng: &rng) }
        return buffer
    }

    /// The image of `state` in a noise-free `style` (a style with pixel noise needs the `rng:` form).
    public func render(_ state: BlockPushing.State, style: PushingRenderStyle = .figure) -> [Float] {
        precondition(style.pixelNoise == 0, "PushingPixelRenderer.render: a style with pixel noise needs an rng")
        var unused = RandomSource(seed: 0)
        return render(state, style: style, rng: &unused)
    }

    /// A batch of images, one per state, as a matrix (states.count × size·size·3) for a CNN.
    public func renderBatch(_ states: [BlockPushing.State], styles: [PushingRenderStyle],
                            rng: inout RandomSource) -> Matrix {
        precondition(styles.count == states.count || styles.count == 1,
                      "renderBatch: \(styles.count) styles for \(states.count) states (give one, or one each)")
        var values: [Float] = []
        values.reserveCapacity(states.count * observationShape.count)
        for (i, state) in states.enumerated() {
            values += render(state, style: styles.count == 1 ? styles[0] : styles[i], rng: &rng)
        }
        return Matrix(rows: states.count, cols: observationShape.count, values: values)
    }

    /// The canvas after drawing `state` (before lighting and noise), to encode it as PNG.
    func draw(_ state: BlockPushing.State, style: PushingRenderStyle) {
        let half = viewHalfSize / style.cameraZoom
        canvas.setView(centerX: style.cameraOffset.x, centerY: style.cameraOffset.y, halfWidth: half, halfHeight: half,
                       rotation: style.cameraRotation)
        let pixel = canvas.pixelSize
        let t = environment.tableHalfSize
        canvas.fill(style.background)
        canvas.fillRectangle(x: -t, y: -t, width: 2 * t, height: 2 * t, color: style.table)
        drawTexture(style, half: t)
        canvas.strokeRectangle(x: -t, y: -t, width: 2 * t, height: 2 * t, color: style.edge, lineWidth: pixel)
        func radius(_ r: Double) -> Double { max(r, minimumMarkerPixels * pixel) }
        canvas.fillCircle(centerX: state.goal.x, centerY: state.goal.y, radius: radius(environment.goalRadius),
                          color: style.goal.withAlpha(style.goalFillAlpha), stroke: style.goal, lineWidth: pixel)
        canvas.fillCircle(centerX: state.block.x, centerY: state.block.y, radius: radius(environment.blockRadius),
                          color: style.block)
        canvas.fillCircle(centerX: state.pusher.x, centerY: state.pusher.y, radius: radius(environment.pusherRadius),
                          color: style.pusher)
    }

    private func drawTexture(_ style: PushingRenderStyle, half t: Double) {
        func shade(_ contrast: Double) -> Color {
            contrast >= 0 ? Color.white.withAlpha(contrast) : Color.black.withAlpha(-contrast)
        }
        switch style.texture {
        case .plain:
            return
        case .checker(let cell, let contrast):
            canvas.clipRectangle(x: -t, y: -t, width: 2 * t, height: 2 * t)
            let n = Int((2 * t / cell).rounded(.up))
            var light: [(x: Double, y: Double, width: Double, height: Double)] = [], dark = light
            for i in 0..<n {
                for j in 0..<n {
                    let square = (x: -t + Double(i) * cell, y: -t + Double(j) * cell, width: cell, height: cell)
                    if (i + j) % 2 == 0 { light.append(square) } else { dark.append(square) }
                }
            }
            canvas.fillRectangles(light, color: shade(contrast))
            canvas.fillRectangles(dark, color: shade(-contrast))
        case .bands(let period, let contrast):
            canvas.clipRectangle(x: -t, y: -t, width: 2 * t, height: 2 * t)
            var bands: [(x: Double, y: Double, width: Double, height: Double)] = []
            var y = -t
            while y < t {
                bands.append((x: -t, y: y, width: 2 * t, height: period / 2))
                y += period
            }
            canvas.fillRectangles(bands, color: shade(contrast))
        case .diagonalStripes(let period, let contrast):
            canvas.clipRectangle(x: -t, y: -t, width: 2 * t, height: 2 * t)
            var stripes: [[(x: Double, y: Double)]] = []
            var c = -2 * t - period
            let w = period / 2
            while c < 2 * t + period {
                // The band between the lines x + y = c and x + y = c + period / 2.
                stripes.append([(-2 * t, c + 2 * t), (2 * t, c - 2 * t), (2 * t, c - 2 * t + w), (-2 * t, c + 2 * t + w)])
                c += period
            }
            canvas.fillPolygons(stripes, color: shade(-contrast))
        }
        canvas.resetClip()
    }

    /// Adds zero-mean noise of the given standard deviation to every channel, clamped to 0…1: uniform
    /// on ±√3·σ, four 16-bit draws per 64 random bits (several times faster than Gaussian noise,
    /// which would dominate the frame's time).
    private func addNoise(standardDeviation: Float, rng: inout RandomSource) {
        let amplitude = standardDeviation * Float(3).squareRoot()
        let step = 2 * amplitude / 65535
        buffer.withUnsafeMutableBufferPointer { b in
            var i = 0
            while i < b.count {
                var bits = rng.next()
                for _ in 0..<4 where i < b.count {
                    let noise = Float(bits & 0xFFFF) * step - amplitude
                    b[i] = min(max(b[i] + noise, 0), 1)
                    bits >>= 16
                    i += 1
                }
            }
        }
    }

    /// Multiplies each pixel by 1 + strength · (its position along the light's direction), with
    /// positions from −1 to 1 across the image; clamps to 0…1.
    private func applyLighting(_ style: PushingRenderStyle) {
        guard style.lightingStrength != 0 else { return }
        let dx = Float(cos(style.lightingAngle)), dy = Float(sin(style.lightingAngle))
        let s = Float(style.lightingStrength), n = size, inverse = 2 / Float(n)
        buffer.withUnsafeMutableBufferPointer { b in
            for row in 0..<n {
                let v = 1 - (Float(row) + 0.5) * inverse
                for column in 0..<n {
                    let u = (Float(column) + 0.5) * inverse - 1
                    let gain = 1 + s * (u * dx + v * dy)
                    let i = (row * n + column) * 3
                    for k in 0..<3 { b[i + k] = min(max(b[i + k] * gain, 0), 1) }
                }
            }
        }
    }
}
