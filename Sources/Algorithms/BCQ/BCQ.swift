import ExerciseAPI
import NeuralNetworks
import Numerics

/// Batch-constrained deep Q-learning (Fujimoto, Meger & Precup 2019, Algorithm 1): off-policy
/// RL from a fixed batch B that only chooses actions resembling the batch's, so its critic is
/// never asked about actions the data cannot support.
///
/// One ``update(states:actions:rewards:nextStates:terminals:rng:)`` on a mini-batch of N
/// transitions (s, a, r, s') does, in the paper's order:
/// 1. VAE: μ, σ = E_ω1(s, a), ã = D_ω2(s, z), z ~ N(μ, σ);
///    ω ← argmin Σ (a − ã)² + ½ KL(N(μ, σ) ‖ N(0, 1))                         (exercise 6.2)
/// 2. sample n actions per next state {aᵢ ~ G_ω(s')} and perturb them with the target model,
///    aᵢ ← aᵢ + ξ_φ'(s', aᵢ, Φ)                                                (exercise 6.4)
/// 3. y = r + γ max_{aᵢ} [λ min_j Q_θ'j(s', aᵢ) + (1 − λ) max_j Q_θ'j(s', aᵢ)]  (exercise 6.3)
///    θ ← argmin Σ_j Σ (y − Q_θj(s, a))²
/// 4. φ ← argmax Σ Q_θ1(s, a + ξ_φ(s, a, Φ)), a ~ G_ω(s) (only φ changes)
/// 5. θ'ⱼ ← τ θⱼ + (1 − τ) θ'ⱼ,  φ' ← τ φ + (1 − τ) φ'.
///
/// Acting: π(s) = argmax_{aᵢ + ξ_φ(s, aᵢ, Φ)} Q_θ1(s, aᵢ + ξ_φ(s, aᵢ, Φ)), {aᵢ ~ G_ω(s)}, i = 1…m, with
/// m = `actingSamples` candidates (100 in the authors' code)
/// (exercise 6.5). Internally every action is scaled to [−1, 1] (Φ is measured there, as in the
/// paper); the public methods take and return actions in the environment's units.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let bcq = try BCQ(observationSize: 3, actionLow: [-2], actionHigh: [2], configuration: .kit(),
///                   formulas: exercises.batchConstrained, rng: &rng)
/// for _ in 0..<10_000 {
///     let b = sampleMiniBatch(100)                      // matrices, one row per transition
///     try bcq.update(states: b.s, actions: b.a, rewards: b.r, nextStates: b.s2, terminals: b.done, rng: &rng)
/// }
/// let torques = try bcq.selectActions(for: states)     // n×1, in [−2, 2]
/// ```
public final class BCQ {
    /// The hyper-parameters.
    public let configuration: BCQConfiguration
    /// The plugged-in formulas (lesson 6's exercises).
    public let formulas: any BCQExercises
    /// The generative model G_ω.
    public let vae: ConditionalVAE
    /// The perturbation model ξ_φ.
    public let perturbation: PerturbationModel
    /// The target perturbation model ξ_φ'.
    public let perturbationTarget: PerturbationModel
    /// The critics Q_θ1, Q_θ2.
    public let critic: TwinCritic
    /// The target critics Q_θ'1, Q_θ'2.
    public let criticTarget: TwinCritic
    /// The environment's lowest action per coordinate.
    public let actionLow: [Float]
    /// The environment's highest action per coordinate.
    public let actionHigh: [Float]
    /// The number of state coordinates.
    public let observationSize: Int
    /// Gradient steps taken so far.
    public private(set) var updateCount = 0

    private let vaeOptimizer: Adam
    private let criticOptimizer: Adam
    private let perturbationOptimizer: Adam
    /// Draws the generative model's samples when the policy acts (acting takes no `rng`, so
    /// that the learner can be evaluated like any deterministic policy).
    private var actingRNG: RandomSource
    private let center: Matrix
    private let halfRange: Matrix

    /// The number of action coordinates.
    public var actionSize: Int { actionLow.count }

    /// A BCQ learner for states of `observationSize` numbers and actions in `actionLow…actionHigh`.
    ///
    /// - Throws: ``BCQInputError`` for a bad configuration or bounds.
    public init(observationSize: Int, actionLow: [Float], actionHigh: [Float],
                configuration: BCQConfiguration = BCQConfiguration(), formulas: any BCQExercises,
                rng: inout RandomSource) throws {
        try configuration.validate()
        guard observationSize > 0, !actionLow.isEmpty, actionLow.count == actionHigh.count,
              zip(actionLow, actionHigh).allSatisfy({ $0.isFinite && $1.isFinite && $0 < $1 }) else {
            throw BCQInputError("BCQ: need a positive observation size and finite action bounds with low < high, got "
                                + "\(observationSize), \(actionLow), \(actionHigh)")
        }
        let k = actionLow.count
        self.configuration = configuration
        self.formulas = formulas
        self.observationSize = observationSize
        self.actionLow = actionLow
        self.actionHigh = actionHigh
        center = Matrix(rowVector: zip(actionLow, actionHigh).map { ($0 + $1) / 2 })
        halfRange = Matrix(rowVector: zip(actionLow, actionHigh).map { ($1 - $0) / 2 })
        vae = ConditionalVAE(observationSize: observationSize, actionSize: k,
                             latentSize: configuration.latentSize(forActionSize: k),
                             hiddenSizes: configuration.vaeHiddenSizes, logStdRange: configuration.logStdRange, rng: &rng)
        perturbation = PerturbationModel(observationSize: observationSize, actionSize: k,
                                         hiddenSizes: configuration.perturbationHiddenSizes, rng: &rng)
        critic = TwinCritic(observationSize: observationSize, actionSize: k, hiddenSizes: configuration.criticHiddenSizes,
                            rng: &rng)
        perturbationTarget = perturbation.copy()
        criticTarget = critic.copy()
        vaeOptimizer = Adam(parameters: vae.parameters, learningRate: configuration.learningRate)
        criticOptimizer = Adam(parameters: critic.parameters, learningRate: configuration.learningRate)
        perturbationOptimizer = Adam(parameters: perturbation.parameters, learningRate: configuration.learningRate)
        actingRNG = rng.split()
    }

    // MARK: Scaling

    /// Actions in the environment's units → [−1, 1].
    public func scaled(_ actions: Matrix) -> Matrix { (actions - center) / halfRange }

    /// Actions in [−1, 1] → the environment's units.
    public func unscaled(_ actions: Matrix) -> Matrix { actions * halfRange + center }

    // MARK: Learning

    /// One gradient step of Algorithm 1 on a mini-batch (one transition per row; rewards and
    /// terminals N×1, actions in the environment's units).
    ///
    /// - Returns: the losses of this step.
    /// - Throws: ``BCQInputError`` for shapes that disagree or a loss that is no longer finite,
    ///   and whatever the plugged-in formulas throw (`NotImplemented` for an unwritten exercise).
    @discardableResult
    public func update(states: Matrix, actions: Matrix, rewards: Matrix, nextStates: Matrix, terminals: Matrix,
                       rng: inout RandomSource) throws -> BCQStepStatistics {
        let b = states.rows
        guard b > 0, states.cols == observationSize, nextStates.rows == b, nextStates.cols == observationSize,
              actions.rows == b, actions.cols == actionSize, rewards.rows == b, rewards.cols == 1,
              terminals.rows == b, terminals.cols == 1 else {
            throw BCQInputError("BCQ.update: states \(states.shapeDescription), actions \(actions.shapeDescription), rewards "
                                + "\(rewards.shapeDescription), next states \(nextStates.shapeDescription), terminals "
                                + "\(terminals.shapeDescription); expected B×\(observationSize), B×\(actionSize), B×1, "
                                + "B×\(observationSize), B×1 with B > 0")
        }
        // listing: bcq-update
        let c = configuration
        let s = Tensor(states)
        let a = Tensor(scaled(actions))

        // 1. The generative model: reconstruct the batch's actions (exercise 6.2).
        let (mean, logStd) = vae.encode(states: s, actions: a)
        let noise = Matrix.randomNormal(b, vae.latentSize, rng: &rng)
        let vaeTerms = try formulas.vaeLoss(actions: a, mean: mean, logStd: logStd, noise: noise, klWeight: c.klWeight) {
            self.vae.decode(states: s, latent: $0)
        }
        try checkFinite(vaeTerms.total, "the VAE loss")
        vaeOptimizer.step(vaeTerms.total.gradients(for: vaeOptimizer.parameters))

        // 2–3. The critics' target from n perturbed samples per next state (exercises 6.4, 6.3).
        let n = c.sampledActions
        let repeatedNext = nextStates.rows((0..<(b * n)).map { $0 / n })
        let sampled = vae.sample(states: repeatedNext, latentClip: c.latentClip, rng: &rng)
        let nextTensor = Tensor(repeatedNext)
        let nextActions = try perturbationTarget.perturbed(states: nextTensor, actions: Tensor(sampled),
                                                           maxPerturbation: c.maxPerturbation, formulas: formulas)
        let (nextQ1, nextQ2) = criticTarget.values(states: nextTensor, actions: nextActions.detached())
        let targets = try formulas.softClippedDoubleQTarget(
            rewards: rewards, nextQ1: nextQ1.value.reshaped(b, n), nextQ2: nextQ2.value.reshaped(b, n),
            terminals: terminals, discount: c.discount, lambda: c.lambda)
        guard targets.rows == b, targets.cols == 1 else {
            throw BCQInputError("BCQ.update: softClippedDoubleQTarget returned \(targets.shapeDescription), expected \(b)×1")
        }
        let (q1, q2) = critic.values(states: s, actions: a)
        let target = Tensor(targets)
        let criticLoss = mseLoss(q1, target) + mseLoss(q2, target)
        try checkFinite(criticLoss, "the critic loss")
        criticOptimizer.step(criticLoss.gradients(for: criticOptimizer.parameters))

        // 4. The perturbation model climbs Q_θ1 around the generative model's actions.
        let proposals = vae.sample(states: states, latentClip: c.latentClip, rng: &rng)
        let perturbed = try perturbation.perturbed(states: s, actions: Tensor(proposals), maxPerturbation: c.maxPerturbation,
                                                   formulas: formulas)
        let actorLoss = -critic.firstValues(states: s, actions: perturbed).mean()
        try checkFinite(actorLoss, "the perturbation model's loss")
        perturbationOptimizer.step(actorLoss.gradients(for: perturbationOptimizer.parameters))

        // 5. Slowly moving targets.
        criticTarget.track(critic, tau: c.tau)
        polyakUpdate(target: perturbationTarget.network, source: perturbation.network, tau: c.tau)
        // end listing
        updateCount += 1
        return BCQStepStatistics(vaeLoss: Double(vaeTerms.total.scalar), reconstruction: Double(vaeTerms.reconstruction.scalar),
                                 klDivergence: Double(vaeTerms.klDivergence.scalar), criticLoss: Double(criticLoss.scalar),
                                 actorLoss: Double(actorLoss.scalar), meanTarget: Double(targets.mean()))
    }

    private func checkFinite(_ loss: Tensor, _ what: String) throws {
        guard loss.scalar.isFinite else {
            throw BCQInputError("BCQ.update: \(what) is \(loss.scalar) at step \(updateCount + 1) (check the lesson-6 formulas "
                                + "or lower the learning rate)")
        }
    }

    // MARK: Acting

    /// π(s) for each state (one per row), in the environment's units, with the candidates'
    /// values: m samples of G_ω(s), each perturbed by ξ_φ, the best by Q_θ1 (exercise 6.5).
    ///
    /// - Parameter candidates: m, the samples per state (default: the configuration's `actingSamples`).
    /// - Throws: what the plugged-in formulas throw; ``BCQInputError`` for fewer than one candidate.
    public func selectActionsAndValues(for states: Matrix, candidates: Int? = nil) throws -> (actions: Matrix, values: Matrix) {
        let n = candidates ?? configuration.actingSamples
        guard n >= 1 else { throw BCQInputError("BCQ: need at least one candidate per state, got \(n)") }
        let repeated = states.rows((0..<(states.rows * n)).map { $0 / n })
        let sampled = vae.sample(states: repeated, latentClip: configuration.latentClip, rng: &actingRNG)
        let stateTensor = Tensor(repeated)
        let proposals = try perturbation.perturbed(states: stateTensor, actions: Tensor(sampled),
                                                   maxPerturbation: configuration.maxPerturbation, formulas: formulas).value
        let values = critic.firstValues(states: stateTensor, actions: Tensor(proposals)).value
        let best = try formulas.selectBestAction(candidates: proposals, values: values, candidatesPerState: n)
        guard best.rows == states.rows, best.cols == actionSize else {
            throw BCQInputError("BCQ: selectBestAction returned \(best.shapeDescription), expected \(states.rows)×\(actionSize)")
        }
        let chosenValues = critic.firstValues(states: Tensor(states), actions: Tensor(best)).value
        return (unscaled(best), chosenValues)
    }

    /// π(s) for each state (one per row), in the environment's units.
    ///
    /// - Parameter candidates: the samples per state (default: the configuration's `actingSamples`).
    /// - Throws: what the plugged-in formulas throw.
    public func selectActions(for states: Matrix, candidates: Int? = nil) throws -> Matrix {
        try selectActionsAndValues(for: states, candidates: candidates).actions
    }

    /// Samples of the generative model G_ω(s) in the environment's units: `count` per state,
    /// grouped by state (rows b·count ..< (b+1)·count belong to state b).
    public func generativeSamples(for states: Matrix, count: Int, rng: inout RandomSource) -> Matrix {
        let repeated = states.rows((0..<(states.rows * count)).map { $0 / count })
        return unscaled(vae.sample(states: repeated, latentClip: configuration.latentClip, rng: &rng))
    }
}

/// The losses of one BCQ gradient step.
public struct BCQStepStatistics: Sendable, Equatable, Codable {
    /// The VAE's total loss (reconstruction + weight · KL).
    public var vaeLoss: Double
    /// The VAE's reconstruction term.
    public var reconstruction: Double
    /// The VAE's KL term.
    public var klDivergence: Double
    /// Σⱼ mean (y − Q_θj(s, a))².
    public var criticLoss: Double
    /// −mean Q_θ1(s, a + ξ_φ(s, a, Φ)).
    public var actorLoss: Double
    /// The mean critic target y.
    public var meanTarget: Double
}
