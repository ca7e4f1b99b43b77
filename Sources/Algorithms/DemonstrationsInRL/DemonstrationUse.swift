/// How one variant of lesson 8 uses the demonstrations (all off: DDPG from scratch).
///
/// The lecture's four ways map onto the fields: (1) ``demonstrationsInBuffer`` with or without a
/// ``removal`` rule; (2) ``pretraining``; (3) is lesson 7 (reward mixing); (4) ``curriculum``.
/// ``behaviorCloningWeight`` adds DDPGfD's / Nair et al.'s behavior-cloning term to the actor.
public struct DemonstrationUse: Sendable, Codable, Equatable {
    /// Put the demonstrations in the replay buffer's permanent region from the start.
    public var demonstrationsInBuffer: Bool
    /// The share of every minibatch drawn from the demonstrations while they are there (exercise 8.1).
    public var demonstrationFraction: Double
    /// When to drop the demonstrations (exercise 8.4); `nil` keeps them forever.
    public var removal: RemovalRule?
    /// λ of the Q-filtered behavior-cloning term in the actor's loss (exercise 8.3; 0 = DDPG's loss).
    public var behaviorCloningWeight: Float
    /// Clone only the demonstration rows the critic scores above the actor's own action (Nair et
    /// al. 2018's Q-filter); otherwise clone every demonstration row (DDPGfD-style).
    public var usesQFilter: Bool
    /// Pre-training on a demonstrations-only buffer before any interaction; `nil` for none.
    public var pretraining: Pretraining?
    /// A backward curriculum along the demonstrations; `nil` for the task's own resets.
    public var curriculum: CurriculumSettings?

    /// A variant; by default no use of the demonstrations at all.
    public init(demonstrationsInBuffer: Bool = false, demonstrationFraction: Double = 0.25, removal: RemovalRule? = nil,
                behaviorCloningWeight: Float = 0, usesQFilter: Bool = true, pretraining: Pretraining? = nil, curriculum: CurriculumSettings? = nil) {
        self.demonstrationsInBuffer = demonstrationsInBuffer
        self.demonstrationFraction = demonstrationFraction
        self.removal = removal
        self.behaviorCloningWeight = behaviorCloningWeight
        self.usesQFilter = usesQFilter
        self.pretraining = pretraining
        self.curriculum = curriculum
    }

    /// Whether the variant needs demonstrations at all.
    public var needsDemonstrations: Bool { demonstrationsInBuffer || pretraining != nil || curriculum != nil }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard (0...1).contains(demonstrationFraction) else {
            throw DemonstrationsRLError("DemonstrationUse: demonstrationFraction must lie in [0, 1], got \(demonstrationFraction)")
        }
        guard behaviorCloningWeight >= 0 else {
            throw DemonstrationsRLError("DemonstrationUse: behaviorCloningWeight must be ≥ 0, got \(behaviorCloningWeight)")
        }
        if removal != nil && !demonstrationsInBuffer {
            throw DemonstrationsRLError("DemonstrationUse: a removal rule needs the demonstrations in the buffer")
        }
        try removal?.validate()
        try pretraining?.validate()
        try curriculum?.validate()
    }
}

/// When the demonstrations leave the replay buffer (exercise 8.4 decides, from the agent's recent
/// training episodes).
public struct RemovalRule: Sendable, Codable, Equatable {
    /// The recent success rate of the agent's own episodes that triggers the removal.
    public var successThreshold: Double
    /// Agent episodes that must have finished first.
    public var minimumEpisodes: Int
    /// Episodes the recent success rate is measured over.
    public var window: Int

    /// A rule (defaults: the lesson's).
    public init(successThreshold: Double = 0.5, minimumEpisodes: Int = 10, window: Int = 10) {
        self.successThreshold = successThreshold
        self.minimumEpisodes = minimumEpisodes
        self.window = window
    }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard (0...1).contains(successThreshold), minimumEpisodes >= 0, window >= 1 else {
            throw DemonstrationsRLError("RemovalRule: need a threshold in [0, 1], minimumEpisodes ≥ 0 and window ≥ 1, got \(self)")
        }
    }
}

/// Pre-training on the demonstrations alone, before the first environment step: the actor by
/// behavior cloning (lesson 1's trainer and loss), then the critic by policy evaluation of that
/// actor on the demonstration transitions, so that the critic is consistent with the policy it
/// will start fine-tuning.
public struct Pretraining: Sendable, Codable, Equatable {
    /// Behavior-cloning steps of the actor.
    public var behaviorCloningSteps: Int
    /// Policy-evaluation steps of the critic (0: keep the randomly initialised critic, the
    /// inconsistent ablation).
    public var policyEvaluationSteps: Int
    /// The Polyak rate of the target critics during policy evaluation: the actor does not move,
    /// so the targets may follow the critic faster than during fine-tuning, and the value of the
    /// goal propagates back along the demonstrations in fewer steps.
    public var policyEvaluationTau: Float
    /// Keep the demonstrations in the buffer after pre-training (otherwise fine-tuning learns from
    /// the agent's own data only).
    public var keepsDemonstrations: Bool
    /// Environment steps at the start of fine-tuning during which only the critic learns (policy
    /// evaluation on the agent's own, slightly noisy, data) and the actor stays as pre-trained.
    public var criticWarmupSteps: Int

    /// A pre-training schedule (defaults: the lesson's).
    public init(behaviorCloningSteps: Int = 1_000, policyEvaluationSteps: Int = 2_000, policyEvaluationTau: Float = 0.1,
                keepsDemonstrations: Bool = true, criticWarmupSteps: Int = 0) {
        self.criticWarmupSteps = criticWarmupSteps
        self.behaviorCloningSteps = behaviorCloningSteps
        self.policyEvaluationSteps = policyEvaluationSteps
        self.policyEvaluationTau = policyEvaluationTau
        self.keepsDemonstrations = keepsDemonstrations
    }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard behaviorCloningSteps >= 0, policyEvaluationSteps >= 0, criticWarmupSteps >= 0, policyEvaluationTau > 0, policyEvaluationTau <= 1 else {
            throw DemonstrationsRLError("Pretraining: step counts must be ≥ 0, got \(self)")
        }
    }
}
