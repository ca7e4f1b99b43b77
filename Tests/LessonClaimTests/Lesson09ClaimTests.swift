import Foundation
import LessonClaims
import Testing

/// Lesson 9's quick run, made once per test process and shared by every claim below.
enum Lesson09Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("09-visuomotor", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 9: visuomotor imitation")
struct Lesson09ClaimTests {
    @Test("the lesson runs every cell and writes its figures and notebooks")
    func lessonRuns() throws {
        let run = try Lesson09Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["observations.png", "embodiments.png", "success.png", "randomization.png", "notebook.md", "notebook.ipynb"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        let results = try LessonResults(document: run.document).decode(Lesson09Results.self)
        let ablation = try #require(results.ablation)
        #expect(ablation.agents.map(\.id) == ["state", "pixels", "stateWithoutAuxiliary", "paddleStates"])
        #expect(ablation.environmentStepsPerRun > 0)
        for agent in ablation.agents {
            #expect(agent.successPerSeed.count == ablation.seeds.count, "\(agent.id): one curve per seed")
            #expect(agent.successPerSeed.allSatisfy { $0.count == agent.steps.count }, "\(agent.id): one point per evaluation")
            #expect(agent.finalSuccess.allSatisfy { (0...1).contains($0) }, "\(agent.id): success rates in [0, 1]")
        }
        #expect(try run.measurement("render.framesPerSecond") > 0)
        let cloning = try #require(results.randomization)
        for policy in [cloning.fixed, cloning.randomized] {
            #expect([policy.finalLoss, policy.figureSuccess, policy.drawnSuccess, policy.heldOutSuccess]
                .allSatisfy { $0.count == cloning.seeds.count }, "one number per seed")
        }
    }

    @Test("claim", arguments: ClaimCatalogue.claims(ofLesson: 9))
    func claimHolds(_ claim: Claim) throws {
        assertClaim(claim, on: try Lesson09Run.get())
    }
}
