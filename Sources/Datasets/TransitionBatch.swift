/// A minibatch of transitions as flat row-major `Float` arrays with their shapes, ready to be
/// wrapped in Float32 matrices: `observations` is [count, observationSize], and so on.
public struct TransitionBatch: Sendable, Equatable {
    /// Rows in the batch.
    public let count: Int
    /// Columns of `observations` and `nextObservations`.
    public let observationSize: Int
    /// Columns of `actions`.
    public let actionSize: Int
    /// [count, observationSize].
    public var observations: [Float]
    /// [count, actionSize].
    public var actions: [Float]
    /// [count].
    public var rewards: [Float]
    /// [count, observationSize].
    public var nextObservations: [Float]
    /// [count]: 1 where the episode terminated after the transition (no bootstrap), else 0.
    public var terminals: [Float]
    /// [count]: 1 where the episode hit its time limit after the transition, else 0.
    public var timeouts: [Float]
    /// [count]: whether the row came from the buffer's permanent demonstration region.
    public var isDemonstration: [Bool]

    /// The shape of `observations` and `nextObservations`.
    public var observationShape: [Int] { [count, observationSize] }
    /// The shape of `actions`.
    public var actionShape: [Int] { [count, actionSize] }
}
