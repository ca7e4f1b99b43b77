import Numerics

/// Transitions (s, a, r, s', terminal, timeout) stored in flat arrays, in the order they
/// happened: the replay buffer of an interacting agent and the fixed batch B of batch RL.
///
/// A value type: copying it freezes the data (a fixed batch never grows). `sample` draws a
/// mini-batch uniformly with replacement, as Fujimoto et al.'s replay buffers do.
public struct TransitionBuffer: Sendable, Equatable {
    /// The number of state coordinates.
    public let observationSize: Int
    /// The number of action coordinates.
    public let actionSize: Int
    /// States, `count × observationSize`, row after row.
    public private(set) var observations: [Float] = []
    /// Actions, `count × actionSize`, row after row.
    public private(set) var actions: [Float] = []
    /// Rewards.
    public private(set) var rewards: [Float] = []
    /// Next states, `count × observationSize`, row after row.
    public private(set) var nextObservations: [Float] = []
    /// Whether s' ended the task.
    public private(set) var terminals: [Bool] = []
    /// Whether the time limit cut the episode after this transition.
    public private(set) var timeouts: [Bool] = []

    /// An empty buffer for the given sizes.
    public init(observationSize: Int, actionSize: Int) {
        self.observationSize = observationSize
        self.actionSize = actionSize
    }

    /// The number of transitions.
    public var count: Int { rewards.count }

    /// Whether the buffer holds no transition.
    public var isEmpty: Bool { rewards.isEmpty }

    /// Stores one transition.
    ///
    /// - Throws: ``OfflineExperimentError/invalidData(_:)`` when a vector has the wrong length.
    public mutating func append(observation: [Float], action: [Float], reward: Double, nextObservation: [Float],
                                terminal: Bool, timeout: Bool) throws {
        guard observation.count == observationSize, nextObservation.count == observationSize,
              action.count == actionSize else {
            throw OfflineExperimentError.invalidData("transition with \(observation.count)/\(nextObservation.count) state and "
                                         + "\(action.count) action numbers, buffer expects \(observationSize) and \(actionSize)")
        }
        observations += observation
        actions += action
        rewards.append(Float(reward))
        nextObservations += nextObservation
        terminals.append(terminal)
        timeouts.append(timeout)
    }

    /// Appends every transition of `other` (same sizes).
    public mutating func append(contentsOf other: TransitionBuffer) throws {
        guard other.observationSize == observationSize, other.actionSize == actionSize else {
            throw OfflineExperimentError.invalidData("cannot join buffers of sizes \(observationSize)/\(actionSize) and "
                                         + "\(other.observationSize)/\(other.actionSize)")
        }
        observations += other.observations
        actions += other.actions
        rewards += other.rewards
        nextObservations += other.nextObservations
        terminals += other.terminals
        timeouts += other.timeouts
    }

    /// The first `n` transitions (a prefix of the data in collection order).
    public func prefix(_ n: Int) -> TransitionBuffer {
        let k = Swift.max(0, Swift.min(n, count))
        var copy = TransitionBuffer(observationSize: observationSize, actionSize: actionSize)
        copy.observations = Array(observations.prefix(k * observationSize))
        copy.actions = Array(actions.prefix(k * actionSize))
        copy.rewards = Array(rewards.prefix(k))
        copy.nextObservations = Array(nextObservations.prefix(k * observationSize))
        copy.terminals = Array(terminals.prefix(k))
        copy.timeouts = Array(timeouts.prefix(k))
        return copy
    }

    /// The transitions at `indices` as a mini-batch.
    public func batch(at indices: [Int]) -> OffPolicyBatch {
        let n = indices.count, d = observationSize, k = actionSize
        var s = [Float](repeating: 0, count: n * d), s2 = s
        var a = [Float](repeating: 0, count: n * k)
        var r = [Float](repeating: 0, count: n), t = r, o = r
        for (row, i) in indices.enumerated() {
            for j in 0..<d {
                s[row * d + j] = observations[i * d + j]
                s2[row * d + j] = nextObservations[i * d + j]
            }
            for j in 0..<k { a[row * k + j] = actions[i * k + j] }
            r[row] = rewards[i]
            t[row] = terminals[i] ? 1 : 0
            o[row] = timeouts[i] ? 1 : 0
        }
        // The shapes agree by construction, so this initialiser cannot throw.
        return try! OffPolicyBatch(states: Matrix(rows: n, cols: d, values: s), actions: Matrix(rows: n, cols: k, values: a),
                                   rewards: Matrix(rows: n, cols: 1, values: r),
                                   nextStates: Matrix(rows: n, cols: d, values: s2),
                                   terminals: Matrix(rows: n, cols: 1, values: t), timeouts: Matrix(rows: n, cols: 1, values: o))
    }

    /// `size` transitions drawn uniformly with replacement.
    ///
    /// - Throws: ``OfflineExperimentError/invalidData(_:)`` when the buffer is empty or `size` is not positive.
    public func sample(_ size: Int, rng: inout RandomSource) throws -> OffPolicyBatch {
        guard !isEmpty else { throw OfflineExperimentError.invalidData("cannot sample from an empty buffer") }
        guard size > 0 else { throw OfflineExperimentError.invalidData("the mini-batch size must be positive, got \(size)") }
        return batch(at: (0..<size).map { _ in rng.index(below: count) })
    }

    /// The state of transition `i`.
    public func observation(_ i: Int) -> [Float] {
        Array(observations[(i * observationSize)..<((i + 1) * observationSize)])
    }

    /// The action of transition `i`.
    public func action(_ i: Int) -> [Float] {
        Array(actions[(i * actionSize)..<((i + 1) * actionSize)])
    }
}
