import Foundation
import Numerics

/// Lesson 7's claims: mixing imitation and task rewards (Zhu et al. 2018). "Learns faster" is the mean
/// success along training (the area under the success curve), which does not saturate once both
/// sides have learned; "better than the teacher" is about the final policies.
/// "The recipe learns faster than `other`": success along training, per seed, beyond two standard errors.
private func recipeLearnsFaster(than other: String, _ detail: String, _ r: LessonResults, _ check: ClaimChecker) throws {
    let recipe = try r.text("ablation.recipeKey")
    check.seeds(SeedComparison(greater: try r.numbers("runs.\(recipe).successAlongTraining"),
                               than: try r.numbers("runs.\(other).successAlongTraining")), "success along training, " + detail)
}

let lesson07Claims: [Claim] = [
    Claim(lesson: 7, id: "lambda.noTaskReward", "the recipe (λ = 0.1) learns faster than imitation alone (λ = 1, no task reward)") { r, check in
        try recipeLearnsFaster(than: "lambda1", "the recipe above λ = 1", r, check)
    },
    Claim(lesson: 7, id: "lambda.noGAILReward",
          "the recipe (λ = 0.1) learns faster than λ = 0 (no GAIL reward, demonstration starts only)",
          status: .reported("held on 4 of 30 quick runs (base seeds 0–9 × the Haswell, SkylakeX and Sandybridge kernels, "
                            + "10 training seeds each): both learn on some training seeds and not on others (pooled over 60 "
                            + "seeds, along-training success 0.27 ± sd 0.22 against 0.13 ± 0.17), so about 60 seeds would "
                            + "be needed to tell them apart")) { r, check in
        try recipeLearnsFaster(than: "lambda0", "the recipe above λ = 0", r, check)
    },
    Claim(lesson: 7, id: "exceedsDemonstrator",
          "the mixed agent exceeds the demonstrator's success rate or speed; imitation alone does not") { r, check in
        let recipe = try r.text("ablation.recipeKey")
        let success = try r.numbers("runs.\(recipe).finalSuccess")
        let steps = try r.numbers("runs.\(recipe).stepsToSuccess").filter { !$0.isNaN }
        let expertSuccess = try r.number("expert.successRate"), expertSteps = try r.number("expert.stepsToSuccess")
        let faster = SeedComparison.less(steps, than: expertSteps), better = SeedComparison(greater: success, than: expertSuccess)
        check.seeds(faster.holds || !better.holds ? faster : better,
                    "the recipe faster (steps to success) or more successful than the demonstrator")
        check.seeds(SeedComparison.less(try r.numbers("runs.lambda1.finalSuccess"), than: expertSuccess),
                    "imitation alone (λ = 1) below the demonstrator's success")
    },
    Claim(lesson: 7, id: "cloningBeatsNoisyTeacher",
          "behavior cloning of the noisy demonstrator succeeds less often than it from the agents' few demonstrations "
          + "and more often from many; the mixed agent is faster than the best clone") { r, check in
        let counts = try r.numbers("bc.demonstrationCounts").map { Int($0) }
        guard counts.count == 2 else { throw ClaimError.wrongType(key: "bc.demonstrationCounts", expected: "two counts") }
        // The demonstrator measured on the clones' evaluation episodes (more than the agents' 50).
        let expertSuccess = try r.number("bc.demonstrator.successRate")
        check.seeds(SeedComparison.less(try r.numbers("runs.bc\(counts[0]).finalSuccess"), than: expertSuccess),
                    "BC on \(counts[0]) demonstrations below the demonstrator's success")
        check.seeds(SeedComparison(greater: try r.numbers("runs.bc\(counts[1]).finalSuccess"), than: expertSuccess),
                    "BC on \(counts[1]) demonstrations above the demonstrator's success")
        let recipe = try r.text("ablation.recipeKey")
        check.seeds(SeedComparison(greater: try r.numbers("runs.bc\(counts[1]).stepsToSuccess").filter { !$0.isNaN },
                                   than: try r.numbers("runs.\(recipe).stepsToSuccess").filter { !$0.isNaN }),
                    "steps to success, the best clone above the recipe")
    },
    Claim(lesson: 7, id: "demoStarts", "demonstration-state starts speed learning up",
          status: .reported("held on 25 of 30 quick runs (base seeds 0–9 × three kernels): the demonstrations and "
                            + "evaluation states that a base seed draws change how often the agent without demo starts "
                            + "finds the goal")) { r, check in
        try recipeLearnsFaster(than: "noDemoStarts", "with demonstration starts above without", r, check)
    },
    Claim(lesson: 7, id: "mask", "a discriminator that sees only the block does better than one that also sees the pusher",
          status: .knownIssue("in this 2-D task the block-only discriminator cannot reward the approach to the block; "
                              + "the one that sees the pusher learns at least as fast (the full run compares both without demonstration starts)")) { r, check in
        try recipeLearnsFaster(than: "blockAndPusher", "block only above block + pusher", r, check)
        let recipe = try r.text("ablation.recipeKey")
        check.seeds(SeedComparison(greater: try r.numbers("runs.\(recipe).finalSuccess"),
                                   than: try r.numbers("runs.blockAndPusher.finalSuccess")),
                    "final success, block only above block + pusher")
    },
]
