import Numerics

/// Success rate on the full task against training environment steps.
public struct SuccessCurve: Sendable, Codable, Equatable {
    /// Training environment steps at each evaluation.
    public var environmentSteps: [Int] = []
    /// The success rate measured there.
    public var successRates: [Double] = []

    /// An empty curve.
    public init() {}

    /// A curve from its points (the two arrays equally long).
    public init(environmentSteps: [Int], successRates: [Double]) {
        self.environmentSteps = environmentSteps
        self.successRates = successRates
    }

    /// Appends one evaluation.
    public mutating func record(_ successRate: Double, atStep step: Int) {
        environmentSteps.append(step)
        successRates.append(successRate)
    }

    /// The first evaluation's step where the success rate reached `threshold`, or `nil` if it never did.
    public func firstStep(reaching threshold: Double) -> Int? {
        zip(environmentSteps, successRates).first { $0.1 >= threshold }?.0
    }

    /// The mean success rate of the last `k` evaluations.
    public func finalSuccessRate(lastPoints k: Int = 1) -> Double {
        mean(of: successRates.suffix(max(1, k)))
    }
}
