import Datasets

/// Which part of the collected demonstrations a variant is given: the first ``count`` episodes
/// (all by default), each cut after its first ``keptFraction`` of steps (whole by default).
///
/// Fewer demonstrations cover less of where episodes start; a cut demonstration is *partial*: it
/// stops before the block reaches the goal, so it holds no reward, and it ends as if a time limit
/// had cut it (its fewer-than-n-step tail is not stored, ``MultiStepReturns``). Either leaves
/// pre-training a policy that does not solve the task on its own, so that fine-tuning has
/// something to add (lesson 8, way 2, uses the first two demonstrations).
public struct DemonstrationSelection: Sendable, Codable, Equatable {
    /// Use only the first this many demonstrations; `nil` for all of them.
    public var count: Int?
    /// Keep the first ⌈`keptFraction` · T⌉ steps of each demonstration of T steps (1: the whole episode).
    public var keptFraction: Double

    /// A selection (defaults: every demonstration, whole).
    public init(count: Int? = nil, keptFraction: Double = 1) {
        self.count = count
        self.keptFraction = keptFraction
    }

    /// Every demonstration, whole.
    public static let all = DemonstrationSelection()

    /// The selected demonstrations of `demonstrations`, in their order.
    ///
    /// - Throws: ``DemonstrationsRLError`` for a bad selection (see ``validate()``); `DatasetError`
    ///   should a cut trajectory be malformed.
    public func apply<State>(to demonstrations: [Trajectory<State>]) throws -> [Trajectory<State>] {
        try validate()
        let chosen = Array(demonstrations.prefix(count ?? demonstrations.count))
        guard keptFraction < 1 else { return chosen }
        return try chosen.map { demonstration in
            let steps = min(demonstration.count, max(1, Int((keptFraction * Double(demonstration.count)).rounded(.up))))
            guard steps < demonstration.count else { return demonstration }
            return try Trajectory(observations: Array(demonstration.observations[...steps]),
                                  actions: Array(demonstration.actions[..<steps]),
                                  rewards: Array(demonstration.rewards[..<steps]),
                                  infos: Array(demonstration.infos[..<steps]),
                                  states: demonstration.states.isEmpty ? [] : Array(demonstration.states[...steps]),
                                  terminated: false, truncated: true)
        }
    }

    /// Throws ``DemonstrationsRLError`` unless `count` ≥ 1 (when given) and `keptFraction` lies in (0, 1].
    public func validate() throws {
        guard (count ?? 1) >= 1, keptFraction > 0, keptFraction <= 1 else {
            throw DemonstrationsRLError("DemonstrationSelection: need count ≥ 1 and keptFraction in (0, 1], got \(self)")
        }
    }
}
