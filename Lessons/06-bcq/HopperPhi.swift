// Φ on the hopper: BCQ with Φ = 0.05 against the same BCQ with Φ = 1, seed by seed, on the expert's buffer.
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// The per-seed table of the two BCQs and offline DDPG on the hopper's expert buffer, and what the run
/// shows, decided by claim 6.hopperPhi's own comparisons (`constraintGain(over:)`, `wideBelowTenth(_:)`).
func showHopperPhi(_ recorded: Lesson06Results.HopperComparison, wide: Lesson06Results.HopperComparison.WideBCQ,
                   context: LessonContext) throws {
    let phi = phiLabel(wide.maxPerturbation)
    var table = Table("The hopper's expert buffer, seed by seed: final return (last 3 evaluations), the mean distance "
                      + "|π(s) − a| from the expert's torque over 500 of the buffer's states and, for Φ = \(phi), the estimate "
                      + "Q(s₀, π(s₀)) against the true value",
                      columns: ["seed", .init("return, Φ = 0.05", format: .fixed(0)), .init("Φ = \(phi)", format: .fixed(0)),
                                .init("offline DDPG", format: .fixed(0)), .init("|π(s) − a|, Φ = 0.05", format: .fixed(2)),
                                .init("Φ = \(phi)", format: .fixed(2)), .init("Φ = \(phi): estimate", format: .fixed(0)),
                                .init("true value", format: .fixed(0))])
    for i in wide.returnPerSeed.indices {
        try table.addRow(i, recorded.bcqReturnPerSeed[i], wide.returnPerSeed[i], recorded.ddpgReturnPerSeed[i],
                         wide.constrainedDistancePerSeed[i], wide.distancePerSeed[i], wide.estimatePerSeed[i],
                         wide.truthPerSeed[i])
    }
    context.show(table)

    func f(_ x: Double) -> String { String(format: "%.0f", x) }
    func meanAndError(_ values: [Double]) -> String {
        "\(f(SeedComparison.mean(values))) ± \(f(SeedComparison.standardError(values)))"
    }
    let gain = recorded.constraintGain(over: wide), floor = recorded.wideBelowTenth(wide)
    let expert = SeedComparison.mean(recorded.expertReturnPerSeed)
    let verdict: String
    switch (gain.holds, floor.holds) {
    case (true, true):
        verdict = "Removing the constraint undoes what it gained: the difference, \(f(gain.difference)), is more than half the "
            + "expert's return plus two standard errors, and Φ = \(phi)'s return is below a tenth of the expert's (\(f(expert / 10))) "
            + "by more than two standard errors, offline DDPG's level."
    case (true, false):
        verdict = "Φ = 0.05 is well above Φ = \(phi) (by \(f(gain.difference)), more than half the expert's return plus two "
            + "standard errors), but on this run Φ = \(phi) is not clearly below a tenth of the expert's return "
            + "(\(f(expert / 10))): it keeps more than offline DDPG does."
    case (false, _):
        verdict = "On this run the difference, \(f(gain.difference)), does not clear half the expert's return plus two standard "
            + "errors (\(f(gain.margin + 2 * gain.standardError))): the seeds do not show that the constraint is what BCQ's "
            + "return owes to."
    }
    func g(_ x: Double) -> String { String(format: "%.2f", x) }
    let updates = recorded.bcqUpdates
    let wideRatio = medianRatio(wide.estimatePerSeed, wide.truthPerSeed)
    let ddpgRatio = medianRatio(wide.ddpgEstimateAtSameUpdatesPerSeed, wide.ddpgTruthAtSameUpdatesPerSeed)
    func claimed(_ estimates: [Double], _ truths: [Double]) -> String {
        "\(f(SeedComparison.mean(estimates))) for a policy worth \(f(SeedComparison.mean(truths))) "
            + "(\(ratioWords(estimates, truths)))"
    }
    var critic = """
        After the same \(updates) updates, offline DDPG's critic claimed \
        \(claimed(wide.ddpgEstimateAtSameUpdatesPerSeed, wide.ddpgTruthAtSameUpdatesPerSeed)); BCQ's claims \
        \(claimed(wide.estimatePerSeed, wide.truthPerSeed)) with Φ = \(phi), and \
        \(claimed(recorded.bcqEstimatePerSeed, recorded.bcqTruthPerSeed)) with Φ = 0.05.
        """
    if wideRatio >= 2 && wideRatio >= ddpgRatio / 2 {
        critic += " With the constraint removed BCQ's critic overrates its policy too, about as offline DDPG's does."
    } else if wideRatio < ddpgRatio / 2 {
        critic += """
             With the constraint removed BCQ's critic overrates its policy less than offline DDPG's does after as many \
            updates: the return is lost at once, the estimate follows more slowly, if at all. BCQ's target keeps brakes \
            that Φ does not switch off (it maximises only over the generative model's perturbed proposals, and takes a \
            clipped minimum of two critics); this run does not tell which of them holds the estimate down, nor whether it \
            runs away later.
            """
    }
    context.markdown("""
        **What this run shows.** Mean ± standard error over \(wide.returnPerSeed.count) seeds: BCQ's final return is \
        \(meanAndError(recorded.bcqReturnPerSeed)) with Φ = 0.05 and \(meanAndError(wide.returnPerSeed)) with Φ = \(phi); \
        offline DDPG's is \(meanAndError(recorded.ddpgReturnPerSeed)) and the expert's \(f(expert)). \(verdict) With \
        Φ = 0.05 BCQ acts within \(g(SeedComparison.mean(wide.constrainedDistancePerSeed))) of the expert's torques on \
        average; with Φ = \(phi) it acts \(g(SeedComparison.mean(wide.distancePerSeed))) away: free to leave the expert's actions, \
        it leaves them. Only Φ differs between the two runs of a seed: they start from the same seed, so from the same \
        networks.

        \(critic)
        """)
}

/// The median over seeds of estimate / true value, over the seeds whose true value is positive (NaN if none).
func medianRatio(_ estimates: [Double], _ truths: [Double]) -> Double {
    let ratios = zip(estimates, truths).compactMap { e, t in t > 0 ? e / t : nil }.sorted()
    guard !ratios.isEmpty else { return .nan }
    let n = ratios.count
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2
}
