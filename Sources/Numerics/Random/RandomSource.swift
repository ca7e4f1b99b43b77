import Foundation

/// A seeded pseudo-random number generator: xoshiro256** seeded through SplitMix64.
///
/// The kit has no global random state. Every function that draws random numbers takes a
/// `RandomSource` (usually `inout`), so a seed fixes every number a lesson prints and every
/// figure it draws. `split()` derives an independent stream, which lets an experiment give each
/// seed, environment or network its own generator without the draws of one shifting another.
///
/// ```swift
/// var rng = RandomSource(seed: 42)
/// let u = rng.uniform(-1, 1)        // U[-1, 1)
/// let z = rng.normal()              // N(0, 1)
/// var envRNG = rng.split()          // an independent stream
/// ```
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// A second normal deviate left over from the last Box–Muller pair, if any.
    private var spareNormal: Double?

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&sm)
        s1 = splitMix(&sm)
        s2 = splitMix(&sm)
        s3 = splitMix(&sm)
        spareNormal = nil
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A new generator with a stream independent of this one's; advances this generator.
    public mutating func split() -> RandomSource {
        RandomSource(seed: next())
    }

    /// A uniform `Double` in [0, 1), with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// A uniform `Float` in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        Float(uniform(Double(low), Double(high)))
    }

    /// A normal deviate with the given mean and standard deviation (Box–Muller).
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return mean + std * z
        }
        var u1 = unit()
        while u1 <= .leastNormalMagnitude { u1 = unit() }
        let u2 = unit()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * sin(angle)
        return mean + std * radius * cos(angle)
    }

    /// A normal `Float` deviate.
    public mutating func normal(mean: Float, std: Float) -> Float {
        Float(normal(mean: Double(mean), std: Double(std)))
    }

    /// A uniform integer in `0..<count`.
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "RandomSource.index(below:) needs a positive count, got \(count)")
        return Int(next(upperBound: UInt64(count)))
    }

    /// An index drawn with the given (unnormalised, non-negative) weights.
    public mutating func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0 && total.isFinite, "RandomSource.categorical needs positive finite weights, got \(weights)")
        var u = unit() * total
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return i }
        }
        return weights.count - 1
    }

    /// `true` with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool {
        unit() < p
    }

    /// The elements of `collection` in a random order (Fisher–Yates).
    @inlinable  // specialised in the caller's module: unspecialised, a PPO epoch's shuffle took 11 % of lesson 7
    public mutating func shuffled<C: Collection>(_ collection: C) -> [C.Element] {
        var items = Array(collection)
        if items.count > 1 {
            for i in stride(from: items.count - 1, to: 0, by: -1) {
                items.swapAt(i, index(below: i + 1))
            }
        }
        return items
    }
}
