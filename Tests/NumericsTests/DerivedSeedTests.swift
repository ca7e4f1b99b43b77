import Numerics
import Testing

@Suite("RandomSource.derivedSeed: the kit's one rule for a run's seeds")
struct DerivedSeedTests {
    @Test func computesBaseTimesScalePlusOffsetPlusIndexTimesStride() {
        #expect(RandomSource.derivedSeed(base: 7) == 7)
        #expect(RandomSource.derivedSeed(base: 7, offset: 99) == 106)
        #expect(RandomSource.derivedSeed(base: 7, index: 3) == 10)
        #expect(RandomSource.derivedSeed(base: 7, scale: 1_000, index: 4) == 7_004)
        #expect(RandomSource.derivedSeed(base: 7, scale: 1_000, offset: 77_000) == 84_000)
        #expect(RandomSource.derivedSeed(base: 7, index: 2, stride: 1_000) == 2_007)
        #expect(RandomSource.derivedSeed(base: 3, scale: 1_000_003, indices: [(2, 10_000), (5, 100), (1, 1)])
                == 3 * 1_000_003 + 20_000 + 500 + 1)
    }

    @Test func wrapsAroundLikeTheSeedsItReplaced() {
        let base = UInt64.max - 1
        #expect(RandomSource.derivedSeed(base: base, offset: 3) == base &+ 3)
        #expect(RandomSource.derivedSeed(base: base, scale: 10_007, offset: 1_000_000) == 1_000_000 &+ base &* 10_007)
        #expect(RandomSource.derivedSeed(base: base, scale: 7_919, index: 5, stride: 1_000) == base &* 7_919 &+ 5_000)
    }
}
