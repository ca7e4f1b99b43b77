/// How one variant of lesson 8 uses the demonstrations (all off: DDPG from scratch).
///
/// The lecture's four ways map onto the fields: (1) ``demonstrationsInBuffer``, kept forever or
/// dropped by a ``removal`` rule; (2) ``pretraining``; (3) is lesson 7 (mixing imitation and
/// task rewards); (4) ``curriculum``. ``behaviorCloningWeight`` adds a behavior-cloning term on
/// the demonstration rows to the actor's loss (Nair et al. 2018; DQfD's supervised loss in
/// continuous form), which needs the demonstrations in the buffer.
public struct DemonstrationUse: Sendable, Codable, Equatable {
    /// Put the demonstrations in the replay buffer's permanent region from the start. Pre-training
    /// always does (its buffer is the demonstrations), and they stay for fine-tuning.
    public var demonstrationsInBuffer: Bool
    /// The share of every minibatch drawn from the demonstrations while they are there (exercise 8.1).
    public var demonstrationFraction: Double
    /// When to drop the demonstrations (exercise 8.4); `nil` keeps them forever.
    public var removal: RemovalRule?
    /// λ of the behavior-cloning term in the actor's loss (exercise 8.3; 0 = DDPG's loss).
    public var behaviorCloningWeight: Float
    /// Clone only the demonstration rows the critic scores above the actor's own action (Nair et
    /// al. 2018's Q-filter); otherwise clone every demonstration row.
    public var usesQFilter: Bool
    /// Pre-training on a demonstrations-only buffer before any interaction; `nil` for none.
    public var pretraining: Pretraining?
    /// A backward curriculum along the demonstrations; `nil` for the task's own resets.
    public var curriculum: CurriculumSettings?
    /// Which of the given demonstrations the variant uses (all of them, whole, by default): the
    /// buffer, pre-training and the curriculum see only these.
    public var selection: DemonstrationSelection

    /// A variant; by default no use of the demonstrations at all.
    public init(demonstrationsInBuffer: Bool = false, demonstrationFraction: Double = 0.25, removal: RemovalRule? = nil,
                behaviorCloningWeight: Float = 0, usesQFilter: Bool = false, pretraining: Pretraining? = nil,
                curriculum: CurriculumSettings? = nil, selection: DemonstrationSelection = .all) {
        self.demonstrationsInBuffer = demonstrationsInBuffer
        self.demonstrationFraction = demonstrationFraction
        self.removal = removal
        self.behaviorCloningWeight = behaviorCloningWeight
        self.usesQFilter = usesQFilter
        self.pretraining = pretraining
        self.curriculum = curriculum
        self.selection = selection
    }

    /// Whether the demonstrations are in the buffer when interaction starts.
    public var startsWithDemonstrationsInBuffer: Bool { demonstrationsInBuffer || pretraining != nil }

    /// Whether the variant needs demonstrations at all.
    public var needsDemonstrations: Bool { startsWithDemonstrationsInBuffer || curriculum != nil }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard (0...1).contains(demonstrationFraction) else {
            throw DemonstrationsRLError("DemonstrationUse: demonstrationFraction must lie in [0, 1], got \(demonstrationFraction)")
        }
        guard behaviorCloningWeight >= 0 else {
            throw DemonstrationsRLError("DemonstrationUse: behaviorCloningWeight must be ≥ 0, got \(behaviorCloningWeight)")
        }
        if removal != nil && !startsWithDemonstrationsInBuffer {
            throw DemonstrationsRLError("DemonstrationUse: a removal rule needs the demonstrations in the buffer")
        }
        if behaviorCloningWeight > 0 && !startsWithDemonstrationsInBuffer {
            throw DemonstrationsRLError("DemonstrationUse: a behavior-cloning term needs the demonstrations in the buffer")
        }
        try removal?.validate()
        try pretraining?.validate()
        try curriculum?.validate()
        try selection.validate()
    }
}
