/// One transition (s, a, r, s') of a finite MDP, states and actions numbered from 0.
public struct TabularTransition: Sendable, Equatable, Codable, Hashable {
    /// The state s.
    public var state: Int
    /// The action a.
    public var action: Int
    /// The reward r.
    public var reward: Double
    /// The next state s'.
    public var nextState: Int
    /// Whether s' ends the task (no bootstrap from it).
    public var terminal: Bool

    /// A transition.
    public init(state: Int, action: Int, reward: Double, nextState: Int, terminal: Bool) {
        self.state = state
        self.action = action
        self.reward = reward
        self.nextState = nextState
        self.terminal = terminal
    }
}

/// A fixed batch B of tabular transitions, and which state-action pairs it contains.
public struct TabularBatch: Sendable, Equatable {
    /// The transitions, in the order they were collected.
    public let transitions: [TabularTransition]
    /// The number of states of the MDP.
    public let stateCount: Int
    /// The number of actions of the MDP.
    public let actionCount: Int
    private let pairs: Set<Int>

    /// A batch over `stateCount` states and `actionCount` actions.
    ///
    /// - Throws: ``TabularError/invalidTransition(_:)`` for a state or action out of range.
    public init(transitions: [TabularTransition], stateCount: Int, actionCount: Int) throws {
        guard stateCount > 0, actionCount > 0 else {
            throw TabularError.invalidTransition("a tabular MDP needs states and actions, got \(stateCount) and \(actionCount)")
        }
        for t in transitions {
            guard (0..<stateCount).contains(t.state), (0..<stateCount).contains(t.nextState),
                  (0..<actionCount).contains(t.action) else {
                throw TabularError.invalidTransition("\(t) lies outside \(stateCount) states × \(actionCount) actions")
            }
        }
        self.transitions = transitions
        self.stateCount = stateCount
        self.actionCount = actionCount
        pairs = Set(transitions.map { $0.state * actionCount + $0.action })
    }

    /// Whether (s, a) appears in the batch.
    public func contains(state: Int, action: Int) -> Bool {
        pairs.contains(state * actionCount + action)
    }

    /// The actions tried in `state` within the batch, in increasing order.
    public func actions(in state: Int) -> [Int] {
        (0..<actionCount).filter { contains(state: state, action: $0) }
    }

    /// The number of distinct (s, a) pairs in the batch.
    public var distinctPairs: Int { pairs.count }
}

/// What can go wrong in the tabular algorithms.
public enum TabularError: Error, Equatable, CustomStringConvertible {
    /// A transition outside the MDP's states or actions.
    case invalidTransition(String)
    /// A hyper-parameter out of range.
    case invalidConfiguration(String)

    /// The one-line message.
    public var description: String {
        switch self {
        case .invalidTransition(let reason): "tabular batch: \(reason)"
        case .invalidConfiguration(let reason): "tabular configuration: \(reason)"
        }
    }
}
