import Environments
import Foundation
import Numerics

/// Lesson 8's experiment: every variant trained from the same demonstrations with several seeds,
/// all runs in parallel over the machine's cores.
public struct DemonstrationExperiment: Sendable {
    /// The task.
    public var layout: SparsePushingTask.Layout
    /// Who demonstrates (lessons 7 and 8: `PushingExpert.demonstrator`, noisy and slow).
    public var demonstrator: PushingExpert
    /// Successful demonstrations given to the agents.
    public var demonstrationCount: Int
    /// Seed of the demonstrations (the same for every variant and seed).
    public var demonstrationSeed: UInt64
    /// Budget and learner.
    public var schedule: TrainingSchedule
    /// One run per seed and variant.
    public var seeds: [UInt64]
    /// The variants.
    public var variants: [DemonstrationVariant]

    /// An experiment.
    public init(layout: SparsePushingTask.Layout = SparsePushingTask.Layout(), demonstrator: PushingExpert = .demonstrator,
                demonstrationCount: Int = 10, demonstrationSeed: UInt64, schedule: TrainingSchedule, seeds: [UInt64],
                variants: [DemonstrationVariant]) {
        self.layout = layout
        self.demonstrator = demonstrator
        self.demonstrationCount = demonstrationCount
        self.demonstrationSeed = demonstrationSeed
        self.schedule = schedule
        self.seeds = seeds
        self.variants = variants
    }

    /// The task of the experiment.
    public func task() throws -> SparsePushingTask { try SparsePushingTask(layout: layout) }

    /// The demonstrations every variant gets.
    public func demonstrations() throws -> DemonstrationCollection {
        try DemonstrationCollection(task: task(), expert: demonstrator, count: demonstrationCount, seed: demonstrationSeed)
    }

    /// Environment steps of all runs together (for a progress bar).
    public var totalEnvironmentSteps: Int { variants.count * seeds.count * schedule.environmentSteps }

    /// Trains every variant with every seed, in parallel.
    ///
    /// - Parameters:
    ///   - demonstrations: the demonstrations (``demonstrations()`` by default).
    ///   - progress: called now and then from the worker threads with the environment steps done
    ///     by all runs together.
    /// - Returns: one result per variant, in the order of ``variants``.
    /// - Throws: the first error of any run (for instance `NotImplemented` from an exercise).
    public func run(formulas: DemonstrationFormulas, demonstrations given: DemonstrationCollection? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> [VariantResult] {
        guard !seeds.isEmpty, !variants.isEmpty else {
            throw DemonstrationsRLError("DemonstrationExperiment: needs at least one seed and one variant")
        }
        let task = try task()
        let demonstrations = try given ?? demonstrations()
        let jobs = variants.flatMap { variant in seeds.map { (variant, $0) } }
        let tally = WorkTally(count: jobs.count)
        let schedule = schedule
        let runs = try parallelMap(jobs.count) { index in
            let (variant, seed) = jobs[index]
            return try trainWithDemonstrations(task: task, demonstrations: demonstrations, use: variant.use, schedule: schedule,
                                               formulas: formulas, seed: seed, progress: { steps in
                                                   if steps % 250 == 0 { progress?(tally.set(index, steps)) }
                                               })
        }
        return try variants.enumerated().map { v, variant in
            try VariantResult(variant: variant, runs: Array(runs[v * seeds.count..<(v + 1) * seeds.count]))
        }
    }
}

/// One variant's runs over the seeds and their statistics.
public struct VariantResult: Sendable, Codable, Equatable {
    /// The variant.
    public var variant: DemonstrationVariant
    /// One run per seed, in the order of the experiment's seeds.
    public var runs: [DemonstrationRun]
    /// Mean ± standard deviation of the success curves.
    public var statistics: SuccessCurveStatistics

    /// A variant's runs (one per seed, in order) and their statistics: the same numbers whether the
    /// runs were trained together or one seed at a time (a lesson's shards, `--seeds`).
    ///
    /// - Throws: when the runs' success curves have different evaluation steps.
    public init(variant: DemonstrationVariant, runs: [DemonstrationRun]) throws {
        self.variant = variant
        self.runs = runs
        self.statistics = try SuccessCurveStatistics(runs.map(\.curve))
    }

    /// The first step at which each seed's own curve reached `threshold` (`nil`: never).
    public func firstStepsPerSeed(reaching threshold: Double) -> [Int?] {
        runs.map { $0.curve.firstStep(reaching: threshold) }
    }
}
