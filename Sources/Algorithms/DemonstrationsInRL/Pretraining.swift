/// Pre-training on the demonstrations alone, before the first environment step (DQfD's
/// pre-training phase): the actor by behavior cloning (lesson 1's trainer and loss), then the
/// critic by policy evaluation of that actor on the demonstration transitions, so that the critic
/// the fine-tuning starts from is consistent with the policy it starts from.
public struct Pretraining: Sendable, Codable, Equatable {
    /// Behavior-cloning steps of the actor.
    public var behaviorCloningSteps: Int
    /// Policy-evaluation steps of the critic (0: keep the randomly initialised critic, the
    /// inconsistent ablation).
    public var policyEvaluationSteps: Int
    /// The Polyak rate of the target critics during policy evaluation: the actor does not move,
    /// so the targets may follow the critic faster than during fine-tuning, and the value of the
    /// goal travels back along the demonstrations in fewer steps.
    public var policyEvaluationTau: Float

    /// A pre-training schedule (defaults: the lesson's).
    public init(behaviorCloningSteps: Int = 3_000, policyEvaluationSteps: Int = 2_000, policyEvaluationTau: Float = 0.1) {
        self.behaviorCloningSteps = behaviorCloningSteps
        self.policyEvaluationSteps = policyEvaluationSteps
        self.policyEvaluationTau = policyEvaluationTau
    }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard behaviorCloningSteps >= 0, policyEvaluationSteps >= 0, policyEvaluationTau > 0, policyEvaluationTau <= 1 else {
            throw DemonstrationsRLError("Pretraining: need step counts ≥ 0 and policyEvaluationTau in (0, 1], got \(self)")
        }
    }
}
