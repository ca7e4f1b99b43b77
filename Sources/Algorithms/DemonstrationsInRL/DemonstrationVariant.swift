/// A named way of using the demonstrations: what the lesson's experiment runs and its figures label.
public struct DemonstrationVariant: Sendable, Codable, Equatable, Identifiable {
    /// A short key for results.json, e.g. "replayKept".
    public var id: String
    /// The label of figures and tables, e.g. "demonstrations in the buffer, kept".
    public var label: String
    /// How the demonstrations are used.
    public var use: DemonstrationUse

    /// A variant.
    public init(id: String, label: String, use: DemonstrationUse) {
        self.id = id
        self.label = label
        self.use = use
    }

    /// A copy changed by `change`, e.g. `DemonstrationVariant.replayKept.with { $0.use.demonstrationFraction = 0.5 }`.
    public func with(_ change: (inout DemonstrationVariant) -> Void) -> DemonstrationVariant {
        var copy = self
        change(&copy)
        return copy
    }

    /// DDPG from scratch: the demonstrations are not used.
    public static let scratch = DemonstrationVariant(id: "scratch", label: "RL from scratch", use: DemonstrationUse())

    /// Way 1: the demonstrations in the buffer's permanent region for the whole run, a quarter of
    /// every minibatch (DQfD, DDPGfD).
    public static let replayKept = DemonstrationVariant(
        id: "replayKept", label: "(1) demos in the buffer, kept",
        use: DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: 0.25))

    /// Way 1, removed: as ``replayKept`` until the agent succeeds on half of its last 10 episodes
    /// (exercise 8.4).
    public static let replayRemoved = DemonstrationVariant(
        id: "replayRemoved", label: "(1) demos in the buffer, removed",
        use: DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: 0.25,
                              removal: RemovalRule(successThreshold: 0.5, minimumEpisodes: 10, window: 10)))

    /// Way 2: behavior cloning and policy evaluation on only the first two demonstrations — too
    /// few for cloning alone to solve the task — then fine-tuning with them kept in the buffer (a
    /// tenth of every minibatch, so that their few transitions are not replayed over and over)
    /// and a light behavior-cloning term (λ = 1/4) in the actor's loss.
    public static let pretrained = DemonstrationVariant(
        id: "pretrained", label: "(2) pre-trained on 2 demos, then fine-tuned",
        use: DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: 0.1, behaviorCloningWeight: 0.25,
                              pretraining: Pretraining(), selection: DemonstrationSelection(count: 2)))

    /// Way 4: a backward curriculum along the demonstrations (no demonstration in the buffer).
    public static let curriculum = DemonstrationVariant(
        id: "curriculum", label: "(4) backward curriculum", use: DemonstrationUse(curriculum: CurriculumSettings()))

    /// Way 2's ablation: pre-trained on all the demonstrations (which clone to a working policy),
    /// fine-tuned with the demonstrations in the buffer and the behavior-cloning term at λ = 1.
    public static let pretrainedWithCloningTerm = DemonstrationVariant(
        id: "pretrainedWithCloningTerm", label: "BC actor + evaluated critic, λ = 1",
        use: DemonstrationUse(demonstrationsInBuffer: true, demonstrationFraction: 0.25, behaviorCloningWeight: 1,
                              pretraining: Pretraining()))

    /// Way 2's ablation: pre-trained actor and critic, fine-tuned with DDPG's own actor loss (λ = 0).
    public static let pretrainedWithoutCloningTerm = DemonstrationVariant(
        id: "pretrainedWithoutCloningTerm", label: "BC actor + evaluated critic, λ = 0",
        use: DemonstrationUse(demonstrationFraction: 0.25, pretraining: Pretraining()))

    /// Way 2's ablation: pre-trained actor, critic left as initialised (inconsistent), λ = 0.
    public static let pretrainedInconsistentCritic = DemonstrationVariant(
        id: "pretrainedInconsistentCritic", label: "BC actor + untrained critic, λ = 0",
        use: DemonstrationUse(demonstrationFraction: 0.25, pretraining: Pretraining(policyEvaluationSteps: 0)))

    /// The variants of the critic-consistency ablation, all pre-trained on every demonstration:
    /// the cloned actor fine-tuned with an evaluated critic (λ = 0), with an untrained one (λ = 0),
    /// and with an evaluated one and the cloning term (λ = 1).
    public static let consistencyAblation: [DemonstrationVariant] = [.pretrainedWithoutCloningTerm, .pretrainedInconsistentCritic,
                                                                     .pretrainedWithCloningTerm]
}
