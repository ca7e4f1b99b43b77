// The Φ sweep: how far BCQ may move from the generative model's proposals.
import Algorithms
import Environments
import ExerciseAPI
import Numerics

/// BCQ with one Φ on one buffer of one seed.
struct SweepPoint: Sendable, Codable {
    let setting: BufferSetting
    let seed: UInt64
    let maxPerturbation: Float
    /// The return after training.
    let finalReturn: Double
    /// The critic's estimate Q(s₀, π(s₀)) after training, averaged over the start states.
    let estimate: Double
    /// The Monte-Carlo true value of the policy from the same start states.
    let truth: Double
    /// Mean |π(s) − D(s, 0)| over the buffer's states, in torque units: how far the policy's
    /// action lies from the generative model's central proposal.
    let distanceFromModel: Double

    /// Estimate minus true value.
    var overestimation: Double { estimate - truth }
}

/// Trains BCQ with every Φ of the budget's sweep on every buffer of the sweep's seeds `indices`
/// (`buffers[i]`: lesson 5's runs of seed index `indices[i]`), in parallel.
///
/// - Returns: for each index, in order, its points (buffer by buffer, Φ by Φ).
func runPhiSweep(budget: ContinuousBudget, quick: Bool, baseSeed: UInt64, indices: [Int], buffers: [[SettingRun]],
                 formulas: ExerciseSet, progress: @escaping @Sendable (Double) -> Void) throws -> [[SweepPoint]] {
    let configuration = FixedBufferExperimentConfiguration.pendulum(quick: quick)
    let runs = buffers
    let allSeeds = FixedBufferExperimentConfiguration.seeds(base: baseSeed, count: budget.sweepSeeds)
    let seeds = indices.map { allSeeds[$0] }
    let settings = BufferSetting.allCases.indices.filter { budget.sweepSettings.contains(BufferSetting.allCases[$0]) }
    let jobs = runs.indices.flatMap { r in settings.flatMap { k in budget.sweepPerturbations.map { (run: r, setting: k, phi: $0) } } }
    let tally = WorkTally(count: jobs.count)
    let total = Double(jobs.count * budget.sweepUpdates)
    let points = try parallelMap(jobs.count) { j in
        let job = jobs[j]
        let run = runs[job.run][job.setting]
        let seed = seeds[job.run]
        let evaluator = try lessonFiveEvaluator(seed: seed, configuration: configuration, formulas: formulas.offPolicyLearning)
        let trained = try trainBCQ(on: run.buffer, maxPerturbation: job.phi, updates: budget.sweepUpdates,
                                   evaluationInterval: budget.sweepUpdates, evaluator: evaluator,
                                   formulas: formulas.batchConstrained, seed: RandomSource.derivedSeed(base: seed, index: job.setting + 1, stride: 1_000),
                                   progress: { u in if u % 250 == 0 { progress(Double(tally.set(j, u)) / total) } })
        let bcq = trained.bcq
        let (rows, states) = sampledStates(of: run.buffer, seed: RandomSource.derivedSeed(base: seed, offset: 99))
        let chosen = try bcq.selectActions(for: states)
        let centre = bcq.unscaled(bcq.vae.decode(states: Tensor(states), latent: Tensor(Matrix.zeros(rows.count, bcq.vae.latentSize))).value)
        let distance = zip(chosen.scalars, centre.scalars).map { Double(abs($0 - $1)) }.reduce(0, +) / Double(rows.count)
        let curve = trained.curve
        return SweepPoint(setting: run.setting, seed: seed, maxPerturbation: job.phi, finalReturn: curve.returns.last ?? .nan,
                          estimate: curve.estimatedValues.last ?? .nan, truth: curve.trueValues.last ?? .nan,
                          distanceFromModel: distance)
    }
    let perSeed = settings.count * budget.sweepPerturbations.count
    return runs.indices.map { r in Array(points[(r * perSeed)..<((r + 1) * perSeed)]) }
}
