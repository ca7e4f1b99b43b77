import Numerics

/// A box-shaped space of real vectors, Gymnasium's `spaces.Box`: every coordinate lies in
/// `low[i]...high[i]`.
///
/// Environments describe their observations and actions with a `Box`. Actions outside the action
/// box are clipped to it coordinate-wise, as Gymnasium environments do.
public struct Box: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The lower bound of every coordinate (may be `-Float.infinity`).
    public let low: [Float]
    /// The upper bound of every coordinate (may be `Float.infinity`).
    public let high: [Float]

    /// The shape of one element: a vector of `low.count` numbers.
    public var shape: [Int] { [low.count] }

    /// The number of coordinates.
    public var dimension: Int { low.count }

    /// A box with the given bounds; `low` and `high` must have the same length and `low ≤ high`.
    public init(low: [Float], high: [Float]) {
        precondition(low.count == high.count, "Box: low has \(low.count) entries, high has \(high.count)")
        precondition(zip(low, high).allSatisfy { $0 <= $1 }, "Box: some low bound exceeds its high bound")
        self.low = low
        self.high = high
    }

    /// A box of `dimension` coordinates, each in `low...high`.
    public init(low: Float, high: Float, dimension: Int) {
        self.init(low: Array(repeating: low, count: dimension), high: Array(repeating: high, count: dimension))
    }

    /// `vector` with every coordinate clipped into its bounds (NaN stays NaN).
    public func clip(_ vector: [Float]) -> [Float] {
        var result = vector
        for i in 0..<min(result.count, low.count) {
            result[i] = Swift.min(Swift.max(result[i], low[i]), high[i])
        }
        return result
    }

    /// Whether `vector` has the right length and every coordinate lies within its bounds.
    public func contains(_ vector: [Float]) -> Bool {
        vector.count == low.count && zip(vector, zip(low, high)).allSatisfy { $0 >= $1.0 && $0 <= $1.1 }
    }

    /// A uniform sample from the box; unbounded coordinates are drawn from N(0, 1).
    public func sample(rng: inout RandomSource) -> [Float] {
        (0..<low.count).map { i in
            low[i].isFinite && high[i].isFinite ? rng.uniform(low[i], high[i]) : rng.normal(mean: 0, std: 1)
        }
    }

    /// A readable summary such as `Box(low: [-2.0], high: [2.0])`.
    public var description: String { "Box(low: \(low), high: \(high))" }
}
