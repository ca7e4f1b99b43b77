import Numerics

/// A fixed-capacity ring of transitions with uniform minibatch sampling, and an optional
/// permanent region for demonstrations that are never overwritten (DQfD / DDPGfD style).
///
/// The ring holds the most recent `capacity` added transitions; the permanent region grows with
/// `addDemonstrations` and empties only with `removeDemonstrations()`. `sample` draws uniformly,
/// with replacement, from both together.
///
/// ```swift
/// var buffer = ReplayBuffer(capacity: 100_000, observationSize: 3, actionSize: 1)
/// try buffer.addDemonstrations(demos)                 // kept forever
/// try buffer.add(observation: s, action: a, reward: r, nextObservation: s2, terminated: false)
/// let batch = try buffer.sample(batchSize: 256, rng: &rng)   // batch.observations: 256 × 3
/// ```
public struct ReplayBuffer: Sendable {
    /// The ring's capacity (the permanent region is extra).
    public let capacity: Int
    /// Numbers per observation.
    public let observationSize: Int
    /// Numbers per action.
    public let actionSize: Int

    private var observations: [Float]
    private var actions: [Float]
    private var rewards: [Float]
    private var nextObservations: [Float]
    private var terminals: [Bool]
    private var timeouts: [Bool]
    private var nextSlot = 0
    /// Transitions in the ring.
    public private(set) var ringCount = 0
    /// Transitions added to the ring over the buffer's life (including overwritten ones).
    public private(set) var totalAdded = 0
    /// The permanent demonstrations.
    public private(set) var demonstrations: TransitionDataset

    /// All stored transitions: ring plus demonstrations.
    public var count: Int { ringCount + demonstrations.count }

    /// An empty buffer whose ring holds `capacity` transitions (at least 1).
    public init(capacity: Int, observationSize: Int, actionSize: Int) {
        self.capacity = max(capacity, 1)
        self.observationSize = observationSize
        self.actionSize = actionSize
        observations = Array(repeating: 0, count: self.capacity * observationSize)
        actions = Array(repeating: 0, count: self.capacity * actionSize)
        rewards = Array(repeating: 0, count: self.capacity)
        nextObservations = Array(repeating: 0, count: self.capacity * observationSize)
        terminals = Array(repeating: false, count: self.capacity)
        timeouts = Array(repeating: false, count: self.capacity)
        demonstrations = TransitionDataset(observationSize: observationSize, actionSize: actionSize)
    }

    /// A buffer holding exactly `dataset` in its ring (a fixed batch for offline RL).
    public init(dataset: TransitionDataset) {
        self.init(capacity: dataset.count, observationSize: dataset.observationSize, actionSize: dataset.actionSize)
        for i in 0..<dataset.count { try! add(dataset[i]) }
    }

    /// Adds a transition to the ring, overwriting the oldest when full.
    ///
    /// - Throws: `DatasetError` for wrong sizes or NaN.
    public mutating func add(_ transition: Transition) throws {
        try check(transition, observationSize: observationSize, actionSize: actionSize, what: "ReplayBuffer")
        let i = nextSlot
        observations.replaceSubrange(i * observationSize..<(i + 1) * observationSize, with: transition.observation)
        nextObservations.replaceSubrange(i * observationSize..<(i + 1) * observationSize, with: transition.nextObservation)
        actions.replaceSubrange(i * actionSize..<(i + 1) * actionSize, with: transition.action)
        rewards[i] = transition.reward
        terminals[i] = transition.terminated
        timeouts[i] = transition.truncated
        nextSlot = (nextSlot + 1) % capacity
        ringCount = min(ringCount + 1, capacity)
        totalAdded += 1
    }

    /// Adds one step to the ring (see `add(_:)`).
    public mutating func add(observation: [Float], action: [Float], reward: Double, nextObservation: [Float],
                             terminated: Bool, truncated: Bool = false) throws {
        try add(Transition(observation: observation, action: action, reward: Float(reward),
                           nextObservation: nextObservation, terminated: terminated, truncated: truncated))
    }

    /// Adds every step of a trajectory to the ring.
    public mutating func add<State>(_ trajectory: Trajectory<State>) throws {
        for transition in trajectory.transitions { try add(transition) }
    }

    /// Adds demonstrations to the permanent region, which is never overwritten.
    public mutating func addDemonstrations(_ dataset: TransitionDataset) throws {
        for i in 0..<dataset.count { try demonstrations.append(dataset[i]) }
    }

    /// Adds the steps of demonstration trajectories to the permanent region.
    public mutating func addDemonstrations<State>(_ trajectories: [Trajectory<State>]) throws {
        for trajectory in trajectories { try demonstrations.append(contentsOf: trajectory) }
    }

    /// Empties the permanent region (the ring is untouched).
    public mutating func removeDemonstrations() {
        demonstrations = TransitionDataset(observationSize: observationSize, actionSize: actionSize)
    }

    /// Transition `index` of `0..<count`: the demonstrations first, then the ring from oldest to newest.
    public subscript(index: Int) -> Transition {
        if index < demonstrations.count { return demonstrations[index] }
        let r = index - demonstrations.count
        let slot = ringCount < capacity ? r : (nextSlot + r) % capacity
        let o = slot * observationSize, a = slot * actionSize
        return Transition(observation: Array(observations[o..<o + observationSize]),
                          action: Array(actions[a..<a + actionSize]), reward: rewards[slot],
                          nextObservation: Array(nextObservations[o..<o + observationSize]),
                          terminated: terminals[slot], truncated: timeouts[slot])
    }

    /// A minibatch of `batchSize` transitions drawn uniformly with replacement from ring and
    /// demonstrations together.
    ///
    /// - Throws: `DatasetError` if the buffer is empty or `batchSize` < 1.
    public func sample(batchSize: Int, rng: inout RandomSource) throws -> TransitionBatch {
        guard count > 0 else { throw DatasetError("ReplayBuffer: cannot sample from an empty buffer") }
        guard batchSize >= 1 else { throw DatasetError("ReplayBuffer: batch size must be at least 1, got \(batchSize)") }
        var batch = emptyBatch(rows: batchSize)
        let demoCount = demonstrations.count
        for _ in 0..<batchSize {
            let index = rng.index(below: count)
            if index < demoCount {
                append(demonstration: index, to: &batch)
            } else {
                append(slot: index - demoCount, to: &batch)
            }
        }
        return batch
    }

    /// The transitions at `indices`, in the order of ``subscript(_:)`` (demonstrations first, then
    /// the ring oldest first), as one batch whose rows are flagged with whether they are
    /// demonstrations: what `self[i]` row by row gives, copied straight from the storage.
    public func batch(rows indices: [Int]) -> TransitionBatch {
        var batch = emptyBatch(rows: indices.count)
        let demoCount = demonstrations.count
        for index in indices {
            precondition(index >= 0 && index < count, "ReplayBuffer.batch(rows:): row \(index) of a buffer of \(count)")
            if index < demoCount {
                append(demonstration: index, to: &batch)
            } else {
                let r = index - demoCount
                append(slot: ringCount < capacity ? r : (nextSlot + r) % capacity, to: &batch)
            }
        }
        return batch
    }

    /// A batch of `n` rows with no rows yet, its arrays' room reserved.
    private func emptyBatch(rows n: Int) -> TransitionBatch {
        let o = observationSize, a = actionSize
        var batch = TransitionBatch(
            count: n, observationSize: o, actionSize: a,
            observations: [], actions: [], rewards: [], nextObservations: [], terminals: [], timeouts: [],
            isDemonstration: [])
        batch.observations.reserveCapacity(n * o)
        batch.nextObservations.reserveCapacity(n * o)
        batch.actions.reserveCapacity(n * a)
        batch.rewards.reserveCapacity(n)
        batch.terminals.reserveCapacity(n)
        batch.timeouts.reserveCapacity(n)
        batch.isDemonstration.reserveCapacity(n)
        return batch
    }

    /// Appends demonstration `index` to `batch` as a row flagged as a demonstration.
    private func append(demonstration index: Int, to batch: inout TransitionBatch) {
        let t = demonstrations[index]
        batch.observations += t.observation
        batch.actions += t.action
        batch.rewards.append(t.reward)
        batch.nextObservations += t.nextObservation
        batch.terminals.append(t.terminated ? 1 : 0)
        batch.timeouts.append(t.truncated ? 1 : 0)
        batch.isDemonstration.append(true)
    }

    /// Appends the ring's storage slot `slot` to `batch` as a row of the agent's own.
    private func append(slot: Int, to batch: inout TransitionBatch) {
        let o = observationSize, a = actionSize
        batch.observations += observations[slot * o..<(slot + 1) * o]
        batch.actions += actions[slot * a..<(slot + 1) * a]
        batch.rewards.append(rewards[slot])
        batch.nextObservations += nextObservations[slot * o..<(slot + 1) * o]
        batch.terminals.append(terminals[slot] ? 1 : 0)
        batch.timeouts.append(timeouts[slot] ? 1 : 0)
        batch.isDemonstration.append(false)
    }

    /// The ring's contents (oldest first) as a dataset, without the demonstrations.
    public var ringContents: TransitionDataset {
        var dataset = TransitionDataset(observationSize: observationSize, actionSize: actionSize)
        for i in demonstrations.count..<count { try! dataset.append(self[i]) }
        return dataset
    }
}
