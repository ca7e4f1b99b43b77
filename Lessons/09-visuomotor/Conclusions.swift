// Lesson 9's table of the critic ablation and its reading, both generated from the run's numbers.
import Algorithms
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// One row per variant and seed: when the run reached the threshold, its final and mean success.
func ablationTable(_ perSeed: [[PixelCriticRun]], variants: [AgentVariant], threshold: Double) throws -> Table {
    var table = Table("The ablation, run by run", columns: [
        "agent", "seed", .init("environment steps to \(Int(threshold * 100)) % success"),
        .init("final success", format: .percent(0)), .init("mean success along training", format: .fixed(3)),
        .init("final, held-out style", format: .percent(0)),
    ])
    for (column, variant) in variants.enumerated() {
        for runs in perSeed {
            let run = runs[column]
            let heldOut: any TableEntry = run.heldOutEvaluation.map { $0.successRate } ?? Table.Cell.empty
            try table.addRow(variant.name, String(run.seed), run.stepsToThreshold.map { "\($0)" } ?? "not reached",
                             run.finalEvaluation.successRate, run.meanSuccessAlongTraining, heldOut)
        }
    }
    return table
}

/// The reading of the ablation: what this run's numbers say, and what they cannot say.
func reading(_ ablation: Lesson09Results.Ablation, quick: Bool) throws -> String {
    let n = ablation.seeds.count
    let budget = ablation.environmentStepsPerRun
    let threshold = Int(ablation.threshold * 100)
    func summary(_ agent: Lesson09Results.Agent) -> String {
        let reached = Int(agent.reachedThreshold.reduce(0, +))
        let final = mean(of: agent.finalSuccess)
        let outcome = n == 1
            ? (reached == 1 ? "its run reached" : "its run did not reach")
            : "\(reached) of \(n) runs reached"
        let heldOut = agent.heldOutFinalSuccess.map { values in
            ", \(String(format: "%.0f", mean(of: values) * 100)) % in the held-out style" } ?? ""
        return "\(name(ofAgent: agent.id)): \(outcome) \(threshold) % success within \(budget) environment steps; "
            + "final success \(String(format: "%.0f", final * 100)) %" + (n > 1 ? " on average" : "") + heldOut
    }
    var lines: [String] = []
    if quick {
        lines.append("With `--quick` each run trains for \(budget) environment steps, a few percent of the default "
                     + "budget: far too few for any of the agents to learn the task. These numbers check that every piece "
                     + "runs; they say nothing about the ablation.")
    }
    lines += ablation.agents.map { "- " + summary($0) + "." }
    let recipe = try ablation.agent(AgentVariant.asymmetric.id)
    if quick || budget < Lesson09Thresholds.studyEnvironmentSteps {
        // Runs this short cannot decide anything, however many seeds: the quick note above says so.
    } else if n < Lesson09Thresholds.studySeeds {
        lines.append("")
        lines.append("\(n == 1 ? "One run per agent" : "\(n) seeds per agent") cannot decide the claims: a run of any of "
                     + "these agents can land in the mode that learns or in the one that does not. Run with `--seed-count "
                     + "\(Lesson09Thresholds.studySeeds)` to decide them (the claims' table below says so too).")
    } else {
        lines.append("")
        lines.append("Over these \(n) seeds per agent, the share of runs reaching \(threshold) %, compared seed by seed "
                     + "with the kit's rule (the difference must exceed two standard errors):")
        for other in [AgentVariant.pixelCritic, .withoutAuxiliaryTask] {
            let runs = try ablation.agent(other.id)
            let comparison = SeedComparison(greater: recipe.reachedThreshold, than: runs.reachedThreshold)
            let needs = n < Lesson09Thresholds.ablationStudySeeds
                ? " The claim is decided on \(Lesson09Thresholds.ablationStudySeeds) seeds "
                    + "(`--seed-count \(Lesson09Thresholds.ablationStudySeeds)`): twelve seeds did not always tell the two "
                    + "agents apart."
                : ""
            lines.append("- the recipe against the \(other.name): "
                         + String(format: "%.2f against %.2f", mean(of: recipe.reachedThreshold), mean(of: runs.reachedThreshold))
                         + "; the difference \(comparison.holds ? "exceeds" : "does not exceed") two standard errors "
                         + "(\(comparison.description)).\(needs)")
        }
        let paddle = try ablation.agent(AgentVariant.paddleStates.id)
        let learns = SeedComparison(greater: paddle.reachedThreshold, than: 0)
        let fewer = SeedComparison(greater: recipe.reachedThreshold, than: paddle.reachedThreshold)
        let more = SeedComparison(greater: paddle.reachedThreshold, than: recipe.reachedThreshold)
        let gap = fewer.holds ? "fewer than with the pusher's own demonstrations, beyond two standard errors"
            : more.holds ? "more than with the pusher's own demonstrations, beyond two standard errors"
            : "a difference from the pusher's own demonstrations that two standard errors cannot tell from noise"
        lines.append("- the recipe on the paddle's states only: "
                     + String(format: "%.2f of the seeds reach it", mean(of: paddle.reachedThreshold))
                     + ", \(learns.holds ? "clearly above" : "not clearly above") zero (\(learns.description)); against "
                     + String(format: "%.2f", mean(of: recipe.reachedThreshold)) + " for the recipe, \(gap) "
                     + "(\(fewer.description)).")
    }
    return lines.joined(separator: "\n")
}
