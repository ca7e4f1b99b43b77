import Foundation
import Testing

/// Lesson 8's quick run, made once per test process and shared by every claim below.
enum Lesson08Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("08-demonstrations-in-rl", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

/// The environment step at which a variant's mean success curve first reached the lesson's
/// threshold, or `nil` when it never did within the budget.
func stepReachingThreshold(_ run: LessonRun, _ variant: String) throws -> Int? {
    let step = Int(try run.number("comparison.\(variant).firstStepReachingThreshold"))
    return step < 0 ? nil : step
}

@Suite("Lesson 8: demonstrations inside reinforcement learning")
struct Lesson08ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func lessonRuns() throws {
        let run = try Lesson08Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["task.png", "success.png", "curriculum.png", "consistency.png", "notebook.md", "notebook.ipynb"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        #expect(try run.number("comparison.gradientUpdates") > 0)
        #expect(try run.numbers("comparison.curriculum.meanSuccess").count == run.numbers("comparison.curriculum.steps").count)
    }

    @Test("the task needs exploration: random actions never succeed, the demonstrator almost always does")
    func taskIsHardForRandomExploration() throws {
        let run = try Lesson08Run.get()
        let random = try run.number("task.random.successRate"), demonstrator = try run.number("task.demonstrator.successRate")
        #expect(random == 0, "uniformly random actions succeeded in \(random * 100) % of the episodes")
        #expect(demonstrator >= 0.9, "the demonstrator succeeded in only \(demonstrator * 100) % of the episodes")
    }

    @Test("ways 1, 2 and 4 each reach the success threshold in fewer environment steps than RL from scratch",
          arguments: ["replayKept", "pretrained", "curriculum"])
    func demonstrationsReachTheThresholdSooner(variant: String) throws {
        let run = try Lesson08Run.get()
        let threshold = try run.number("comparison.threshold")
        let budget = Int(try run.number("comparison.environmentStepsPerRun"))
        let scratch = try stepReachingThreshold(run, "scratch")
        let mine = try stepReachingThreshold(run, variant)
        let mineText = mine.map(String.init) ?? "never", scratchText = scratch.map(String.init) ?? "never"
        #expect(mine != nil, "claim: \(variant) reaches \(threshold) mean success within \(budget) steps; it never did")
        if let mine {
            #expect(mine < (scratch ?? budget + 1),
                    "claim: \(variant) reaches \(threshold) sooner than RL from scratch; \(variant) \(mineText), scratch \(scratchText)")
        }
    }

    @Test("the backward curriculum solves the full-horizon task where RL from scratch does not within the budget")
    func curriculumSolvesTheFullTask() throws {
        let run = try Lesson08Run.get()
        let curriculum = try run.number("comparison.curriculum.finalSuccessMean")
        let scratch = try run.number("comparison.scratch.finalSuccessMean")
        #expect(curriculum >= 0.8, "claim: the curriculum's final success on the full task is high; got \(curriculum)")
        #expect(scratch <= 0.2, "claim: RL from scratch does not solve the task within the budget; got \(scratch)")
        // The curriculum's start reached the beginning of the demonstrations (the full task) on every seed.
        let longest = try run.number("comparison.curriculum.longestDemonstration")
        let finalOffsets = try run.numbers("comparison.curriculum.finalOffset")
        #expect(finalOffsets.allSatisfy { $0 >= longest },
                "the curriculum's final start offsets \(finalOffsets) should reach the longest demonstration (\(longest))")
    }

    @Test("keeping the demonstrations forever vs removing them is recorded (shown, not asserted)")
    func keepOrRemoveIsRecorded() throws {
        let run = try Lesson08Run.get()
        let kept = try run.numbers("comparison.replayKept.finalSuccessPerSeed")
        let removed = try run.numbers("comparison.replayRemoved.finalSuccessPerSeed")
        let removedAt = try run.numbers("comparison.replayRemoved.removedAtStep")
        #expect(kept.count == removed.count && removed.count == removedAt.count)
        #expect(kept.allSatisfy { (0...1).contains($0) } && removed.allSatisfy { (0...1).contains($0) })
    }

    @Test("the critic-consistency ablation is recorded, and the cloning term keeps the cloned actor working")
    func ablationIsRecorded() throws {
        let run = try Lesson08Run.get()
        for variant in ["pretrainedInconsistentCritic", "pretrainedWithoutCloningTerm", "pretrained"] {
            #expect(try run.numbers("ablation.\(variant).meanSuccess").first ?? 0 >= 0.7,
                    "the behavior-cloned actor of \(variant) should start at full success")
        }
        let withTerm = try run.number("ablation.pretrained.meanEarly")
        #expect(withTerm >= 0.9, "fine-tuning with the cloning term kept \(withTerm) success over the first steps")
    }
}
