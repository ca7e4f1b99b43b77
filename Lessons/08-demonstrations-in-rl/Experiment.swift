// The experiments of lesson 8: their budgets (full and --quick), the runs over seeds, and the
// summary numbers that the text, the tables, results.json and the claim tests use.
import Algorithms
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// The success rate the claims compare at: "reaches half of the evaluation episodes".
let successThreshold = Lesson08Thresholds.raceSuccess

/// The variants of the race, in the order of the lecture. Edit them to try the exercises'
/// questions, for example `DemonstrationVariant.replayKept.with { $0.use.demonstrationFraction = 0.5 }`.
let comparisonVariants: [DemonstrationVariant] = [.scratch, .replayKept, .replayRemoved, .pretrained, .curriculum]

/// The variants of the critic-consistency ablation: the same actor, cloned from all the
/// demonstrations, fine-tuned from an evaluated critic, from an untrained one, and from an
/// evaluated one with the cloning term.
let ablationVariants: [DemonstrationVariant] = DemonstrationVariant.consistencyAblation

/// The training budget and learner of the main comparison.
func comparisonSchedule(quick: Bool) -> TrainingSchedule {
    TrainingSchedule(environmentSteps: quick ? 8_000 : 12_000, evaluationInterval: 500)
}

/// The seeds of the main comparison: the run's seed and the following ones.
func comparisonSeeds(base: UInt64, quick: Bool) -> [UInt64] {
    (0..<(quick ? 3 : 5)).map { RandomSource.derivedSeed(base: base, index: $0) }
}

/// The budget of the critic-consistency ablation (it only needs the start of fine-tuning).
func ablationSchedule(quick: Bool) -> TrainingSchedule {
    TrainingSchedule(environmentSteps: quick ? 2_500 : 6_000, evaluationInterval: 250)
}

/// The seeds of the ablation.
func ablationSeeds(base: UInt64, quick: Bool) -> [UInt64] {
    (0..<(quick ? 2 : 3)).map { RandomSource.derivedSeed(base: base, offset: 100, index: $0) }
}

/// The demonstrations' seed for a run's seed (the same demonstrations for every variant).
func demonstrationSeed(base: UInt64) -> UInt64 { RandomSource.derivedSeed(base: base, offset: 8_000) }

/// Runs `experiment` with a progress bar and measures its wall time.
func runWithProgress(_ experiment: DemonstrationExperiment, demonstrations: DemonstrationCollection,
                     formulas: DemonstrationFormulas, context: LessonContext, label: String)
    throws -> (results: [VariantResult], seconds: Double) {
    let bar = context.progress(total: experiment.totalEnvironmentSteps, label: label)
    let start = Date()
    let results = try experiment.run(formulas: formulas, demonstrations: demonstrations) { done in bar.update(done) }
    bar.finish()
    return (results, Date().timeIntervalSince(start))
}

/// A step count for a table: the number, or "never" (within the budget).
func stepText(_ step: Int?) -> String { step.map { "\($0)" } ?? "never" }


extension VariantResult {
    /// Each seed's final success rate (mean of its last two evaluations).
    var finalSuccessPerSeed: [Double] { runs.map { $0.curve.finalSuccessRate(lastPoints: 2) } }

    /// Mean and std over seeds of the final success rate.
    var finalSuccess: (mean: Double, std: Double) { meanAndStandardDeviation(of: finalSuccessPerSeed) }

    /// The results.json record of the variant.
    func record(into context: LessonContext, prefix: String) {
        let key = "\(prefix).\(variant.id)"
        context.record("\(key).label", variant.label)
        context.record("\(key).steps", statistics.environmentSteps)
        context.record("\(key).meanSuccess", statistics.mean)
        context.record("\(key).stdSuccess", statistics.standardDeviation)
        context.record("\(key).firstStepReachingThreshold", statistics.firstStep(reaching: successThreshold) ?? -1)
        context.record("\(key).reachesThreshold", statistics.firstStep(reaching: successThreshold) != nil)
        context.record("\(key).firstStepReachingThresholdPerSeed",
                       firstStepsPerSeed(reaching: successThreshold).map { $0 ?? -1 })
        context.record("\(key).finalSuccessPerSeed", finalSuccessPerSeed)
        context.record("\(key).initialSuccessPerSeed", initialSuccessPerSeed)
        context.record("\(key).finalSuccessMean", finalSuccess.mean)
        context.record("\(key).finalSuccessStd", finalSuccess.std)
        context.record("\(key).trainingSuccessRate", runs.map { Double($0.trainingSuccesses) / Double(max($0.trainingEpisodes, 1)) })
    }
}

// MARK: - The verdicts, decided from per-seed values

/// The margins of the lesson's claims, defined once with the claims (Sources/LessonClaims/Lessons/Lesson08Claims.swift):
/// the text and the claim tests decide with the same numbers.
typealias ClaimMargin = Lesson08Thresholds

extension VariantResult {
    /// Each seed's steps until its own curve reached the threshold, a seed that never did counted as
    /// one evaluation interval past the budget (the earliest it could still have got there).
    func stepsToThresholdPerSeed(budget: Int, interval: Int) -> [Double] {
        firstStepsPerSeed(reaching: successThreshold).map { Double($0 ?? budget + interval) }
    }

    /// Each seed's success before the first environment step (after pre-training, if any).
    var initialSuccessPerSeed: [Double] { runs.map { $0.curve.successRates.first ?? .nan } }

    /// Each seed's final success minus its success before the first environment step: what
    /// training (for a pre-trained variant, fine-tuning) added to where the seed started.
    var fineTuningGainPerSeed: [Double] { zip(finalSuccessPerSeed, initialSuccessPerSeed).map { $0 - $1 } }

    /// Each seed's mean success over the evaluations in (0, `ClaimMargin.earlyWindow`] steps.
    var earlySuccessPerSeed: [Double] {
        runs.map { run in
            let window = zip(run.curve.environmentSteps, run.curve.successRates)
                .filter { $0.0 > 0 && $0.0 <= ClaimMargin.earlyWindow }.map(\.1)
            return window.isEmpty ? .nan : window.reduce(0, +) / Double(window.count)
        }
    }
}

/// "0.97 ± 0.02" (mean ± standard error over seeds) of per-seed values, as percentages or as numbers.
func meanAndError(_ values: [Double], percent: Bool = true) -> String {
    let mean = SeedComparison.mean(values), error = SeedComparison.standardError(values)
    return percent ? String(format: "%.0f ± %.0f %%", 100 * mean, 100 * error) : String(format: "%.0f ± %.0f", mean, error)
}

extension LessonContext {
    /// Records a verdict's outcome and slack under `key` (`key.holds`, `key.slack`).
    func record(verdict: SeedComparison, as key: String) {
        record("\(key).holds", verdict.holds)
        record("\(key).slack", verdict.slack)
    }
}
