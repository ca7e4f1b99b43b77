import Numerics

/// One agent's progress, measured at evaluation points: the return of its deterministic policy,
/// its own value estimate, and the true value of that policy.
public struct EvaluationCurve: Sendable, Equatable, Codable {
    /// The gradient updates the agent had taken at each evaluation point.
    public var updates: [Int] = []
    /// The average undiscounted episode return of the deterministic policy.
    public var returns: [Double] = []
    /// The average of the critic's Q(s₀, π(s₀)) over the evaluation start states (empty for a
    /// learner without a critic).
    public var estimatedValues: [Double] = []
    /// The average discounted Monte-Carlo return of the policy from the same start states.
    public var trueValues: [Double] = []

    /// An empty curve.
    public init() {}

    /// Appends one evaluation taken after `updates` gradient steps.
    public mutating func record(_ evaluation: EvaluationPoint, after updates: Int) {
        self.updates.append(updates)
        returns.append(evaluation.averageReturn)
        if let estimate = evaluation.estimatedValue { estimatedValues.append(estimate) }
        trueValues.append(evaluation.trueValue)
    }

    /// The mean of the last `k` returns (the "final performance" of the run).
    public func finalReturn(lastPoints k: Int = 1) -> Double {
        mean(of: returns.suffix(Swift.max(1, k)))
    }
}
