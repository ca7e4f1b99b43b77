import Foundation
import Numerics

/// "0", "0.1", "1": how lesson 7 names λ in its result keys.
private func lambdaLabel(_ lambda: Double) -> String {
    var text = String(format: "%.2f", lambda)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// Lesson 7's claims: mixing imitation and task rewards (Zhu et al. 2018).
let lesson07Claims: [Claim] = [
    Claim(lesson: 7, id: "lambda", "an intermediate λ beats both ends (λ = 0: no GAIL reward; λ = 1: no task reward)") { r, check in
        let lambdas = try r.numbers("sweep.lambdas")
        let recipe = try r.text("ablation.recipeKey")
        let best = try r.numbers("runs.\(recipe).finalSuccess")
        let none = try r.numbers("runs.lambda\(lambdaLabel(lambdas.first!)).finalSuccess")
        let only = try r.numbers("runs.lambda\(lambdaLabel(lambdas.last!)).finalSuccess")
        check.seeds(SeedComparison(greater: best, than: none), "final success, the recipe above λ = 0")
        check.seeds(SeedComparison(greater: best, than: only), "final success, the recipe above λ = 1")
    },
    Claim(lesson: 7, id: "exceedsDemonstrator", "the mixed agent exceeds the demonstrator's success rate or speed; imitation alone does not") { r, check in
        let recipe = try r.text("ablation.recipeKey")
        let success = try r.numbers("runs.\(recipe).finalSuccess")
        let steps = try r.numbers("runs.\(recipe).stepsToSuccess").filter { !$0.isNaN }
        let expertSuccess = try r.number("expert.successRate"), expertSteps = try r.number("expert.stepsToSuccess")
        let faster = SeedComparison.less(steps, than: expertSteps), better = SeedComparison(greater: success, than: expertSuccess)
        check.seeds(faster.holds || !better.holds ? faster : better, "the recipe faster (steps to success) or more successful than the demonstrator")
        check.seeds(SeedComparison.less(try r.numbers("runs.lambda1.finalSuccess"), than: expertSuccess),
                    "imitation alone (λ = 1) below the demonstrator's success")
    },
    Claim(lesson: 7, id: "demoStarts", "demonstration-state starts speed learning up") { r, check in
        let recipe = try r.text("ablation.recipeKey")
        check.seeds(SeedComparison(greater: try r.numbers("runs.\(recipe).successAlongTraining"),
                                   than: try r.numbers("runs.noDemoStarts.successAlongTraining")),
                    "success along training, with demonstration starts above without")
    },
    Claim(lesson: 7, id: "mask", "a discriminator that sees only the block does better than one that also sees the pusher",
          status: .knownIssue("in this 2-D task the block-only discriminator cannot reward the approach to the block; "
                              + "the one that sees the pusher learns at least as fast (the lesson measures why)")) { r, check in
        let recipe = try r.text("ablation.recipeKey")
        check.seeds(SeedComparison(greater: try r.numbers("runs.\(recipe).successAlongTraining"),
                                   than: try r.numbers("runs.blockAndPusher.successAlongTraining")),
                    "success along training, block only above block + pusher")
    },
]
