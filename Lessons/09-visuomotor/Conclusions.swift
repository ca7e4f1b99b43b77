// Lesson 9's table of the critic ablation and its reading, both generated from the run's numbers.
import Algorithms
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// One row per critic and seed: when the run reached the threshold, its final and mean success.
func criticTable(_ perSeed: [[PixelCriticRun]], critics: [PixelCriticChoice], threshold: Double) throws -> Table {
    var table = Table("The critic ablation, run by run", columns: [
        "critic", "seed", .init("environment steps to \(Int(threshold * 100)) % success"),
        .init("final success", format: .percent(0)), .init("mean success along training", format: .fixed(3)),
    ])
    for (column, critic) in critics.enumerated() {
        for runs in perSeed {
            let run = runs[column]
            try table.addRow(critic.description, String(run.seed), run.stepsToThreshold.map { "\($0)" } ?? "not reached",
                             run.finalEvaluation.successRate, run.meanSuccessAlongTraining)
        }
    }
    return table
}

/// The reading of the ablation: what this run's numbers say, and what they cannot say.
func reading(_ ablation: Lesson09Results.CriticAblation, quick: Bool) throws -> String {
    let state = try ablation.critic("state"), pixels = try ablation.critic("pixels")
    let n = ablation.seeds.count
    let budget = ablation.environmentStepsPerRun
    let threshold = Int(ablation.threshold * 100)
    func summary(_ critic: Lesson09Results.Critic) -> String {
        let reached = Int(critic.reachedThreshold.reduce(0, +))
        let final = mean(of: critic.finalSuccess)
        let outcome = n == 1
            ? (reached == 1 ? "its run reached" : "its run did not reach")
            : "\(reached) of \(n) runs reached"
        return "\(name(ofCritic: critic.id)): \(outcome) \(threshold) % success within \(budget) environment steps; "
            + "final success \(String(format: "%.0f", final * 100)) %" + (n > 1 ? " on average" : "")
    }
    var lines: [String] = []
    if quick {
        lines.append("With `--quick` each run trains for \(budget) environment steps, a few percent of the default "
                     + "budget: far too few for either agent to learn the task. These numbers check that every piece runs; "
                     + "they say nothing about the critics.")
    }
    lines.append("- " + summary(state) + ".")
    lines.append("- " + summary(pixels) + ".")
    if n < Lesson09Thresholds.studySeeds {
        lines.append("")
        lines.append("\(n == 1 ? "One pair of runs" : "\(n) seeds per critic") cannot decide the claim: a run of either agent "
                     + "can land in the mode that learns or in the one that does not. Run with `--seed-count "
                     + "\(Lesson09Thresholds.studySeeds)` to decide it (the claims' table below says so too).")
    } else {
        let comparison = SeedComparison(greater: state.reachedThreshold, than: pixels.reachedThreshold)
        lines.append("")
        lines.append("Over these \(n) seeds per critic, the share reaching \(threshold) % is "
                     + String(format: "%.2f against %.2f", mean(of: state.reachedThreshold), mean(of: pixels.reachedThreshold))
                     + "; the difference \(comparison.holds ? "exceeds" : "does not exceed") two standard errors "
                     + "(\(comparison.description)): the asymmetric critic \(comparison.holds ? "learns the task on more seeds" : "is not shown to learn it on more seeds") "
                     + "in this run.")
    }
    return lines.joined(separator: "\n")
}

