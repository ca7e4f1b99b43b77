import Environments
import Numerics
import Plotting
import Testing

@Suite("The style sampler relative to the table (lesson 9, session 16)")
struct RelativeStyleSamplerTests {
    @Test("the same seed gives the same styles; another seed others")
    func reproducible() {
        let sampler = PushingStyleSampler.relativeToTable
        func run(_ seed: UInt64) -> [PushingRenderStyle] {
            var rng = RandomSource(seed: seed)
            return (0..<50).map { _ in sampler.sample(rng: &rng) }
        }
        #expect(run(5) == run(5))
        #expect(run(5) != run(6))
    }

    @Test("draws keep the minimum distance, lie in the ranges, and never equal the held-out style")
    func distancesAndHeldOut() {
        let sampler = PushingStyleSampler.relativeToTable
        #expect(sampler.minimumContrast == 0.25)
        #expect(!sampler.contains(.heldOut))
        var rng = RandomSource(seed: 17)
        var pusherBrighterInBlue = 0, blockNear = 0, saturatedTables = 0
        for _ in 0..<3000 {
            let style = sampler.sample(rng: &rng)
            #expect(style != .heldOut)
            #expect(sampler.contains(style))
            if case .diagonalStripes = style.texture { Issue.record("the sampler drew the held-out texture") }
            let table = HSVColor(style.table), block = HSVColor(style.block)
            #expect(table.saturation <= 0.65 + 1e-9)
            #expect(block.hue >= 0.6 - 1e-9)
            #expect(PushingStyleSampler.distance(style.block, style.table) >= 0.25)
            #expect(PushingStyleSampler.distance(style.pusher, style.table) >= 0.25)
            #expect(PushingStyleSampler.distance(style.block, style.pusher) >= 0.25)
            #expect(PushingStyleSampler.distance(style.goal, style.table) >= 0.25)
            pusherBrighterInBlue += style.pusher.blue > style.table.blue ? 1 : 0
            blockNear += PushingStyleSampler.distance(style.block, style.table) < 0.35 ? 1 : 0
            saturatedTables += table.saturation > 0.6 ? 1 : 0
        }
        // The held-out style's relations (pusher brighter than its table in blue; block 0.32 from it) are drawn.
        #expect(pusherBrighterInBlue > 30)
        #expect(blockNear > 30)
        #expect(saturatedTables > 30)
    }

    @Test("the held-out style is excluded only by its texture and table saturation, not by its colour relations")
    func heldOutRelationsInside() {
        let sampler = PushingStyleSampler.relativeToTable
        var style = PushingRenderStyle.heldOut
        #expect(!sampler.contains(style))
        style.texture = .bands(period: 0.18, contrast: 0.12)
        #expect(!sampler.contains(style))    // its table, saturation 0.68, is still outside
        let hsv = HSVColor(style.table)
        style.table = HSVColor(hue: hsv.hue, saturation: 0.65, value: hsv.value).rgb
        style.edge = style.table
        style.background = HSVColor(hue: 0.6, saturation: 0.2, value: 0.3).rgb
        style.goal = PushingRenderStyle.figure.goal
        #expect(sampler.contains(style))
        #expect(PushingStyleSampler.distance(style.block, style.table) < 0.35)
        #expect(style.pusher.blue > style.table.blue)
    }

    @Test("the default sampler has no relative colours")
    func defaultUnchanged() {
        #expect(PushingStyleSampler().relativeColors == nil)
        #expect(PushingStyleSampler().minimumContrast == 0.35)
    }
}
