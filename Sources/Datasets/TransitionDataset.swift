import Foundation

/// A fixed batch of transitions in D4RL's layout: one flat row-major `Float` array per field,
/// ready to become a Float32 matrix, and the NPZ file format with D4RL / d3rlpy key names.
///
/// Keys and types in the `.npz`: `observations` float32 [N, obs], `actions` float32 [N, act],
/// `rewards` float32 [N], `next_observations` float32 [N, obs], `terminals` bool [N],
/// `timeouts` bool [N]. In Python:
/// ```python
/// d = numpy.load("demos.npz"); d["observations"].shape   # (N, obs)
/// ```
/// Loading also accepts float64 numbers (converted), 0/1 numbers for the flags, 1-D
/// observations/actions (size 1), rewards and flags of shape [N, 1], and a missing `timeouts`
/// (all false, as in older D4RL files).
public struct TransitionDataset: Sendable, Equatable, Codable {
    /// Numbers per observation.
    public let observationSize: Int
    /// Numbers per action.
    public let actionSize: Int
    /// [count, observationSize], row-major.
    public private(set) var observations: [Float] = []
    /// [count, actionSize], row-major.
    public private(set) var actions: [Float] = []
    /// [count].
    public private(set) var rewards: [Float] = []
    /// [count, observationSize], row-major.
    public private(set) var nextObservations: [Float] = []
    /// [count]: the episode ended inside the task after this transition.
    public private(set) var terminals: [Bool] = []
    /// [count]: the episode hit its time limit after this transition.
    public private(set) var timeouts: [Bool] = []

    /// The number of transitions.
    public var count: Int { rewards.count }

    /// An empty dataset for the given sizes.
    public init(observationSize: Int, actionSize: Int) {
        self.observationSize = observationSize
        self.actionSize = actionSize
    }

    /// The transitions of `trajectories`, in order (sizes from the first trajectory).
    ///
    /// - Throws: `DatasetError` if the trajectories are empty or their sizes differ.
    public init<State>(trajectories: [Trajectory<State>]) throws {
        guard let first = trajectories.first(where: { $0.count > 0 }) else {
            throw DatasetError("TransitionDataset: no transitions in the trajectories")
        }
        self.init(observationSize: first.observations[0].count, actionSize: first.actions[0].count)
        for trajectory in trajectories { try append(contentsOf: trajectory) }
    }

    /// Appends one transition.
    ///
    /// - Throws: `DatasetError` if its sizes differ from the dataset's or it holds NaN.
    public mutating func append(_ transition: Transition) throws {
        try check(transition, observationSize: observationSize, actionSize: actionSize, what: "TransitionDataset")
        observations += transition.observation
        actions += transition.action
        rewards.append(transition.reward)
        nextObservations += transition.nextObservation
        terminals.append(transition.terminated)
        timeouts.append(transition.truncated)
    }

    /// Appends the transitions of a trajectory.
    ///
    /// - Throws: `DatasetError` as `append(_:)`.
    public mutating func append<State>(contentsOf trajectory: Trajectory<State>) throws {
        for transition in trajectory.transitions { try append(transition) }
    }

    /// Transition `index`.
    public subscript(index: Int) -> Transition {
        let o = index * observationSize, a = index * actionSize
        return Transition(observation: Array(observations[o..<o + observationSize]),
                          action: Array(actions[a..<a + actionSize]), reward: rewards[index],
                          nextObservation: Array(nextObservations[o..<o + observationSize]),
                          terminated: terminals[index], truncated: timeouts[index])
    }

    /// The six arrays under their D4RL names, in the order they are saved.
    public func npyArrays() throws -> [(key: String, array: NPYArray)] {
        [("observations", try NPYArray(observations, shape: [count, observationSize])),
         ("actions", try NPYArray(actions, shape: [count, actionSize])),
         ("rewards", try NPYArray(rewards, shape: [count])),
         ("next_observations", try NPYArray(nextObservations, shape: [count, observationSize])),
         ("terminals", try NPYArray(terminals, shape: [count])),
         ("timeouts", try NPYArray(timeouts, shape: [count]))]
    }

    /// Saves the dataset as an uncompressed `.npz` with D4RL key names.
    ///
    /// - Throws: `NPZError` if the file cannot be written.
    public func save(to url: URL) throws {
        try NPZFile.write(npyArrays(), to: url)
    }

    /// Loads a dataset saved by the kit or by NumPy (`np.savez(path, observations=..., ...)`).
    ///
    /// - Throws: `NPZError` naming the file and the problem: unreadable or malformed file, a
    ///   missing key, a wrong dtype, or shapes that do not agree.
    public static func load(from url: URL) throws -> TransitionDataset {
        try TransitionDataset(arrays: NPZFile.read(from: url), file: url.lastPathComponent)
    }

    /// A dataset from arrays keyed by D4RL names (see `load(from:)`); `file` names them in errors.
    public init(arrays: [String: NPYArray], file: String = "dataset") throws {
        func array(_ key: String) throws -> NPYArray {
            guard let a = arrays[key] else {
                throw NPZError("\(file): missing key '\(key)' (has \(arrays.keys.sorted().joined(separator: ", ")))")
            }
            return a
        }
        let obs = try array("observations"), act = try array("actions"), rew = try array("rewards")
        let next = try array("next_observations"), term = try array("terminals")
        guard let n = obs.shape.first else {
            throw NPZError("\(file): 'observations' is a single number (shape ()); expected one row per transition, shape [n, k]")
        }
        func width(_ a: NPYArray, _ key: String, vector: Bool) throws -> Int {
            let shape = a.shape
            guard shape.first == n else {
                throw NPZError("\(file): '\(key)' has \(shape.first.map(String.init) ?? "no") rows, 'observations' has \(n)")
            }
            switch shape.count {
            case 1: return 1
            case 2 where !vector || shape[1] == 1: return shape[1]
            default:
                throw NPZError("\(file): '\(key)' has shape \(shape); expected [\(n)]\(vector ? " or [\(n), 1]" : " or [\(n), k]")")
            }
        }
        let obsWidth = try width(obs, "observations", vector: false)
        let actWidth = try width(act, "actions", vector: false)
        _ = try width(rew, "rewards", vector: true)
        guard try width(next, "next_observations", vector: false) == obsWidth else {
            throw NPZError("\(file): 'next_observations' has shape \(next.shape) but 'observations' has \(obs.shape)")
        }
        _ = try width(term, "terminals", vector: true)
        self.init(observationSize: obsWidth, actionSize: actWidth)
        func named(_ error: Error) -> Error {
            (error as? NPZError).map { NPZError("\(file): \($0.description)") } ?? error
        }
        do {
            observations = try obs.floats(name: "observations")
            actions = try act.floats(name: "actions")
            rewards = try rew.floats(name: "rewards")
            nextObservations = try next.floats(name: "next_observations")
            terminals = try term.bools(name: "terminals")
            if let t = arrays["timeouts"] {
                _ = try width(t, "timeouts", vector: true)
                timeouts = try t.bools(name: "timeouts")
            } else {
                timeouts = Array(repeating: false, count: n)
            }
        } catch {
            throw named(error)
        }
        // The same rule as for appended transitions: no NaN or infinity enters a dataset.
        for (key, values) in [("observations", observations), ("actions", actions), ("rewards", rewards),
                              ("next_observations", nextObservations)] {
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                let row = index / max(values.count / max(n, 1), 1)
                throw NPZError("\(file): '\(key)' holds \(values[index]) in row \(row); a dataset must be finite")
            }
        }
    }
}

/// A problem with a dataset or a replay buffer, as a one-line message.
public struct DatasetError: Error, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    /// An error with the given message.
    public init(_ description: String) {
        self.description = description
    }
}

/// Checks a transition's sizes and that it holds no NaN.
func check(_ t: Transition, observationSize: Int, actionSize: Int, what: String) throws {
    guard t.observation.count == observationSize, t.nextObservation.count == observationSize else {
        throw DatasetError("\(what): observations of size \(t.observation.count)/\(t.nextObservation.count), expected \(observationSize)")
    }
    guard t.action.count == actionSize else {
        throw DatasetError("\(what): action of size \(t.action.count), expected \(actionSize)")
    }
    guard !t.reward.isNaN, !t.observation.contains(where: \.isNaN), !t.action.contains(where: \.isNaN),
          !t.nextObservation.contains(where: \.isNaN) else {
        throw DatasetError("\(what): transition contains NaN")
    }
}
