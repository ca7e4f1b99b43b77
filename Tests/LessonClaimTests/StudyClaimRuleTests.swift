import Foundation
import LessonClaims
import Testing

/// The study claims are decided only on 12-seed runs at the default budget, which the test command
/// cannot afford; here their rules run on made-up 12-seed results, so that each is seen to hold when
/// the numbers say so, to fail when they do not, and to refuse runs that cannot decide it.
@Suite("Study claims: their rules on made-up 12-seed results")
struct StudyClaimRuleTests {
    /// `value` as a results.json's "results" object, read back as the claims read it.
    func results(_ value: some Encodable) throws -> LessonResults {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value))
        return LessonResults(document: ["results": object])
    }

    func claim(_ lesson: Int, _ id: String) throws -> Claim {
        try #require(ClaimCatalogue.claims(ofLesson: lesson).first { $0.id == id }, "claim \(lesson).\(id) exists")
    }

    /// Final success rates of twelve runs, 8 of which reach the threshold 0.5, and 2 of which do.
    let eightOfTwelve = [0.2, 0.85, 0.4, 0, 0.85, 0.95, 0.9, 0.85, 0.15, 0.75, 0.95, 0.75]
    let twoOfTwelve = [0, 0.6, 0, 0, 0.1, 0, 0.7, 0, 0, 0, 0, 0.2]

    /// Twelve values around `center`, spread by ±`spread`.
    func seeds(_ center: Double, spread: Double = 0.1) -> [Double] {
        (0..<12).map { center * (1 + spread * (Double($0 % 5) - 2) / 2) }
    }

    func lesson06(ddpgEstimate: Double, bcReturn: Double, seedCount: Int = 12) -> Lesson06Results {
        var r = Lesson06Results()
        let pick = { (values: [Double]) in Array(values.prefix(seedCount)) }
        r.hopperEnvironmentSteps = 50_000
        r.hopperFinal = .init(seeds: seedCount, transitions: 50_000, bcqUpdates: 12_000,
                              expertReturnPerSeed: pick(seeds(400)), ddpgReturnPerSeed: pick(seeds(300)),
                              ddpgEstimatePerSeed: pick(seeds(ddpgEstimate)), ddpgTruthPerSeed: pick(seeds(100)),
                              bcqReturnPerSeed: pick(seeds(300)), bcReturnPerSeed: pick(seeds(bcReturn)),
                              bcqEstimatePerSeed: pick(seeds(80)), bcqTruthPerSeed: pick(seeds(120)))
        r.hopperConcurrent = r.hopperFinal
        return r
    }

    @Test("lesson 6's Final- and Concurrent-buffer claims hold, fail and refuse as their numbers say")
    func lessonSix() throws {
        for buffer in ["Final", "Concurrent"] {
            let value = try claim(6, "hopper\(buffer)Value"), bc = try claim(6, "hopper\(buffer)BC")
            let ddpg = try claim(6, "hopper\(buffer)DDPG")
            let clear = try results(lesson06(ddpgEstimate: 600, bcReturn: 80))
            #expect(value.evaluate(clear).holds && bc.evaluate(clear).holds, "\(buffer)")
            #expect(!ddpg.evaluate(clear).holds, "\(buffer): BCQ level with offline DDPG is not above it")
            let unclear = try results(lesson06(ddpgEstimate: 110, bcReturn: 300))
            #expect(!value.evaluate(unclear).holds, "\(buffer): offline DDPG at 1.1 times its true value is not far above it")
            #expect(!bc.evaluate(unclear).holds, "\(buffer): BCQ level with BC is not above it")
            let fewSeeds = value.evaluate(try results(lesson06(ddpgEstimate: 600, bcReturn: 80, seedCount: 4)))
            #expect(fewSeeds.error?.hasPrefix("not decided on 4 seeds") == true, "\(fewSeeds.error ?? "a verdict")")
            var quick = Lesson06Results()
            quick.hopperEnvironmentSteps = 20_000
            let short = bc.evaluate(try results(quick))
            #expect(short.error?.hasPrefix("not decided on runs of 20000 steps") == true, "\(short.error ?? "a verdict")")
        }
    }

    /// `final: false` is a `--quick` run: 20 000 steps, neither the Final nor the Concurrent buffer.
    func lesson05(blueEstimate: Double, seedCount: Int = 12, final: Bool = true, orangeReturn: Double = 300) -> Lesson05Results {
        func agent(estimate: Double, finalReturn: Double = 300) -> Lesson05Results.Agent {
            let estimates = Array(seeds(estimate).prefix(seedCount)), truths = Array(seeds(100).prefix(seedCount))
            var agent = Lesson05Results.Agent(
                finalReturn: .init(mean: finalReturn, standardDeviation: 30),
                finalReturnPerSeed: Array(seeds(finalReturn).prefix(seedCount)),
                finalValue: .init(estimate: estimate, truth: 100), overestimationPerSeed: zip(estimates, truths).map { $0 - $1 },
                updates: [0], returnCurve: [300], estimateCurve: [estimate], truthCurve: [100])
            agent.finalEstimatePerSeed = estimates
            agent.finalTruthPerSeed = truths
            return agent
        }
        let setting = Lesson05Results.Setting(orange: agent(estimate: 120, finalReturn: orangeReturn),
                                              blue: agent(estimate: blueEstimate))
        var r = Lesson05Results()
        r.hopper = .init(seeds: seedCount, environmentSteps: final ? 50_000 : 20_000, imitation: setting,
                         concurrent: final ? setting : nil, final: final ? setting : nil)
        return r
    }

    @Test("lesson 5's Final and Concurrent value claims hold, fail and refuse as their numbers say")
    func lessonFive() throws {
        for id in ["hopperFinalValue", "hopperConcurrentValue"] {
            let value = try claim(5, id)
            #expect(value.evaluate(try results(lesson05(blueEstimate: 600))).holds, "\(id)")
            #expect(!value.evaluate(try results(lesson05(blueEstimate: 150))).holds,
                    "\(id): 1.5 times the true value is not far above it")
            let fewSeeds = value.evaluate(try results(lesson05(blueEstimate: 600, seedCount: 4)))
            #expect(fewSeeds.error?.hasPrefix("not decided on 4 seeds") == true, "\(fewSeeds.error ?? "a verdict")")
            let quick = value.evaluate(try results(lesson05(blueEstimate: 600, final: false)))
            #expect(quick.error?.hasPrefix("not decided on runs of 20000 steps") == true, "\(quick.error ?? "a verdict")")
        }
    }

    @Test("lesson 5's Concurrent return claim holds, fails and refuses as its numbers say")
    func lessonFiveConcurrentReturn() throws {
        let claim = try claim(5, "hopperConcurrentReturn")
        #expect(claim.evaluate(try results(lesson05(blueEstimate: 600, orangeReturn: 600))).holds)
        #expect(!claim.evaluate(try results(lesson05(blueEstimate: 600, orangeReturn: 300))).holds,
                "orange level with blue is not above it")
        let fewSeeds = claim.evaluate(try results(lesson05(blueEstimate: 600, seedCount: 4, orangeReturn: 600)))
        #expect(fewSeeds.error?.hasPrefix("not decided on 4 seeds") == true, "\(fewSeeds.error ?? "a verdict")")
        let quick = claim.evaluate(try results(lesson05(blueEstimate: 600, final: false, orangeReturn: 600)))
        #expect(quick.error?.hasPrefix("not decided on runs of 20000 steps") == true, "\(quick.error ?? "a verdict")")
    }

    func lesson09(final: [Double], heldOut: [Double]?, pixels: [Double]? = nil, paddle: [Double]? = nil,
                  withoutAuxiliary: [Double]? = nil, steps: Int = 102_400) -> Lesson09Results {
        var r = Lesson09Results()
        func agent(_ id: String, _ final: [Double], heldOut: [Double]?) -> Lesson09Results.Agent {
            .init(id: id, steps: [steps], successPerSeed: final.map { [$0] },
                  stepsToThreshold: final.map { $0 >= 0.5 ? Double(steps) : .nan },
                  finalSuccess: final, meanSuccessAlongTraining: final, heldOutFinalSuccess: heldOut)
        }
        var agents = [agent("state", final, heldOut: heldOut)]
        for (id, values) in [("pixels", pixels), ("paddleStates", paddle), ("stateWithoutAuxiliary", withoutAuxiliary)] {
            if let values { agents.append(agent(id, values, heldOut: nil)) }
        }
        r.ablation = .init(threshold: 0.5, environmentStepsPerRun: steps, seeds: (0..<UInt64(final.count)).map { $0 },
                           agents: agents)
        return r
    }

    @Test("lesson 9's critic claim is decided on 24 seeds, and compares the shares of seeds that reach the threshold")
    func lessonNineCritic() throws {
        let critic = try claim(9, "asymmetricCritic")
        let recipe = eightOfTwelve + eightOfTwelve
        let fewer = twoOfTwelve + twoOfTwelve
        let twelve = critic.evaluate(try results(lesson09(final: eightOfTwelve, heldOut: nil, pixels: twoOfTwelve)))
        #expect(twelve.error?.hasPrefix("not decided on 12 seeds") == true, "\(twelve.error ?? "a verdict")")
        #expect(critic.evaluate(try results(lesson09(final: recipe, heldOut: nil, pixels: fewer))).holds)
        #expect(!critic.evaluate(try results(lesson09(final: recipe, heldOut: nil, pixels: recipe))).holds,
                "as many seeds reaching the threshold is not more")
    }

    @Test("lesson 9's auxiliary-task claim is decided on 24 seeds, and compares the shares that reach the threshold")
    func lessonNineAuxiliary() throws {
        let auxiliary = try claim(9, "auxiliaryTask")
        let recipe = [0.2, 0.85, 0.4, 0, 0.85, 0.95, 0.9, 0.85, 0.15, 0, 0.95, 0.1]       // 6 of 12 reach 0.5
        let without = twoOfTwelve
        let twelve = auxiliary.evaluate(try results(lesson09(final: recipe, heldOut: nil, withoutAuxiliary: without)))
        #expect(twelve.error?.hasPrefix("not decided on 12 seeds") == true, "\(twelve.error ?? "a verdict")")
        // Twice the seeds, the same split: 12 of 24 against 4 of 24 clears two standard errors (0.33 against 0.26).
        #expect(auxiliary.evaluate(try results(lesson09(final: recipe + recipe, heldOut: nil,
                                                        withoutAuxiliary: without + without))).holds)
        #expect(!auxiliary.evaluate(try results(lesson09(final: recipe + recipe, heldOut: nil,
                                                         withoutAuxiliary: recipe + recipe))).holds,
                "as many seeds reaching the threshold without the auxiliary task is no difference")
    }

    @Test("lesson 9's other-embodiment claim: the paddle's runs must reach the threshold on clearly more than no seeds")
    func lessonNineEmbodiment() throws {
        let embodiment = try claim(9, "otherEmbodiment")
        let recipe = eightOfTwelve
        let alike = [0.9, 0.1, 0.6, 0.7, 0, 0.95, 0.9, 0.2, 0.85, 0.75, 0.6, 0.3]       // 8 of 12
        let rarely = twoOfTwelve
        let never = recipe.map { _ in 0.1 }
        #expect(embodiment.evaluate(try results(lesson09(final: recipe, heldOut: nil, paddle: alike))).holds)
        #expect(!embodiment.evaluate(try results(lesson09(final: recipe, heldOut: nil, paddle: rarely))).holds,
                "2 of 12 seeds is not clearly above zero")
        #expect(!embodiment.evaluate(try results(lesson09(final: recipe, heldOut: nil, paddle: never))).holds,
                "no seed reaching the threshold teaches nothing")
        let missing = embodiment.evaluate(try results(lesson09(final: recipe, heldOut: nil)))
        #expect(missing.error?.contains("paddleStates") == true, "\(missing.error ?? "a verdict")")
    }

    @Test("lesson 9's held-out-style claim holds, fails and refuses as its numbers say")
    func lessonNine() throws {
        let drop = try claim(9, "heldOutStyleDrop")
        let final = eightOfTwelve
        #expect(drop.evaluate(try results(lesson09(final: final, heldOut: final.map { _ in 0 }))).holds)
        #expect(!drop.evaluate(try results(lesson09(final: final, heldOut: final))).holds,
                "a policy as good in the held-out style has lost nothing")
        #expect(!drop.evaluate(try results(lesson09(final: final, heldOut: final.map { $0 * 0.6 }))).holds,
                "keeping 60 % is not losing most of it")
        let missing = drop.evaluate(try results(lesson09(final: final, heldOut: nil)))
        #expect(missing.error?.contains("heldOutFinalSuccess") == true, "\(missing.error ?? "a verdict")")
        let short = drop.evaluate(try results(lesson09(final: final, heldOut: final.map { _ in 0 }, steps: 4_096)))
        #expect(short.error?.hasPrefix("not decided on runs of 4096 steps") == true, "\(short.error ?? "a verdict")")
    }
}
