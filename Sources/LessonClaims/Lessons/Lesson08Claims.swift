/// Lesson 8's claims: four ways of using demonstrations inside RL on a sparse task.
let lesson08Claims: [Claim] = [
    Claim(lesson: 8, id: "taskNeedsExploration", "random actions never succeed; the demonstrator almost always does") { r, check in
        check.atMost(try r.number("task.random.successRate"), 0, "uniformly random actions' success rate")
        check.atLeast(try r.number("task.demonstrator.successRate"), 0.9, "the demonstrator's success rate")
    },
] + [("replayKept", "1 (demonstrations in the replay buffer)"), ("pretrained", "2 (pre-training)"),
     ("curriculum", "4 (backward curriculum)")].map { variant, name in
    Claim(lesson: 8, id: "sooner.\(variant)", "way \(name) reaches the success threshold sooner than RL from scratch") { r, check in
        let budget = try r.number("comparison.environmentStepsPerRun")
        let mine = try r.numbers("comparison.\(variant).firstStepReachingThresholdPerSeed").map { $0 < 0 ? budget + 1 : $0 }
        let scratch = try r.numbers("comparison.scratch.firstStepReachingThresholdPerSeed").map { $0 < 0 ? budget + 1 : $0 }
        check.that(mine.allSatisfy { $0 <= budget }, "\(variant) reaches the threshold within the budget on every seed: \(mine)")
        for (seed, (a, b)) in zip(mine, scratch).enumerated() {
            check.less(a, than: b, "seed \(seed): \(variant)'s first step at the threshold vs scratch's")
        }
    }
} + [
    Claim(lesson: 8, id: "curriculum", "the backward curriculum solves the full-horizon task where RL from scratch does not") { r, check in
        check.atLeast(try r.number("comparison.curriculum.finalSuccessMean"), 0.8, "the curriculum's final success on the full task")
        check.atMost(try r.number("comparison.scratch.finalSuccessMean"), 0.2, "RL from scratch's final success")
        let longest = try r.number("comparison.curriculum.longestDemonstration")
        for (seed, offset) in try r.numbers("comparison.curriculum.finalOffset").enumerated() {
            check.atLeast(offset, longest, "seed \(seed): the curriculum's final start offset reaches the longest demonstration")
        }
    },
    Claim(lesson: 8, id: "cloningTerm", "the behavior-cloned actor starts at full success and the cloning term keeps it working") { r, check in
        for variant in ["pretrainedInconsistentCritic", "pretrainedWithoutCloningTerm", "pretrained"] {
            check.atLeast(try r.numbers("ablation.\(variant).meanSuccess").first ?? 0, 0.7, "\(variant): the cloned actor's first success")
        }
        check.atLeast(try r.number("ablation.pretrained.meanEarly"), 0.9, "fine-tuning with the cloning term, early success")
    },
]
