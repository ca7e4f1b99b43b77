/// A table of action values Q(s, a) of a finite MDP.
public struct QTable: Sendable, Equatable, Codable {
    /// The number of states.
    public let stateCount: Int
    /// The number of actions.
    public let actionCount: Int
    /// The values, state after state (`values[s * actionCount + a]`).
    public private(set) var values: [Double]

    /// A table with every entry equal to `initialValue` (an optimistic start, when large).
    public init(stateCount: Int, actionCount: Int, initialValue: Double = 0) {
        precondition(stateCount > 0 && actionCount > 0, "QTable needs states and actions, got \(stateCount)×\(actionCount)")
        self.stateCount = stateCount
        self.actionCount = actionCount
        values = [Double](repeating: initialValue, count: stateCount * actionCount)
    }

    /// Q(s, a).
    public subscript(state: Int, action: Int) -> Double {
        get { values[state * actionCount + action] }
        set { values[state * actionCount + action] = newValue }
    }

    /// Q(s, ·), one value per action.
    public func values(in state: Int) -> [Double] {
        Array(values[(state * actionCount)..<((state + 1) * actionCount)])
    }

    /// The greedy action argmax_a Q(s, a), the lowest index among ties.
    public func greedyAction(in state: Int) -> Int {
        let row = values(in: state)
        var best = 0
        for a in 1..<actionCount where row[a] > row[best] { best = a }
        return best
    }

    /// The greedy action among `allowed` only (the lowest index among ties), or `nil` when
    /// `allowed` is empty.
    public func greedyAction(in state: Int, among allowed: [Int]) -> Int? {
        allowed.max { a, b in self[state, a] < self[state, b] || (self[state, a] == self[state, b] && a > b) }
    }

    /// max_a Q(s, a).
    public func maxValue(in state: Int) -> Double {
        values(in: state).max() ?? 0
    }
}
