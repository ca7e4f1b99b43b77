/// A finite Markov decision process given by its tables: what value iteration and tabular
/// Q-learning need.
public protocol TabularMDP: Sendable {
    /// The number of states; states are `0..<stateCount`.
    var stateCount: Int { get }
    /// The number of actions; actions are `0..<actionCount`.
    var actionCount: Int { get }
    /// The possible next states of taking `action` in `state`, with their probabilities (sum 1).
    func transitions(from state: Int, action: Int) -> [(state: Int, probability: Double)]
    /// The reward of the transition `state --action--> next`.
    func reward(from state: Int, action: Int, to next: Int) -> Double
    /// Whether `state` ends the episode (absorbing, with no further reward).
    func isTerminal(_ state: Int) -> Bool
}

extension TabularMDP {
    /// P(s′ | s, a) as a flat row-major table of shape [stateCount, actionCount, stateCount].
    public var transitionTable: [Double] {
        var table = [Double](repeating: 0, count: stateCount * actionCount * stateCount)
        for s in 0..<stateCount {
            for a in 0..<actionCount {
                for (next, p) in transitions(from: s, action: a) {
                    table[(s * actionCount + a) * stateCount + next] += p
                }
            }
        }
        return table
    }

    /// The expected reward R(s, a) = Σ P(s′|s, a)·r(s, a, s′), flat row-major [stateCount, actionCount].
    public var expectedRewardTable: [Double] {
        var table = [Double](repeating: 0, count: stateCount * actionCount)
        for s in 0..<stateCount {
            for a in 0..<actionCount {
                table[s * actionCount + a] = transitions(from: s, action: a)
                    .reduce(0) { $0 + $1.probability * reward(from: s, action: a, to: $1.state) }
            }
        }
        return table
    }
}
