import Foundation
import LessonClaims
import Testing

/// Claim 6.hopperPhi's rule on made-up four-seed results: it holds when BCQ with Φ = 1 falls to offline
/// DDPG's level, fails when Φ = 1 keeps much of the expert's return or when the constraint's gain is within
/// the seeds' spread, and names a run that trained no Φ = 1 BCQ.
@Suite("Claim 6.hopperPhi: its rule on made-up results")
struct HopperPhiRuleTests {
    func claim() throws -> Claim {
        try #require(ClaimCatalogue.claims(ofLesson: 6).first { $0.id == "hopperPhi" }, "claim 6.hopperPhi exists")
    }

    /// A results.json's "results" object with the expert at 2 360 on every seed.
    func results(bcq: [Double], wide: [Double]?) throws -> LessonResults {
        var r = Lesson06Results()
        let zeros = [Double](repeating: 0, count: bcq.count)
        r.hopper = .init(seeds: bcq.count, transitions: 10_000, bcqUpdates: 6_000,
                         expertReturnPerSeed: [Double](repeating: 2_360, count: bcq.count), ddpgReturnPerSeed: [20, 30, 25, 15],
                         ddpgEstimatePerSeed: zeros, ddpgTruthPerSeed: zeros, bcqReturnPerSeed: bcq, bcReturnPerSeed: zeros,
                         bcqEstimatePerSeed: zeros, bcqTruthPerSeed: zeros,
                         wideBCQ: wide.map { .init(maxPerturbation: 1, returnPerSeed: $0, estimatePerSeed: zeros, truthPerSeed: zeros,
                                                   constrainedDistancePerSeed: zeros, distancePerSeed: zeros,
                                                   ddpgEstimateAtSameUpdatesPerSeed: zeros, ddpgTruthAtSameUpdatesPerSeed: zeros) })
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(r))
        return LessonResults(document: ["results": object])
    }

    @Test("holds when Φ = 1 falls to offline DDPG's level")
    func holds() throws {
        let verdict = try claim().evaluate(try results(bcq: [2_400, 2_200, 2_500, 2_300], wide: [30, 6, 40, 25]))
        #expect(verdict.holds, "\(verdict)")
    }

    @Test("fails when Φ = 1 keeps part of the expert's return, or when the seeds spread too far to call the gain")
    func fails() throws {
        let kept = try claim().evaluate(try results(bcq: [2_400, 2_200, 2_500, 2_300], wide: [600, 500, 700, 650]))
        #expect(!kept.holds, "Φ = 1 at a quarter of the expert's return is not offline DDPG's level")
        let spread = try claim().evaluate(try results(bcq: [2_400, 100, 2_500, 200], wide: [30, 6, 40, 25]))
        #expect(!spread.holds, "two seeds of Φ = 0.05 at 100–200 leave the gain within the spread")
    }

    @Test("a run without the Φ = 1 BCQ is named, not decided")
    func missing() throws {
        let verdict = try claim().evaluate(try results(bcq: [2_400, 2_200, 2_500, 2_300], wide: nil))
        #expect(!verdict.holds)
        #expect(verdict.error?.contains("hopper.wideBCQ") == true, "\(verdict.error ?? "a verdict")")
    }
}
