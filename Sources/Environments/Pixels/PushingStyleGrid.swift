import Foundation
import Numerics
import Plotting

/// A sheet of pushing observations for a human to look at: per row one state, drawn in the
/// figures' style, in several randomized styles, and in the held-out style, each 48×48 image
/// magnified with visible pixels. Lesson 9's "randomized renders beside the held-out style".
public enum PushingStyleGrid {
    /// `count` states from `environment`'s reset distribution (seeded), the last one with the block
    /// pushed into the goal and the pusher behind it, so that every row shows block, pusher and goal.
    public static func exampleStates(environment: BlockPushing = BlockPushing(), count: Int = 3,
                                     seed: UInt64 = 0) -> [BlockPushing.State] {
        var env = environment
        var rng = RandomSource(seed: seed)
        var states: [BlockPushing.State] = []
        for _ in 0..<max(count - 1, 0) {
            _ = env.reset(rng: &rng)
            states.append(env.state)
        }
        if count > 0 {
            let goal = environment.state.goal
            states.append(BlockPushing.State(pusher: goal - SIMD2(0.13, 0.13), block: goal, goal: goal))
        }
        return states
    }

    /// The sheet as PNG: one row per state; columns "figures' style", `randomizedPerRow` styles
    /// drawn from `sampler` with `seed` (a new style for every image), and "held-out".
    /// Each image is `size` pixels square, drawn `scale` times larger.
    /// - Throws: ``PlottingError`` when Cairo fails.
    public static func png(environment: BlockPushing = BlockPushing(), states: [BlockPushing.State],
                           sampler: PushingStyleSampler = PushingStyleSampler(), randomizedPerRow: Int = 5,
                           seed: UInt64 = 0, size: Int = 48, scale: Int = 3) throws -> Data {
        let renderer = try PushingPixelRenderer(environment: environment, size: size)
        let cell = Double(size * scale), gap = 6.0, groupGap = 18.0, margin = 10.0, header = 26.0
        let columns = randomizedPerRow + 2
        let width = 2 * margin + Double(columns) * cell + Double(columns - 1) * gap + 2 * (groupGap - gap)
        let height = 2 * margin + header + Double(states.count) * cell + Double(max(states.count - 1, 0)) * gap
        let canvas = try RasterCanvas(width: Int(width.rounded()), height: Int(height.rounded()))
        canvas.setPixelView()
        canvas.fill(.white)
        func left(_ column: Int) -> Double {
            var x = margin + Double(column) * (cell + gap)
            if column >= 1 { x += groupGap - gap }
            if column >= columns - 1 { x += groupGap - gap }
            return x
        }
        let font = 13.0
        canvas.text("figures' style", x: left(0), y: margin + font, size: font, color: .black)
        canvas.text("randomized (\(randomizedPerRow) styles per row, seed \(seed))", x: left(1), y: margin + font,
                    size: font, color: .black)
        canvas.text("held-out style", x: left(columns - 1), y: margin + font, size: font, color: .vermillion)
        var rng = RandomSource(seed: seed)
        for (row, state) in states.enumerated() {
            let top = margin + header + Double(row) * (cell + gap)
            var styles = [PushingRenderStyle.figure]
            for _ in 0..<randomizedPerRow { styles.append(sampler.sample(rng: &rng)) }
            styles.append(.heldOut)
            for (column, style) in styles.enumerated() {
                let pixels = renderer.render(state, style: style, rng: &rng)
                canvas.drawRGB(pixels, imageWidth: size, imageHeight: size, x: left(column), y: top,
                               scale: Double(scale))
            }
        }
        return try canvas.pngData()
    }
}
