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

/// The number of seeds of the main comparison (`--seed-count` replaces it). `--quick` keeps 4: with 3,
/// one training seed whose fine-tuning collapses decided "fine-tuning improves" on 2 of 30 robustness
/// runs (ROBUSTNESS.md); with 4, on 1.
func comparisonSeedCount(quick: Bool) -> Int { quick ? 4 : 5 }

/// Seed `index` of the main comparison: the run's seed for index 0, then the following ones.
func comparisonSeed(base: UInt64, index: Int) -> UInt64 { RandomSource.derivedSeed(base: base, index: index) }

/// The budget of the critic-consistency ablation (it only needs the start of fine-tuning).
func ablationSchedule(quick: Bool) -> TrainingSchedule {
    TrainingSchedule(environmentSteps: quick ? 2_500 : 6_000, evaluationInterval: 250)
}

/// The number of seeds of the ablation, in `--quick` too: its claims are decided seed by seed.
let ablationSeedCount = 3

/// Seed `index` of the ablation.
func ablationSeed(base: UInt64, index: Int) -> UInt64 { RandomSource.derivedSeed(base: base, offset: 100, index: index) }

/// The demonstrations' seed for a run's seed (the same demonstrations for every variant).
func demonstrationSeed(base: UInt64) -> UInt64 { RandomSource.derivedSeed(base: base, offset: 8_000) }

/// One seed's runs, one per variant in the experiment's order: what a shard (`--seeds`) keeps per seed.
typealias SeedRuns = [DemonstrationRun]

/// Trains every variant on the given seeds, in parallel, with a progress bar, and returns each
/// seed's runs and the wall time.
func trainSeeds(_ seeds: [UInt64], variants: [DemonstrationVariant], schedule: TrainingSchedule, task: SparsePushingTask,
                demonstrations: DemonstrationCollection, context: LessonContext) throws -> (perSeed: [SeedRuns], seconds: Double) {
    let experiment = DemonstrationExperiment(layout: task.layout, demonstrationSeed: demonstrationSeed(base: context.seed),
                                             schedule: schedule, seeds: seeds, variants: variants)
    let bar = context.progress(total: experiment.totalEnvironmentSteps, label: "\(variants.count) variants × \(seeds.count) seeds")
    let start = Date()
    let results = try experiment.run(formulas: DemonstrationFormulas(context.exercises), demonstrations: demonstrations) { done in
        bar.update(done)
    }
    bar.finish()
    let perSeed = seeds.indices.map { k in results.map { $0.runs[k] } }
    return (perSeed, Date().timeIntervalSince(start))
}

/// Every variant's runs over all seeds and their statistics, from each seed's runs (trained here
/// or read from the shards: the same numbers either way).
func variantResults(_ variants: [DemonstrationVariant], perSeed: [SeedRuns]) throws -> [VariantResult] {
    try variants.indices.map { v in try VariantResult(variant: variants[v], runs: perSeed.map { $0[v] }) }
}

/// A step count for a table: the number, or "never" (within the budget).
func stepText(_ step: Int?) -> String { step.map { "\($0)" } ?? "never" }


extension VariantResult {
    /// Each seed's final success rate (mean of its last two evaluations).
    var finalSuccessPerSeed: [Double] { runs.map { $0.curve.finalSuccessRate(lastPoints: 2) } }

    /// Mean and std over seeds of the final success rate.
    var finalSuccess: (mean: Double, std: Double) { meanAndStandardDeviation(of: finalSuccessPerSeed) }

    /// The variant's numbers as results.json keeps them; "early" is the evaluations in (0, `earlyWindow`] steps.
    func summary(earlyWindow: Int) -> Lesson08Results.Variant {
        let early = runs.map { run in
            let window = zip(run.curve.environmentSteps, run.curve.successRates)
                .filter { $0.0 > 0 && $0.0 <= earlyWindow }.map(\.1)
            return window.isEmpty ? .nan : window.reduce(0, +) / Double(window.count)
        }
        return Lesson08Results.Variant(
            id: variant.id, label: variant.label, steps: statistics.environmentSteps, meanSuccess: statistics.mean,
            stdSuccess: statistics.standardDeviation, initialSuccess: runs.map { $0.curve.successRates.first ?? .nan },
            finalSuccess: finalSuccessPerSeed,
            firstStepReachingThreshold: firstStepsPerSeed(reaching: successThreshold).map { $0.map(Double.init) ?? .nan },
            earlySuccess: early,
            trainingSuccessRate: runs.map { Double($0.trainingSuccesses) / Double(max($0.trainingEpisodes, 1)) })
    }
}

/// The margins of the lesson's claims, defined once with the claims (Sources/LessonClaims/Lessons/Lesson08Claims.swift):
/// the text and the claim tests decide with the same numbers.
typealias ClaimMargin = Lesson08Thresholds
