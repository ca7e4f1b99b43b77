// The continuous half of the lesson: BCQ, lesson 5's offline DDPG (blue) and behavior cloning on
// lesson 5's three fixed buffers, evaluated on the same start states.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// What the learners did on one buffer of one seed (three per seed: what a shard, `--seeds`, keeps).
struct BufferOutcome: Sendable, Codable {
    let setting: BufferSetting
    let seed: UInt64
    /// The number of transitions in the buffer.
    let transitions: Int
    /// The mean return of the buffer's own episodes: the behaviour policy as it acted.
    let behaviourReturn: Double
    /// Lesson 5's interacting agent: Final's behavioural agent, Concurrent's orange, the Imitation expert.
    let orange: EvaluationCurve
    /// Lesson 5's offline DDPG agent (blue).
    let ddpg: EvaluationCurve
    /// BCQ with the paper's Φ = 0.05.
    let bcq: EvaluationCurve
    /// Behavior cloning, evaluated once after training.
    let bc: EvaluationPoint
    /// Histograms' data for the VAE figure (first seed only).
    let vaeProbes: [VAEProbe]
}

/// One probe state of the VAE figure: the batch's actions near it and the generative model's samples.
struct VAEProbe: Sendable, Codable {
    let name: String
    let state: [Float]
    /// Actions of the buffer's transitions whose states are nearest to the probe.
    let batchActions: [Double]
    /// Samples of G_ω(probe) with clipped latents, in torque units.
    let samples: [Double]
    /// BCQ's action at the probe.
    let chosen: Double
    /// The action the buffer holds at the probe state itself.
    let recorded: Double
}

/// The probe states of the VAE figure: angle θ from upright, angular velocity θ̇.
let probeStates: [(name: String, angle: Double, velocity: Double)] = [
    ("hanging (θ ≈ π, θ̇ ≈ 0)", Double.pi, 0),
    ("swinging (θ ≈ π/2, θ̇ ≈ 3)", Double.pi / 2, 3),
    ("near upright (θ ≈ 0.2, θ̇ ≈ 0)", 0.2, 0),
]

/// The mean return of the episodes stored in `buffer` (an episode ends at a terminal or a timeout;
/// an unfinished last episode is left out).
func behaviourReturn(of buffer: TransitionDataset) -> Double {
    var returns: [Double] = [], total = 0.0
    for i in 0..<buffer.count {
        total += Double(buffer.rewards[i])
        if buffer.terminals[i] || buffer.timeouts[i] {
            returns.append(total)
            total = 0
        }
    }
    return returns.isEmpty ? .nan : returns.reduce(0, +) / Double(returns.count)
}

/// The evaluator lesson 5 uses for `seed`: the same 10 start states (its first split of the seed).
func lessonFiveEvaluator<Environment: ContinuousEnvironment>(
    seed: UInt64, configuration: FixedBufferExperimentConfiguration, environment: Environment = Pendulum(),
    formulas: any OffPolicyExercises
) throws -> PolicyEvaluator<Environment> {
    var root = RandomSource(seed: seed)
    var evaluationRNG = root.split()
    return try PolicyEvaluator(environment: environment, episodes: configuration.evaluationEpisodes,
                               discount: Double(configuration.agent.discount), valueHorizon: configuration.valueHorizon,
                               formulas: formulas, rng: &evaluationRNG)
}

/// Trains BCQ on `buffer` with lesson 5's loop for offline agents (the loop blue trains with) and
/// returns the trained learner and its curve.
func trainBCQ<Environment: ContinuousEnvironment>(
    on buffer: TransitionDataset, maxPerturbation: Float, updates: Int, evaluationInterval: Int,
    evaluator: PolicyEvaluator<Environment>, formulas: any BCQExercises, seed: UInt64, progress: (Int) -> Void
) throws -> (bcq: BCQ, curve: EvaluationCurve) {
    try trainBCQ(on: buffer, configuration: bcqConfiguration(maxPerturbation: maxPerturbation), updates: updates,
                 evaluationInterval: evaluationInterval, evaluator: evaluator, formulas: formulas, seed: seed,
                 progress: progress)
}

/// The same with BCQ's whole configuration (the hopper at the paper's scale has the paper's networks).
func trainBCQ<Environment: ContinuousEnvironment>(
    on buffer: TransitionDataset, configuration: BCQConfiguration, updates: Int, evaluationInterval: Int,
    evaluator: PolicyEvaluator<Environment>, formulas: any BCQExercises, seed: UInt64, progress: (Int) -> Void
) throws -> (bcq: BCQ, curve: EvaluationCurve) {
    var rng = RandomSource(seed: seed)
    let environment = evaluator.environment
    let bcq = try BCQ(observationSize: buffer.observationSize, actionLow: environment.actionSpace.low,
                      actionHigh: environment.actionSpace.high, configuration: configuration,
                      formulas: formulas, rng: &rng)
    _ = try bcq.selectActions(for: Matrix(rowVector: environment.observation))   // an unwritten exercise stops here
    let curve = try trainOnFixedBuffer(bcq, buffer: buffer, updates: updates, evaluationInterval: evaluationInterval,
                                       evaluator: evaluator, rng: &rng, progress: progress)
    return (bcq, curve)
}

/// Behavior cloning (lesson 1's trainer) on a buffer's state-action pairs, evaluated once.
func trainBehaviorCloning<Environment: ContinuousEnvironment>(
    on buffer: TransitionDataset, steps: Int, evaluator: PolicyEvaluator<Environment>,
    formulas: any BehaviorCloningExercises, seed: UInt64
) throws -> EvaluationPoint {
    var rng = RandomSource(seed: seed)
    let data = try ImitationDataset(observations: Matrix(rows: buffer.count, cols: buffer.observationSize, values: buffer.observations),
                                    actions: Matrix(rows: buffer.count, cols: buffer.actionSize, values: buffer.actions))
    let trainer = BehaviorCloning(configuration: BehaviorCloningConfiguration(gradientSteps: steps), formulas: formulas)
    let space = evaluator.environment.actionSpace
    let policy = try trainer.train(on: data, actionLow: space.low, actionHigh: space.high, rng: &rng).policy
    return try evaluator.evaluate(policy: { policy.actions(for: $0) })
}

/// The probes of the VAE figure for a trained BCQ on `buffer`: for each target state of
/// `probeStates`, the buffer's own state nearest to it (so that the probe lies on the data), the
/// actions at the `neighbours` buffer states nearest to that one, and the model's samples there.
func vaeProbes(_ bcq: BCQ, buffer: TransitionDataset, neighbours: Int = 100, samples: Int = 600, seed: UInt64) throws -> [VAEProbe] {
    var rng = RandomSource(seed: seed)
    let d = buffer.observationSize
    func observation(_ i: Int) -> [Float] { Array(buffer.observations[(i * d)..<(i * d + d)]) }
    // Distance in (cos θ, sin θ, θ̇/4): a radian of angle weighs about as much as 4 rad/s.
    func distance(_ a: [Float], _ b: [Float]) -> Float {
        let d0 = a[0] - b[0], d1 = a[1] - b[1], d2 = (a[2] - b[2]) / 4
        return d0 * d0 + d1 * d1 + d2 * d2
    }
    return try probeStates.map { probe in
        var env = Pendulum()
        let target = env.reset(to: Pendulum.State(angle: probe.angle, angularVelocity: probe.velocity))
        let anchor = (0..<buffer.count).min { distance(observation($0), target) < distance(observation($1), target) } ?? 0
        let state = observation(anchor)
        let nearest = (0..<buffer.count).map { ($0, distance(observation($0), state)) }.sorted { $0.1 < $1.1 }.prefix(neighbours)
        let drawn = bcq.generativeSamples(for: Matrix(rowVector: state), count: samples, rng: &rng)
        let chosen = try bcq.selectActions(for: Matrix(rowVector: state))
        return VAEProbe(name: probe.name, state: state, batchActions: nearest.map { Double(buffer.actions[$0.0]) },
                        samples: drawn.scalars.map(Double.init), chosen: Double(chosen[0, 0]),
                        recorded: Double(buffer.actions[anchor * buffer.actionSize]))
    }
}

/// Runs one BCQ update and one action choice on a tiny batch, so that an unwritten lesson-6
/// exercise stops the cell at once rather than after lesson 5's buffers are built.
func checkBCQFormulas(_ formulas: any BCQExercises) throws {
    var rng = RandomSource(seed: 0)
    let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: bcqConfiguration(maxPerturbation: 0.05),
                      formulas: formulas, rng: &rng)
    let states = Matrix.randomNormal(4, 3, rng: &rng)
    try bcq.update(states: states, actions: Matrix.zeros(4, 1), rewards: Matrix.zeros(4, 1), nextStates: states,
                   terminals: Matrix.zeros(4, 1), rng: &rng)
    _ = try bcq.selectActions(for: states)
}

/// Runs lesson 5's experiment for the seeds `indices` (buffers, orange and blue), then BCQ and BC
/// on every buffer, in parallel over the cores. `progress` receives the fraction done.
///
/// One job per seed and buffer: it runs the part of lesson 5's experiment that builds its buffer,
/// then BCQ and BC on it. Concurrent's job also builds the Imitation buffer (its expert is
/// Concurrent's orange), which Imitation's job waits for; the jobs go longest first.
///
/// - Returns: for each index, in order, its three outcomes (in `BufferSetting.allCases` order) and
///   lesson 5's runs (the buffers).
func runComparison(budget: ContinuousBudget, quick: Bool, baseSeed: UInt64, indices: [Int], formulas: ExerciseSet,
                   progress: @escaping @Sendable (Double) -> Void) throws -> (outcomes: [[BufferOutcome]], buffers: [[SettingRun]]) {
    let configuration = FixedBufferExperimentConfiguration.pendulum(quick: quick)
    let allSeeds = FixedBufferExperimentConfiguration.seeds(base: baseSeed, count: budget.seeds)
    let seeds = indices.map { allSeeds[$0] }
    let learnerUnits = budget.bcqUpdates * 5     // a BCQ update costs about five DDPG updates or steps
    let total = Double(seeds.count * (configuration.workUnits() + 3 * learnerUnits))
    let order: [BufferSetting] = [.concurrent, .final, .imitation]
    let jobs = order.flatMap { setting in seeds.indices.map { (seed: $0, setting: setting) } }
    let tally = WorkTally(count: jobs.count * 2)
    let imitationRuns = seeds.map { _ in PendingValue<SettingRun>() }
    let trained = try parallelMap(jobs.count) { job in
        let (s, setting) = jobs[job]
        let k = BufferSetting.allCases.firstIndex(of: setting)!
        var reported = 0
        func report(_ units: Int) {
            guard units - reported >= 500 else { return }
            reported = units
            progress(Double(tally.set(job, units)) / total)
        }
        // Lesson 5's part that builds this buffer (Imitation's comes from Concurrent's job).
        let run: SettingRun
        switch setting {
        case .final:
            run = try runFixedBufferPart(.final, seed: seeds[s], configuration: configuration, environment: Pendulum(),
                                         formulas: formulas.offPolicyLearning, progress: report)[0]
        case .concurrent:
            do {
                let runs = try runFixedBufferPart(.concurrentAndImitation, seed: seeds[s], configuration: configuration,
                                                  environment: Pendulum(), formulas: formulas.offPolicyLearning, progress: report)
                imitationRuns[s].fulfil(runs[1])
                run = runs[0]
            } catch {
                imitationRuns[s].fail(error)
                throw error
            }
        case .imitation:
            run = try imitationRuns[s].value()
        }
        // BCQ and BC on the buffer.
        let evaluator = try lessonFiveEvaluator(seed: seeds[s], configuration: configuration, formulas: formulas.offPolicyLearning)
        let slot = jobs.count + job
        let bcq = try trainBCQ(on: run.buffer, maxPerturbation: 0.05, updates: budget.bcqUpdates,
                               evaluationInterval: budget.evaluationInterval, evaluator: evaluator,
                               formulas: formulas.batchConstrained, seed: RandomSource.derivedSeed(base: seeds[s], index: k + 1, stride: 1_000),
                               progress: { u in
                                   if u % 250 == 0 { progress(Double(tally.set(slot, 5 * u)) / total) }
                               })
        let bc = try trainBehaviorCloning(on: run.buffer, steps: budget.bcSteps, evaluator: evaluator,
                                          formulas: formulas.behaviorCloning, seed: RandomSource.derivedSeed(base: seeds[s], index: k + 1, stride: 7_000))
        let probes = indices[s] == 0 ? try vaeProbes(bcq.bcq, buffer: run.buffer, seed: seeds[s]) : []
        let outcome = BufferOutcome(setting: run.setting, seed: seeds[s], transitions: run.buffer.count,
                                    behaviourReturn: behaviourReturn(of: run.buffer), orange: run.orange, ddpg: run.blue!,
                                    bcq: bcq.curve, bc: bc, vaeProbes: probes)
        return (outcome: outcome, run: run)
    }
    func result(_ s: Int, _ setting: BufferSetting) -> (outcome: BufferOutcome, run: SettingRun) {
        trained[order.firstIndex(of: setting)! * seeds.count + s]
    }
    return (seeds.indices.map { s in BufferSetting.allCases.map { result(s, $0).outcome } },
            seeds.indices.map { s in BufferSetting.allCases.map { result(s, $0).run } })
}
