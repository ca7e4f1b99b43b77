import Foundation
import Testing

/// Runs lesson 2's quick setting once per test process and shares the result.
enum Lesson02Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result {
        try LessonRun.run("02-distribution-shift", seed: 0, timeLimit: 300)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 2: distribution shift and DAgger")
struct Lesson02ClaimTests {
    @Test("the run completes and writes its figures")
    func runCompletes() throws {
        let run = try Lesson02Run.get()
        #expect(run.status == "complete")
        for figure in ["horizon", "trajectories", "visitation", "dagger-rounds", "obstacle"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
    }

    @Test("BC's deviation grows faster than linearly in the horizon; DAgger's stays near the expert's")
    func compoundingError() throws {
        let run = try Lesson02Run.get()
        let bcSlope = try run.number("horizon.slope.bc")
        let daggerSlope = try run.number("horizon.slope.dagger")
        let expertSlope = try run.number("horizon.slope.expert")
        let bc = try run.numbers("horizon.bc"), dagger = try run.numbers("horizon.dagger"), expert = try run.numbers("horizon.expert")
        #expect(bcSlope > 1.2, "claim: BC's J(T) grows faster than T; log-log slope \(bcSlope)")
        #expect(bcSlope > expertSlope + 0.3, "claim: BC's J(T) grows faster than the expert's; slopes BC \(bcSlope), expert \(expertSlope)")
        #expect(abs(daggerSlope - expertSlope) < 0.1, "claim: DAgger grows like the expert; slopes DAgger \(daggerSlope), expert \(expertSlope)")
        #expect(dagger.last! < 1.5 * expert.last!, "claim: DAgger's deviation stays near the expert's; J(T_max) DAgger \(dagger.last!), expert \(expert.last!)")
        #expect(bc.last! > 5 * expert.last!, "claim: BC's deviation is far above the expert's; J(T_max) BC \(bc.last!), expert \(expert.last!)")
        // The ratio J_BC(T)/J_expert(T) grows with T (compounding), from the shortest to the longest horizon.
        #expect(bc.last! / expert.last! > 2 * (bc.first! / expert.first!),
                "claim: BC's excess deviation compounds; ratios to the expert \(zip(bc, expert).map { $0 / $1 })")
    }

    @Test("BC's visited-state histogram drifts from the expert's, DAgger's does not")
    func visitationDrift() throws {
        let run = try Lesson02Run.get()
        let bc = try run.number("visitation.tv.bc"), dagger = try run.number("visitation.tv.dagger")
        #expect(bc > 0.3, "claim: BC's state distribution differs from the expert's; TV \(bc)")
        #expect(dagger < 0.1, "claim: DAgger's state distribution matches the expert's; TV \(dagger)")
        #expect(bc > 3 * dagger, "claim: BC drifts much more than DAgger; TV BC \(bc), DAgger \(dagger)")
    }

    @Test("DAgger's learner reaches the expert's return within a few rounds, starting from BC's")
    func daggerRounds() throws {
        let run = try Lesson02Run.get()
        let expert = try run.number("dagger.expertReturn")
        guard let returns = try run.value("dagger.returns") as? [[Double]] else {
            Issue.record("dagger.returns is not a list of lists of numbers")
            return
        }
        for (seed, curve) in returns.enumerated() {
            #expect(curve.last! > 0.95 * expert, "claim: DAgger reaches the expert (seed \(seed)); returns \(curve), expert \(expert)")
            #expect(curve.first! < 0.5 * expert, "claim: round 0 (BC) is far below the expert (seed \(seed)); returns \(curve)")
        }
    }

    @Test("on the bimodal obstacle the squared-error policy collides, the mixture policy does not")
    func multimodal() throws {
        let run = try Lesson02Run.get()
        let squared = try run.numbers("obstacle.collisions.squaredError")
        let mixture = try run.numbers("obstacle.collisions.mixture")
        let demonstrations = try run.numbers("obstacle.demonstrationCollisions")
        let meanSquared = squared.reduce(0, +) / Double(squared.count)
        let meanMixture = mixture.reduce(0, +) / Double(mixture.count)
        #expect(demonstrations.allSatisfy { $0 == 0 }, "the experts themselves never collide; rates \(demonstrations)")
        #expect(meanSquared > 0.5, "claim: the squared-error policy drives into the obstacle; collision rates \(squared)")
        #expect(meanMixture < 0.1, "claim: the mixture policy goes around it; collision rates \(mixture)")
    }
}
