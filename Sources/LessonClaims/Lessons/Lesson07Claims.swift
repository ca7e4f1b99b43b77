import Foundation
import Numerics

/// Lesson 7's claims: mixing imitation and task rewards (Zhu et al. 2018). "Learns faster" is the mean
/// success along training (the area under the success curve), which does not saturate once both
/// sides have learned; "better than the teacher" is about the final policies.
/// "The recipe learns faster than `other`": success along training, per seed, beyond two standard errors.
private func recipeLearnsFaster(than other: (Lesson07Results.Training) throws -> Lesson07Results.Variant, _ detail: String,
                                _ results: Lesson07Results, _ check: ClaimChecker) throws {
    let training = try required(results.training, "training")
    check.seeds(SeedComparison(greater: try training.recipe().successAlongTraining,
                               than: try other(training).successAlongTraining), "success along training, " + detail)
}

let lesson07Claims: [Claim] = [
    Claim(lesson: 7, id: "lambda.noTaskReward", "the recipe (λ = 0.1) learns faster than imitation alone (λ = 1, no task reward)",
          of: Lesson07Results.self) { r, check in
        try recipeLearnsFaster(than: { try $0.sweep(at: 1) }, "the recipe above λ = 1", r, check)
    },
    Claim(lesson: 7, id: "lambda.noGAILReward",
          "the recipe (λ = 0.1) learns faster than λ = 0 (no GAIL reward, demonstration starts only)",
          status: .reported("held on 4 of 30 quick runs (base seeds 0–9 × the Haswell, SkylakeX and Sandybridge kernels, "
                            + "10 training seeds each): both learn on some training seeds and not on others (pooled over 60 "
                            + "seeds, along-training success 0.27 ± sd 0.22 against 0.13 ± 0.17), so about 60 seeds would "
                            + "be needed to tell them apart"), of: Lesson07Results.self) { r, check in
        try recipeLearnsFaster(than: { try $0.sweep(at: 0) }, "the recipe above λ = 0", r, check)
    },
    Claim(lesson: 7, id: "exceedsDemonstrator",
          "the mixed agent exceeds the demonstrator's success rate or speed; imitation alone does not",
          of: Lesson07Results.self) { r, check in
        let training = try required(r.training, "training"), task = try required(r.task, "task")
        let recipe = try training.recipe()
        let faster = SeedComparison.less(recipe.stepsOfSuccessfulSeeds, than: task.demonstrator.stepsToSuccess)
        let better = SeedComparison(greater: recipe.finalSuccess, than: task.demonstrator.successRate)
        check.seeds(faster.holds || !better.holds ? faster : better,
                    "the recipe faster (steps to success) or more successful than the demonstrator")
        check.seeds(SeedComparison.less(try training.sweep(at: 1).finalSuccess, than: task.demonstrator.successRate),
                    "imitation alone (λ = 1) below the demonstrator's success")
    },
    Claim(lesson: 7, id: "cloning.fewBelowTeacher",
          "behavior cloning of the agents' few demonstrations succeeds less often than the noisy demonstrator; the mixed "
          + "agent is faster than the clone of many", of: Lesson07Results.self) { r, check in
        let cloning = try required(r.cloning, "cloning"), training = try required(r.training, "training")
        // The demonstrator measured on the clones' evaluation episodes (more than the agents' 50).
        check.seeds(SeedComparison.less(cloning.few.finalSuccess, than: cloning.demonstrator.successRate),
                    "BC on \(cloning.few.demonstrations) demonstrations below the demonstrator's success")
        check.seeds(SeedComparison(greater: cloning.many.stepsOfSuccessfulSeeds, than: try training.recipe().stepsOfSuccessfulSeeds),
                    "steps to success, the clone of \(cloning.many.demonstrations) demonstrations above the recipe")
    },
    Claim(lesson: 7, id: "cloning.manyAboveTeacher",
          "behavior cloning of many demonstrations succeeds more often than the noisy demonstrator",
          status: .reported("held on 28 of 30 quick runs (base seeds 0–9 × three kernels, 10 clones of 500 demonstrations "
                            + "each, 200 evaluation episodes): on base seed 5 the demonstrator itself succeeds in 89% and "
                            + "the clones' lead (0.92 ± 0.02) stays within two standard errors on two of the three kernels"),
          of: Lesson07Results.self) { r, check in
        let cloning = try required(r.cloning, "cloning")
        check.seeds(SeedComparison(greater: cloning.many.finalSuccess, than: cloning.demonstrator.successRate),
                    "BC on \(cloning.many.demonstrations) demonstrations above the demonstrator's success")
    },
    Claim(lesson: 7, id: "demoStarts", "demonstration-state starts speed learning up",
          status: .reported("held on 25 of 30 quick runs (base seeds 0–9 × three kernels): the demonstrations and "
                            + "evaluation states that a base seed draws change how often the agent without demo starts "
                            + "finds the goal"), of: Lesson07Results.self) { r, check in
        try recipeLearnsFaster(than: { $0.noDemoStarts }, "with demonstration starts above without", r, check)
    },
    Claim(lesson: 7, id: "mask", "a discriminator that sees only the block does better than one that also sees the pusher",
          status: .knownIssue("in this 2-D task the block-only discriminator cannot reward the approach to the block; "
                              + "the one that sees the pusher learns at least as fast (the full run compares both without demonstration starts)"),
          of: Lesson07Results.self) { r, check in
        try recipeLearnsFaster(than: { $0.blockAndPusher }, "block only above block + pusher", r, check)
        let training = try required(r.training, "training")
        check.seeds(SeedComparison(greater: try training.recipe().finalSuccess, than: training.blockAndPusher.finalSuccess),
                    "final success, block only above block + pusher")
    },
]
