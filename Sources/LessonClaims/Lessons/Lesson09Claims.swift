import Numerics

/// The numbers of lesson 9's claims; the lesson's text uses the same ones.
public enum Lesson09Thresholds {
    /// The success rate a run must reach: half of the evaluation episodes.
    public static let success = 0.5
    /// Seeds per agent that decide the study claims (`--seed-count 12`). The runs are bimodal: a run
    /// finds the approach to the block and climbs to 0.4–1.0, or stays near 0, so a difference in how
    /// often each agent learns needs about a dozen seeds to clear two standard errors
    /// (notes/lesson9-foundations.md, sessions 9–11, has every run).
    public static let studySeeds = 12
    /// Seeds per agent that decide the two ablation claims, the critic's and the auxiliary task's (`--seed-count 24`):
    /// the agents without the recipe's piece still learn on a few seeds, and on 12 seeds a split such as 6 against 2
    /// sits inside two standard errors (0.38). It happened to both claims: the auxiliary task's under the Sandybridge
    /// kernel (session 14), the critic's under Haswell once the auxiliary head began to share the policy's features
    /// (session 18: 6 of 12 against 2, the same algorithm summed in another order). 24 seeds bring two standard errors of
    /// such a split to about 0.26.
    public static let ablationStudySeeds = 24
    /// Environment steps per run that the study claims are about (100 iterations of 8 × 128 steps).
    public static let studyEnvironmentSteps = 102_400
    /// What the study runs of the critic claim measured.
    public static let criticStudy = "over 24 seeds it held under each kernel: 15 of 24 seeds reached 0.5 against 5 of 24 "
        + "under Haswell, 19 against 10 under SkylakeX, 17 against 6 under Sandybridge (differences 0.42, 0.38 and 0.46 where "
        + "two standard errors were 0.26, 0.27 and 0.26; session 18's code). On the first 12 seeds alone it missed under "
        + "Haswell (6 against 2: 0.33 where two standard errors were 0.38); the runs are bimodal, and the order in which "
        + "the kernel sums decides which mode a seed lands in"
    /// What the study runs of the held-out-style claim measured.
    public static let heldOutStudy = "over 12 seeds per kernel (the lesson's --seed-count 12 under Haswell, pixel-study "
        + "--held-out under the others; session 18's code) the recipe's final success was 0.55 ± 0.12 in the figures' style "
        + "and 0 in the held-out style on every seed under Haswell, 0.71 ± 0.09 and 0 under SkylakeX, 0.73 ± 0.08 and 0 "
        + "under Sandybridge (mean ± standard error): no policy that learned the task in the figures' style succeeded once in "
        + "the held-out style"
    /// Why the randomized policy's transfer to the held-out style is a known issue.
    public static let heldOutTransfer = "policies cloned on randomized renders succeed in styles drawn anew from their "
        + "randomization, not in the held-out style: over 30 quick runs (base seeds 0–9 × Haswell, SkylakeX, Sandybridge; "
        + "60 policies) they succeeded in 22.5–82.5 % of the episodes in the drawn styles (mean 50 %) and in the held-out style "
        + "on no episode in 57 of them, one episode in twenty in 3. The held-out style lies outside the randomization's "
        + "range, and so does the figures' style, where they fail as well (at most one episode in twenty): they generalise "
        + "within the range they trained on, not beyond it. Wider randomizations (any block hue, tables as saturated as the "
        + "held-out one, block and pusher coloured relative to the table), 32 × 32 images, larger encoders and up to 30 000 "
        + "steps did not change it (notes/lesson9-foundations.md, sessions 15–17)"
    /// What the study runs of the other-embodiment claim measured.
    public static let embodimentStudy = "over 12 seeds per kernel (the lesson's configuration) the recipe on the paddle's "
        + "state-only demonstrations reached 0.5 on 7 of 12 seeds under Haswell (the lesson's --seed-count 12), 7 under "
        + "SkylakeX and 8 under Sandybridge (pixel-study --demonstrator paddle; session 18's code); the same agent without any demonstration (λ = 0, no demonstration "
        + "starts) reached it on none of 12 under Haswell, never once succeeding at the end"
    /// What the study runs of the auxiliary-task claim measured.
    public static let auxiliaryStudy = "over 24 seeds per kernel (the lesson's configuration), with the auxiliary task "
        + "against without, it held under each kernel: 15 of 24 seeds reached 0.5 against 3 under Haswell, 19 against 3 under "
        + "SkylakeX, 17 against 2 under Sandybridge (differences 0.50, 0.67 and 0.63 where two standard errors were 0.25, "
        + "0.22 and 0.22; session 18's code, whose agent without the auxiliary task runs bit for bit as before). On the "
        + "first 12 seeds alone it had missed under Sandybridge in session 14 (6 against 2: 0.33 where two standard errors "
        + "were 0.38)"
}

/// Lesson 9's claims: Zhu et al.'s (2018) recipe for a policy on pixels, at the kit's scale.
let lesson09Claims: [Claim] = [
    Claim(lesson: 9, id: "heldOutStyle", "the held-out style lies outside the randomization's range",
          of: Lesson09Results.self) { r, check in
        let observations = try required(r.observations, "observations")
        check.that(!observations.heldOutInTrainingRange, "the sampler never draws the held-out style")
        check.atLeast(Double(observations.randomizedStyles), 1, "randomized styles drawn")
        let cloning = try required(r.randomization, "randomization")
        check.that(!cloning.heldOutInRange, "the cloned policy's randomization never draws the held-out style")
    },
    // The lecture's action-space mismatch, by construction: the paddle's demonstrations carry states only.
    Claim(lesson: 9, id: "stateOnlyDemonstrations",
          "another embodiment's demonstrations carry states only: the object-only discriminator can learn from them, a "
          + "discriminator on (state, action) cannot",
          of: Lesson09Results.self) { r, check in
        let embodiment = try required(r.embodiment, "embodiment")
        check.that(!embodiment.paddleHasActions, "the paddle's demonstrations carry no action")
        check.that(embodiment.objectOnlyError == nil, "the recipe's agent with the object-only discriminator is built on "
                   + "them" + (embodiment.objectOnlyError.map { " (it was refused: \($0))" } ?? ""))
        check.that(embodiment.stateActionError != nil, "the agent with the (state, action) discriminator refuses them")
        check.atLeast(embodiment.paddleSuccess, 0.5, "the paddle demonstrator's success rate")
    },
    Claim(lesson: 9, id: "asymmetricCritic",
          "the asymmetric critic (on the state) reaches the success threshold within the budget on more seeds than a "
          + "critic on pixels",
          status: .study(seeds: Lesson09Thresholds.ablationStudySeeds, Lesson09Thresholds.criticStudy),
          of: Lesson09Results.self) { r, check in
        try moreSeedsReach(r, agent: "state", than: "pixels", seeds: Lesson09Thresholds.ablationStudySeeds, check)
    },
    // Zhu et al. found that removing the auxiliary task was "not a big problem"; at the kit's scale it is
    // one: without it (no auxiliary loss, no pre-training) the runs rarely find the block.
    Claim(lesson: 9, id: "auxiliaryTask",
          "unlike in Zhu et al., the auxiliary task matters here: without it the asymmetric agent reaches the success "
          + "threshold within the budget on fewer seeds",
          status: .study(seeds: Lesson09Thresholds.ablationStudySeeds, Lesson09Thresholds.auxiliaryStudy),
          of: Lesson09Results.self) { r, check in
        try moreSeedsReach(r, agent: "state", than: "stateWithoutAuxiliary", seeds: Lesson09Thresholds.ablationStudySeeds,
                           check)
    },
    Claim(lesson: 9, id: "otherEmbodiment",
          "state-only demonstrations from another embodiment (the paddle) still teach the task through the object-only "
          + "discriminator: the recipe learning from them reaches the success threshold on a share of seeds clearly above "
          + "zero",
          status: .study(seeds: Lesson09Thresholds.studySeeds, Lesson09Thresholds.embodimentStudy),
          of: Lesson09Results.self) { r, check in
        try learnsFromOtherEmbodiment(r, check)
    },
    Claim(lesson: 9, id: "fixedStyleDrop",
          "a policy cloned in the figures' style loses most of its success in styles it never saw: styles drawn anew "
          + "from the randomization, and the held-out style", of: Lesson09Results.self) { r, check in
        let fixed = try required(r.randomization, "randomization").fixed
        check.seeds(SeedComparison(greater: zip(fixed.figureSuccess, fixed.drawnSuccess).map { $0 / 2 - $1 }, than: 0),
                    "cloned in the figures' style, per seed: half its success there minus its mean success in the drawn styles")
        check.seeds(SeedComparison(greater: zip(fixed.figureSuccess, fixed.heldOutSuccess).map { $0 / 2 - $1 }, than: 0),
                    "cloned in the figures' style, per seed: half its success there minus its success in the held-out style")
    },
    Claim(lesson: 9, id: "randomizationDrawnStyles",
          "a policy cloned on randomized renders succeeds in styles drawn anew from its randomization, where the policy "
          + "cloned in the figures' style does not", of: Lesson09Results.self) { r, check in
        let test = try required(r.randomization, "randomization")
        check.seeds(SeedComparison(greater: test.randomized.drawnSuccess, than: test.fixed.drawnSuccess),
                    "mean success in \(test.drawnStyles) styles drawn anew, cloned on randomized renders above cloned in the "
                    + "figures' style")
    },
    Claim(lesson: 9, id: "randomizationHeldOut",
          "with domain randomization the policy keeps most of its success in the held-out style (Zhu et al.'s transfer)",
          status: .knownIssue(Lesson09Thresholds.heldOutTransfer), of: Lesson09Results.self) { r, check in
        let randomized = try required(r.randomization, "randomization").randomized
        check.seeds(SeedComparison(greater: zip(randomized.heldOutSuccess, randomized.drawnSuccess).map { $0 - $1 / 2 }, than: 0),
                    "cloned on randomized renders, per seed: its success in the held-out style minus half its mean success "
                    + "in the drawn styles")
    },
    Claim(lesson: 9, id: "heldOutStyleDrop",
          "trained without domain randomization, the recipe's policy loses most of its success in the held-out style",
          status: .study(seeds: Lesson09Thresholds.studySeeds, Lesson09Thresholds.heldOutStudy),
          of: Lesson09Results.self) { r, check in
        try heldOutStyleDrops(r, check)
    },
]

/// Zhu et al.'s other embodiment: on a study run, the recipe on the paddle's state-only demonstrations
/// reaches the threshold on a share of seeds above zero by two standard errors (each seed a 0 or a 1).
/// Whether that share is as high as with the pusher's own demonstrations is not claimed: twelve bimodal
/// seeds cannot show two shares near 0.7 to be equal (two standard errors of their difference are
/// about 0.39); the lesson's reading compares them.
private func learnsFromOtherEmbodiment(_ r: Lesson09Results, _ check: ClaimChecker) throws {
    let ablation = try studyAblation(r)
    let paddle = try ablation.agent("paddleStates")
    check.seeds(SeedComparison(greater: paddle.reachedThreshold, than: 0),
                "share of seeds reaching \(ablation.threshold) success on the paddle's states only, above 0")
}

/// The first half of Zhu et al.'s domain-randomization claim, on the lesson's own agents (none of which
/// trains with randomization): on a run of at least ``Lesson09Thresholds/studySeeds`` seeds of
/// ``Lesson09Thresholds/studyEnvironmentSteps`` steps, the recipe's final success in the held-out style
/// stays below half of its success in the figures' style, seed by seed, by two standard errors.
private func heldOutStyleDrops(_ r: Lesson09Results, _ check: ClaimChecker) throws {
    let recipe = try studyAblation(r).agent("state")
    let heldOut = try required(recipe.heldOutFinalSuccess, "ablation.agents[state].heldOutFinalSuccess")
    check.seeds(SeedComparison(greater: zip(recipe.finalSuccess, heldOut).map { $0 / 2 - $1 }, than: 0),
                "the recipe, per seed: half its final success in the figures' style minus its success in the held-out style")
}

/// The rule of lesson 9's ablation claims: on a run of at least `seeds` seeds
/// (``Lesson09Thresholds/ablationStudySeeds``) of ``Lesson09Thresholds/studyEnvironmentSteps`` steps each,
/// the share of `agent`'s runs that reach the threshold within the budget exceeds `other`'s by two
/// standard errors (each seed a 0 or a 1). On fewer seeds it throws ``ClaimError/tooFewSeeds(have:need:)``,
/// on shorter runs ``ClaimError/tooShortRuns(have:need:)``.
private func moreSeedsReach(_ r: Lesson09Results, agent: String, than other: String,
                            seeds: Int, _ check: ClaimChecker) throws {
    let ablation = try studyAblation(r, seeds: seeds)
    let first = try ablation.agent(agent), second = try ablation.agent(other)
    check.seeds(SeedComparison(greater: first.reachedThreshold, than: second.reachedThreshold),
                "share of seeds reaching \(ablation.threshold) success within \(ablation.environmentStepsPerRun) steps, "
                + "\(agent) above \(other)")
}

/// The ablation of a run that can decide a study claim: at least `seeds` seeds (``Lesson09Thresholds/studySeeds``
/// unless the claim needs more) of ``Lesson09Thresholds/studyEnvironmentSteps`` steps; otherwise
/// ``ClaimError/tooFewSeeds(have:need:)`` or ``ClaimError/tooShortRuns(have:need:)``.
private func studyAblation(_ r: Lesson09Results, seeds: Int = Lesson09Thresholds.studySeeds) throws
    -> Lesson09Results.Ablation {
    let ablation = try required(r.ablation, "ablation")
    guard ablation.seeds.count >= seeds else {
        throw ClaimError.tooFewSeeds(have: ablation.seeds.count, need: seeds)
    }
    guard ablation.environmentStepsPerRun >= Lesson09Thresholds.studyEnvironmentSteps else {
        throw ClaimError.tooShortRuns(have: ablation.environmentStepsPerRun, need: Lesson09Thresholds.studyEnvironmentSteps)
    }
    return ablation
}
