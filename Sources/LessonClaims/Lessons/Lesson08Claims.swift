import Numerics

/// The margins of lesson 8's claims; the lesson's text uses the same ones.
public enum Lesson08Thresholds {
    /// The success rate of the race's table and "sooner" claims: "reaches half of the evaluation episodes".
    public static let raceSuccess = 0.5
    /// "The curriculum solves the full task": its final success exceeds this. "Pre-training on two
    /// demonstrations alone does not solve it": way 2's success before fine-tuning stays below it.
    public static let solvedSuccess = 0.8
    /// "RL from scratch does not solve it within the budget": its final success stays below this.
    public static let unsolvedSuccess = 0.2
    /// "The behavior-cloned actor starts at full success": its success before fine-tuning exceeds this.
    public static let clonedSuccess = 0.7
    /// "Fine-tuning with the cloning term keeps the cloned actor working": its mean success over the
    /// first `earlyWindow` steps exceeds this. Measured over 90 training seeds (quick runs, base seeds
    /// 0–9 × three kernels, 3 seeds each): with the term every seed stayed at 0.875 or above; without
    /// it, 0.19 on average and never above 0.74. A margin of 0.9 sat inside that ceiling's spread (one
    /// seed at 0.875 of three made the standard error as large as the gap: held on 28 of 30 runs); 0.8
    /// held on 30.
    public static let keptEarlySuccess = 0.8
    /// The end of the "early" window of fine-tuning, in environment steps.
    public static let earlyWindow = 2_000
    /// "Fine-tuning improves on the pre-trained policy": way 2's final success minus its success
    /// before fine-tuning, seed by seed, exceeds this (beyond two standard errors). Over quick runs with
    /// 4 training seeds, a margin of 0.2 held on 27 of 30, 0.1 on 28, 0 on 29: a training seed whose
    /// fine-tuning collapses (its success falls below the clone's) decides the run that misses.
    public static let fineTuningGain = 0.0
}

/// What `robustness` measured for the claims that hold on some runs but not on 29 of 30: quick runs,
/// base seeds 0–9 × the Haswell, SkylakeX and Sandybridge kernels, 4 training seeds each, 8 000 steps.
private let runs = "quick runs (base seeds 0–9 × three kernels, 4 training seeds of 8 000 steps each)"
private let stalls = "a training seed's curriculum can stall at one start offset for thousands of steps, and one such "
    + "seed out of four decides the claim"

/// Lesson 8's claims: four ways of using demonstrations inside RL on a sparse task.
let lesson08Claims: [Claim] = [
    Claim(lesson: 8, id: "taskNeedsExploration", "random actions never succeed; the demonstrator almost always does",
          of: Lesson08Results.self) { r, check in
        let task = try required(r.task, "task")
        check.atMost(task.randomSuccessRate, 0, "uniformly random actions' success rate")
        check.atLeast(task.demonstratorSuccessRate, 0.9, "the demonstrator's success rate")
    },
] + [
    ("pretrained", "2 (pre-training)", Claim.Status.asserted),
    ("replayKept", "1 (demonstrations in the replay buffer)",
     .reported("held on 17 of 30 \(runs): on some training seeds the agent reaches the threshold late or not at all, "
               + "and RL from scratch sometimes finds the goal within the budget")),
    ("curriculum", "4 (backward curriculum)", .reported("held on 22 of 30 \(runs): " + stalls)),
].map { variant, name, status in
    Claim(lesson: 8, id: "sooner.\(variant)", "way \(name) reaches the success threshold in fewer environment steps than RL "
          + "from scratch", status: status, of: Lesson08Results.self) { r, check in
        // A seed that never reaches the threshold counts as one evaluation past the budget.
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison(greater: try race.stepsToThreshold("scratch"), than: try race.stepsToThreshold(variant)),
                    "environment steps to \(race.threshold) success, scratch above \(variant)")
    }
} + [
    Claim(lesson: 8, id: "scratchUnsolved", "RL from scratch does not solve the full task within the budget",
          status: .reported("held on 17 of 30 \(runs): on some training seeds random exploration finds the goal and "
                            + "DDPG learns the task from scratch within 8 000 steps"), of: Lesson08Results.self) { r, check in
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison.less(try race.variant("scratch").finalSuccess, than: Lesson08Thresholds.unsolvedSuccess),
                    "RL from scratch's final success")
    },
    Claim(lesson: 8, id: "curriculumSolves", "the backward curriculum solves the full-horizon task",
          status: .reported("held on 14 of 30 \(runs): " + stalls), of: Lesson08Results.self) { r, check in
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison(greater: try race.variant("curriculum").finalSuccess, than: Lesson08Thresholds.solvedSuccess),
                    "the curriculum's final success on the full task")
        for (seed, offset) in race.curriculum.finalOffset.enumerated() {
            check.atLeast(Double(offset), Double(race.curriculum.longestDemonstration),
                          "seed \(seed): the curriculum's final start offset reaches the longest demonstration")
        }
    },
    Claim(lesson: 8, id: "pretrainingAloneUnsolved", "pre-training on two demonstrations alone does not solve the task",
          of: Lesson08Results.self) { r, check in
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison.less(try race.variant("pretrained").initialSuccess, than: Lesson08Thresholds.solvedSuccess),
                    "way 2's success before fine-tuning (behavior cloning on two demonstrations)")
    },
    Claim(lesson: 8, id: "pretrainingBelowThreshold", "pre-training on two demonstrations alone stays below the race's "
          + "success threshold",
          status: .reported("held on 19 of 30 \(runs): on 18 of the 120 training seeds the actor cloned from two "
                            + "demonstrations succeeds from 50–75 % of the starts, and one such seed out of four keeps "
                            + "the mean from being two standard errors below 0.5"), of: Lesson08Results.self) { r, check in
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison.less(try race.variant("pretrained").initialSuccess, than: Lesson08Thresholds.raceSuccess),
                    "way 2's success before fine-tuning (behavior cloning on two demonstrations)")
    },
    Claim(lesson: 8, id: "fineTuningImproves", "fine-tuning with the task reward improves on the pre-trained policy",
          of: Lesson08Results.self) { r, check in
        let race = try required(r.comparison, "comparison")
        check.seeds(SeedComparison(greater: try race.variant("pretrained").gainPerSeed, than: Lesson08Thresholds.fineTuningGain),
                    "way 2, seed by seed: final success minus success before fine-tuning")
    },
    Claim(lesson: 8, id: "clonedStart", "the actor cloned from all ten demonstrations starts at full success",
          of: Lesson08Results.self) { r, check in
        let ablation = try required(r.ablation, "ablation")
        for variant in ["pretrainedInconsistentCritic", "pretrainedWithoutCloningTerm", "pretrainedWithCloningTerm"] {
            check.seeds(SeedComparison(greater: try ablation.variant(variant).initialSuccess, than: Lesson08Thresholds.clonedSuccess),
                        "\(variant): success before fine-tuning")
        }
    },
    Claim(lesson: 8, id: "cloningTermKeeps", "fine-tuning with the cloning term keeps the cloned actor working",
          of: Lesson08Results.self) { r, check in
        let ablation = try required(r.ablation, "ablation")
        check.seeds(SeedComparison(greater: try ablation.variant("pretrainedWithCloningTerm").earlySuccess,
                                   than: Lesson08Thresholds.keptEarlySuccess),
                    "mean success over the first \(ablation.earlyWindow) steps of fine-tuning")
    },
]
