extension RandomSource {
    /// The seed of one random stream of a run, derived from the run's base seed by the kit's one
    /// rule, in wrapping 64-bit arithmetic:
    ///
    ///     base · scale + offset + index · stride
    ///
    /// `offset` names the stream (the evaluation episodes, the demonstrations, a side
    /// experiment), `index` numbers the runs within it `stride` apart, and `scale` spaces the
    /// streams of consecutive base seeds apart. Every seed a lesson or an experiment uses besides
    /// its base seed comes from here, so that two streams are easy to keep apart and a seed is
    /// found by its name rather than by reading arithmetic.
    ///
    /// ```swift
    /// let probe = RandomSource.derivedSeed(base: seed, offset: 99)                  // seed + 99
    /// let run = RandomSource.derivedSeed(base: seed, scale: 1_000, index: i)        // seed·1000 + i
    /// let demos = RandomSource.derivedSeed(base: seed, scale: 1_000, offset: 77_000) // 77 000 + seed·1000
    /// ```
    ///
    /// - Precondition: `index` ≥ 0.
    public static func derivedSeed(base: UInt64, scale: UInt64 = 1, offset: UInt64 = 0, index: Int = 0,
                                   stride: UInt64 = 1) -> UInt64 {
        derivedSeed(base: base, scale: scale, offset: offset, indices: [(index, stride)])
    }

    /// The seed of a run numbered by several indices, base · scale + offset + Σ indexₖ · strideₖ
    /// (wrapping): e.g. a seed per (method, demonstration count, repetition).
    ///
    /// - Precondition: every index ≥ 0.
    public static func derivedSeed(base: UInt64, scale: UInt64 = 1, offset: UInt64 = 0,
                                   indices: [(index: Int, stride: UInt64)]) -> UInt64 {
        indices.reduce(base &* scale &+ offset) { $0 &+ UInt64($1.index) &* $1.stride }
    }
}
