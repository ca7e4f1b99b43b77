import Datasets

/// Turns a stream of environment steps into n-step transitions
/// (sₜ, aₜ, Rₜ = Σ_{k<n} γᵏ r_{t+k}, s_{t+n}), as DQfD and DDPGfD store them: the critic's target
/// R + γⁿ Q'(s_{t+n}, π'(s_{t+n})) then carries a reward n steps back per update instead of one,
/// which is what lets the value of the goal reach the start of a long demonstration quickly.
///
/// When the episode terminates inside the window, the last transitions use the steps that are
/// left and are terminal (no bootstrap, so no discount is needed). When it is cut by a time limit
/// the fewer-than-n-step tail is dropped, so that every stored non-terminal transition
/// bootstraps with the same γⁿ. With n = 1 every step is stored as it is.
public struct MultiStepReturns: Sendable {
    /// n.
    public let steps: Int
    /// γ of one step.
    public let discount: Double
    private var pending: [(observation: [Float], action: [Float], reward: Double)] = []

    /// An accumulator for `steps`-step returns (at least 1).
    public init(steps: Int, discount: Double) throws {
        guard steps >= 1, (0...1).contains(discount) else {
            throw DemonstrationsRLError("MultiStepReturns: need steps ≥ 1 and a discount in [0, 1], got \(steps), \(discount)")
        }
        self.steps = steps
        self.discount = discount
    }

    /// Adds one step and returns the transitions that became complete.
    public mutating func add(observation: [Float], action: [Float], reward: Double, nextObservation: [Float],
                             terminated: Bool, truncated: Bool) -> [Transition] {
        pending.append((observation, action, reward))
        var ready: [Transition] = []
        func emitFirst(terminal: Bool, timeout: Bool) {
            var total = 0.0, scale = 1.0
            for step in pending {
                total += scale * step.reward
                scale *= discount
            }
            let first = pending.removeFirst()
            ready.append(Transition(observation: first.observation, action: first.action, reward: Float(total),
                                    nextObservation: nextObservation, terminated: terminal, truncated: timeout))
        }
        if terminated {
            while !pending.isEmpty { emitFirst(terminal: true, timeout: false) }
        } else if pending.count == steps {
            emitFirst(terminal: false, timeout: truncated)
        }
        if truncated && !terminated { pending.removeAll() }
        return ready
    }

    /// The n-step transitions of a whole trajectory.
    public static func transitions<State>(of trajectory: Trajectory<State>, steps: Int, discount: Double) throws -> [Transition] {
        var accumulator = try MultiStepReturns(steps: steps, discount: discount)
        var result: [Transition] = []
        for t in 0..<trajectory.count {
            let last = t == trajectory.count - 1
            result += accumulator.add(observation: trajectory.observations[t], action: trajectory.actions[t],
                                      reward: trajectory.rewards[t], nextObservation: trajectory.observations[t + 1],
                                      terminated: last && trajectory.terminated, truncated: last && !trajectory.terminated)
        }
        return result
    }
}
