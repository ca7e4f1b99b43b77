import Foundation
import Testing

/// Runs lesson 1's quick setting once per test process and shares the result.
enum Lesson01Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, Error> = Result { try LessonRun.run("01-behavior-cloning", seed: 0, timeLimit: 300) }

    static func get() throws -> LessonRun { try shared.get() }
}

@Suite("Lesson 1: behavior cloning")
struct Lesson01ClaimTests {
    /// The numbers of one environment's sweep.
    struct Sweep {
        let name: String
        let demonstrations: [Double]
        let expert: Double
        let returns: [Double]
        let initialLoss: [Double]
        let finalLoss: [Double]

        init(_ run: LessonRun, _ prefix: String) throws {
            name = prefix
            demonstrations = try run.numbers("\(prefix).demonstrations")
            expert = try run.number("\(prefix).expert.return")
            returns = try run.numbers("\(prefix).bc.return.mean")
            initialLoss = try run.numbers("\(prefix).bc.loss.initial")
            finalLoss = try run.numbers("\(prefix).bc.loss.final")
        }
    }

    @Test("the run completes and writes its figures")
    func runCompletes() throws {
        let run = try Lesson01Run.get()
        #expect(run.status == "complete")
        for figure in ["loss", "returns", "actions"] {
            #expect(run.wrote("\(figure).png"), "figure \(figure).png is missing")
        }
    }

    @Test("with a fixed-variance Gaussian, −mean log-likelihood = L_BC/(2σ²) + const, gradients scaled by 1/(2σ²)")
    func likelihoodIdentity() throws {
        let run = try Lesson01Run.get()
        let gap = try run.number("identity.maxRelativeGap")
        let ratio = try run.number("identity.maxGradientRatioError")
        #expect(gap < 1e-4, "claim: NLL = L_BC/(2σ²) + (d/2)log(2πσ²); largest relative gap \(gap)")
        #expect(ratio < 1e-3, "claim: ∇NLL = ∇L_BC/(2σ²); largest relative deviation of the ratio \(ratio)")
        let difference = try run.number("identity.trainedPolicyMaxDifference")
        #expect(difference < 0.05, "claim: training on either loss gives the same policy; actions differ by \(difference)")
    }

    @Test("the training loss falls to near zero", arguments: ["pendulum", "car"])
    func lossFalls(_ prefix: String) throws {
        let sweep = try Sweep(try Lesson01Run.get(), prefix)
        for (i, n) in sweep.demonstrations.enumerated() {
            let ratio = sweep.finalLoss[i] / sweep.initialLoss[i]
            #expect(ratio < 0.2, "claim (\(prefix), \(Int(n)) demos): training loss falls by at least 5×; initial \(sweep.initialLoss[i]), final \(sweep.finalLoss[i])")
        }
        #expect(sweep.finalLoss[0] < 0.05 * sweep.initialLoss[0],
                "claim (\(prefix), 1 demo): training loss near zero; initial \(sweep.initialLoss[0]), final \(sweep.finalLoss[0])")
    }

    @Test("BC's return rises with the number of demonstrations and approaches the expert's", arguments: ["pendulum", "car"])
    func returnRises(_ prefix: String) throws {
        let sweep = try Sweep(try Lesson01Run.get(), prefix)
        let first = sweep.returns[0], last = sweep.returns[sweep.returns.count - 1]
        let range = sweep.expert - first
        #expect(range > 0, "claim (\(prefix)): the expert beats BC with one demo; expert \(sweep.expert), BC \(first)")
        for i in 1..<sweep.returns.count {
            #expect(sweep.returns[i] >= sweep.returns[i - 1] - 0.1 * range,
                    "claim (\(prefix)): the return rises with demos; \(sweep.demonstrations) → \(sweep.returns)")
        }
        #expect(sweep.expert - last < 0.1 * range,
                "claim (\(prefix)): with 25 demos BC approaches the expert; expert \(sweep.expert), BC returns \(sweep.returns)")
    }

    @Test("with few demonstrations BC is far below the expert although its training loss is tiny",
          arguments: ["pendulum", "car"])
    func fewDemonstrationsFail(_ prefix: String) throws {
        let sweep = try Sweep(try Lesson01Run.get(), prefix)
        let gapOne = sweep.expert - sweep.returns[0], gapMany = sweep.expert - sweep.returns[sweep.returns.count - 1]
        #expect(gapOne > 0.5 * abs(sweep.expert) && gapOne > 5 * max(gapMany, 0),
                "claim (\(prefix)): BC from 1 demo is far below the expert; expert \(sweep.expert), returns \(sweep.returns)")
        #expect(sweep.finalLoss[0] < 0.05 * sweep.initialLoss[0],
                "claim (\(prefix)): ... although its loss is tiny; final \(sweep.finalLoss[0]), initial \(sweep.initialLoss[0])")
    }
}
