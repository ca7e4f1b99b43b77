import Environments
import Foundation
import Numerics
import Plotting
import Testing

/// The pushing task's pixel observations: geometry, determinism, the randomization sampler and
/// its held-out style, the grid sheet, and the renderer's speed (printed, not asserted).
@Suite("Pixels of the pushing task")
struct PixelRenderingTests {
    static let state = BlockPushing.State(pusher: [-0.5, -0.3], block: [0.0, 0.2])

    /// The RGB of the pixel under world point (x, y) in a figure-style render (zoom 1, no offset).
    static func pixel(_ image: [Float], _ renderer: PushingPixelRenderer, x: Double, y: Double) -> SIMD3<Float> {
        let half = renderer.viewHalfSize, n = Double(renderer.size)
        let column = Int((x + half) / (2 * half) * n), row = Int((half - y) / (2 * half) * n)
        let i = (row * renderer.size + column) * 3
        return SIMD3(image[i], image[i + 1], image[i + 2])
    }

    static func rgb(_ color: Color) -> SIMD3<Float> { SIMD3(Float(color.red), Float(color.green), Float(color.blue)) }

    static func close(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ tolerance: Float = 0.08) -> Bool {
        let d = a - b
        return (d * d).sum().squareRoot() < tolerance
    }

    @Test("a 48×48×3 image in 0…1 with the figures' colours where block, pusher, goal and floor are")
    func figureStyleGeometry() throws {
        let renderer = try PushingPixelRenderer(size: 48)
        let image = renderer.render(Self.state)
        #expect(image.count == 48 * 48 * 3)
        #expect(renderer.observationShape == ImageShape(height: 48, width: 48, channels: 3))
        #expect(image.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(Self.close(Self.pixel(image, renderer, x: 0, y: 0.2), Self.rgb(.blue)))
        #expect(Self.close(Self.pixel(image, renderer, x: -0.5, y: -0.3), Self.rgb(.black), 0.3))
        #expect(Self.close(Self.pixel(image, renderer, x: -0.6, y: 0.7), Self.rgb(.white)))
        let goalFill = Self.rgb(.white) * 0.75 + Self.rgb(.green) * 0.25
        #expect(Self.close(Self.pixel(image, renderer, x: 0.5, y: 0.5), goalFill))
        // The corner pixel: the floor (light grey) partly covered by the table's one-pixel edge line.
        #expect(image[0] == image[1] && image[1] == image[2] && image[0] > 0.5 && image[0] <= Float(Color.lightGray.red))
    }

    @Test("the block's pixels follow the block: their centroid is within a pixel of its position")
    func blockCentroid() throws {
        let renderer = try PushingPixelRenderer(size: 48)
        for block in [SIMD2(-0.4, 0.3), SIMD2(0.25, -0.6), SIMD2(0.7, 0.1)] {
            let image = renderer.render(BlockPushing.State(pusher: [-0.9, -0.9], block: block))
            var sum = SIMD2<Double>.zero, count = 0.0
            for row in 0..<48 {
                for column in 0..<48 {
                    let i = (row * 48 + column) * 3
                    if Self.close(SIMD3(image[i], image[i + 1], image[i + 2]), Self.rgb(.blue), 0.1) {
                        sum += SIMD2(Double(column) + 0.5, Double(row) + 0.5)
                        count += 1
                    }
                }
            }
            let scale = 48 / (2 * renderer.viewHalfSize)
            let expected = SIMD2((block.x + renderer.viewHalfSize) * scale, (renderer.viewHalfSize - block.y) * scale)
            let centroid = sum / count
            #expect(count >= 9, "only \(count) block pixels")
            #expect(abs(centroid.x - expected.x) < 1 && abs(centroid.y - expected.y) < 1, "\(centroid) vs \(expected)")
        }
    }

    @Test("the same seed gives the same styles and the same noisy pixels")
    func deterministic() throws {
        let sampler = PushingStyleSampler()
        let renderer = try PushingPixelRenderer(size: 32)
        func run(_ seed: UInt64) -> ([PushingRenderStyle], [Float]) {
            var rng = RandomSource(seed: seed)
            let styles = (0..<5).map { _ in sampler.sample(rng: &rng) }
            return (styles, renderer.render(Self.state, style: styles[4], rng: &rng))
        }
        let (a, b, c) = (run(3), run(3), run(4))
        #expect(a.0 == b.0 && a.1 == b.1)
        #expect(a.0 != c.0 && a.1 != c.1)
    }

    @Test("the sampler's styles lie in its ranges and differ; the held-out style is never drawn")
    func heldOutNeverSampled() {
        let sampler = PushingStyleSampler()
        #expect(!sampler.contains(.heldOut))
        var rng = RandomSource(seed: 11)
        var textures = Set<String>()
        for _ in 0..<3000 {
            let style = sampler.sample(rng: &rng)
            #expect(sampler.contains(style))
            #expect(style != .heldOut)
            if case .diagonalStripes = style.texture { Issue.record("the sampler drew the held-out texture") }
            textures.insert("\(style.texture)".components(separatedBy: "(")[0])
            #expect(PushingStyleSampler.distance(style.block, style.table) >= sampler.minimumContrast)
            #expect(PushingStyleSampler.distance(style.pusher, style.table) >= sampler.minimumContrast)
            #expect(PushingStyleSampler.distance(style.goal, style.table) >= sampler.minimumContrast)
            #expect(PushingStyleSampler.distance(style.block, style.pusher) >= sampler.minimumContrast)
        }
        #expect(textures == ["plain", "checker", "bands"])
        // The sampler is a value that crosses threads.
        let shared: any Sendable = sampler
        #expect(shared is PushingStyleSampler)
    }

    @Test("lesson 9's cloning randomization: greyish tables, blue-to-red blocks, neither the figures' nor the held-out style")
    func greyTableBlueToRedBlock() {
        let sampler = PushingStyleSampler.greyTableBlueToRedBlock
        #expect(!sampler.contains(.heldOut), "the held-out style must lie outside the randomization")
        #expect(!sampler.contains(.figure), "the figures' style (light-grey floor) lies outside it too, as lesson 9 says")
        var rng = RandomSource(seed: 5)
        for _ in 0..<1000 {
            let style = sampler.sample(rng: &rng)
            #expect(sampler.contains(style))
            let table = HSVColor(style.table), block = HSVColor(style.block)
            #expect(table.saturation <= 0.1 + 1e-9 && table.value >= 0.6 - 1e-9, "a greyish, light table: \(table)")
            #expect(block.hue >= 0.6 - 1e-9, "a block from blue through magenta to red: \(block)")
        }
    }

    @Test("HSV round trip")
    func hsvRoundTrip() {
        for color in [Color.blue, .orange, .green, .vermillion, .purple, .gray, .white, .black, PushingRenderStyle.heldOut.table] {
            let back = HSVColor(color).rgb
            #expect(abs(back.red - color.red) < 1e-9 && abs(back.green - color.green) < 1e-9
                    && abs(back.blue - color.blue) < 1e-9, "\(color)")
        }
    }

    @Test("a batch of renders is a matrix for the encoder")
    func batch() throws {
        let renderer = try PushingPixelRenderer(size: 48)
        var rng = RandomSource(seed: 0)
        let states = PushingStyleGrid.exampleStates(count: 4, seed: 2)
        let batch = renderer.renderBatch(states, styles: [.heldOut], rng: &rng)
        #expect(batch.rows == 4 && batch.cols == renderer.observationShape.count)
        #expect(batch.row(0) != batch.row(1))
    }

    @Test("the grid sheet: figures' style, randomized styles and the held-out style (PNG)")
    func grid() throws {
        let states = PushingStyleGrid.exampleStates(count: 3, seed: 1)
        let png = try PushingStyleGrid.png(states: states, randomizedPerRow: 5, seed: 9)
        let image = try RasterImage(png: png)
        #expect(image.height == 2 * 10 + 26 + 3 * 144 + 2 * 6)
        #expect(image.width == 2 * 10 + 7 * 144 + 6 * 6 + 2 * 12)
        let path = ProcessInfo.processInfo.environment["PIXELS_GRID_PNG"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("pushing-style-grid.png").path
        try png.write(to: URL(fileURLWithPath: path))
    }

    @Test("rendering speed (printed): canvas renders, randomized renders, and a Figure for comparison")
    func speed() throws {
        let renderer = try PushingPixelRenderer(size: 48)
        var rng = RandomSource(seed: 0)
        let sampler = PushingStyleSampler()
        let styles = (0..<64).map { _ in sampler.sample(rng: &rng) }
        let states = PushingStyleGrid.exampleStates(count: 64, seed: 3)
        let clock = ContinuousClock()
        func framesPerSecond(_ frames: Int, _ body: (Int) throws -> Void) rethrows -> Double {
            let start = clock.now
            for i in 0..<frames { try body(i) }
            let elapsed = clock.now - start
            return Double(frames) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let plain = framesPerSecond(4000) { _ = renderer.render(states[$0 % 64]) }
        let randomized = framesPerSecond(4000) { _ = renderer.render(states[$0 % 64], style: styles[$0 % 64], rng: &rng) }
        var quiet = styles
        for i in quiet.indices { quiet[i].pixelNoise = 0 }
        let noiseless = framesPerSecond(4000) { _ = renderer.render(states[$0 % 64], style: quiet[$0 % 64]) }
        let env = BlockPushing()
        // The figures' own path: a Figure with the same drawing calls, encoded as a 48×48 PNG and decoded.
        let throughFigure: String
        do {
            let fps = try framesPerSecond(20) { i in
                var figure = Figure(width: 1, height: 1)
                env.drawTable(into: &figure.ax)
                env.drawPath([states[i]], into: &figure.ax)
                _ = try RasterImage(png: try figure.data(format: .png, pngScale: 0.48))
            }
            throughFigure = String(format: "%.0f frames/s", fps)
        } catch {
            throughFigure = "failed (\(error))"
        }
        print(String(format: "pixels 48×48: figure style %.0f frames/s, randomized styles %.0f frames/s (%.0f without their noise), ",
                     plain, randomized, noiseless) + "through Figure + PNG decode " + throughFigure)
        #expect(plain > 0 && randomized > 0)
    }
}
