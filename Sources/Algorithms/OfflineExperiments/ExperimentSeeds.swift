import Numerics

extension FixedBufferExperimentConfiguration {
    /// The seeds of an experiment with `count` seeds starting at `base`: base, base + 1, …
    /// (lesson 6 rebuilds lesson 5's buffers by passing the same seeds).
    public static func seeds(base: UInt64, count: Int) -> [UInt64] {
        (0..<Swift.max(0, count)).map { RandomSource.derivedSeed(base: base, index: $0) }
    }
}
