/// Optimal values and a greedy policy of a `TabularMDP`, from value iteration.
public struct ValueIteration: Sendable {
    /// V*(s).
    public let values: [Double]
    /// Q*(s, a), flat row-major [stateCount, actionCount].
    public let qValues: [Double]
    /// A greedy action per state (the lowest index among ties).
    public let policy: [Int]
    /// The number of sweeps until the largest change fell below the tolerance.
    public let iterations: Int
    /// The number of actions (row length of `qValues`).
    public let actionCount: Int

    /// Runs V ← max_a Σ P(s′|s,a)(r + γ V(s′)) until the largest change is below `tolerance`
    /// (at most `maxIterations` sweeps); terminal states keep value 0.
    public init<MDP: TabularMDP>(_ mdp: MDP, gamma: Double, tolerance: Double = 1e-10, maxIterations: Int = 100_000) {
        let n = mdp.stateCount, m = mdp.actionCount
        let table = (0..<n).map { s in (0..<m).map { a in
            mdp.transitions(from: s, action: a).map { ($0.state, $0.probability, mdp.reward(from: s, action: a, to: $0.state)) }
        } }
        var v = [Double](repeating: 0, count: n)
        var q = [Double](repeating: 0, count: n * m)
        var sweeps = 0
        while sweeps < maxIterations {
            sweeps += 1
            var change = 0.0
            for s in 0..<n {
                var best = -Double.infinity
                for a in 0..<m {
                    var value = 0.0
                    for (next, p, r) in table[s][a] {
                        value += p * (r + (mdp.isTerminal(next) ? 0 : gamma * v[next]))
                    }
                    if mdp.isTerminal(s) { value = 0 }
                    q[s * m + a] = value
                    best = max(best, value)
                }
                change = max(change, abs(best - v[s]))
                v[s] = best
            }
            if change < tolerance { break }
        }
        values = v
        qValues = q
        actionCount = m
        policy = (0..<n).map { s in
            var bestAction = 0
            for a in 1..<m where q[s * m + a] > q[s * m + bestAction] + 1e-12 { bestAction = a }
            return bestAction
        }
        iterations = sweeps
    }

    /// Q*(state, action).
    public func q(_ state: Int, _ action: Int) -> Double { qValues[state * actionCount + action] }
}
