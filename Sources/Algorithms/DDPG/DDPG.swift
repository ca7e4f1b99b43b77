import ExerciseAPI
import Numerics
import NeuralNetworks

/// Deep deterministic policy gradient (Lillicrap et al. 2016, Algorithm 1), and TD3 (Fujimoto et
/// al. 2018, Algorithm 1) when ``DDPGConfiguration/td3`` is set.
///
/// One call of ``update(_:rng:)`` is one iteration of the paper's inner loop on a mini-batch B:
///
///     a' = π'(s')                                   (TD3: a' = clip(π'(s') + clip(ε, −c, c)), ε ~ N(0, σ̃²))
///     y  = r + γ (1 − terminal) Q'(s', a')          (TD3: min over the two target critics)   [exercise 5.1]
///     θ  ← θ − α_Q ∇_θ (1/|B|) Σ (Q_θ(s, a) − y)²
///     φ  ← φ − α_π ∇_φ [−(1/|B|) Σ Q_θ(s, π_φ(s))]                                          [exercise 5.2]
///     θ' ← τθ + (1 − τ)θ',  φ' ← τφ + (1 − τ)φ'     (TD3: actor and targets every d-th update)
///
/// The agent never touches an environment: who collects the data (orange, itself) or does not
/// (blue, a fixed buffer) is decided by the caller, which is the point of lesson 5. The two
/// formulas a student writes are called through `formulas`, never repeated here.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let agent = try DDPG(observationSize: 3, actionSize: 1, maxAction: 2,
///                      configuration: DDPGConfiguration(actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64]),
///                      formulas: Solutions.all.offPolicyLearning, rng: &rng)
/// let action = try agent.explore(observation, rng: &rng)     // a + N(0, (0.1·2)²), clipped
/// let stats = try agent.update(buffer.sample(100, rng: &rng), rng: &rng)
/// ```
public final class DDPG {
    /// The hyper-parameters.
    public let configuration: DDPGConfiguration
    /// The plugged-in formulas (reference or student).
    public let formulas: any OffPolicyExercises
    /// The actor's loss (by default exercise 5.2 of `formulas`).
    public let actorLoss: any ActorLoss
    /// The policy π_φ.
    public let actor: DeterministicActor
    /// The target policy π_φ'.
    public let targetActor: DeterministicActor
    /// The critic Q_θ (TD3: Q_θ1 and Q_θ2).
    public let critics: [QCritic]
    /// The target critics Q_θ'.
    public let targetCritics: [QCritic]
    /// The number of state coordinates.
    public let observationSize: Int
    /// The number of action coordinates.
    public let actionSize: Int
    /// Actions lie in [−maxAction, maxAction] in every coordinate.
    public let maxAction: Float
    /// Gradient steps taken so far.
    public private(set) var updateCount = 0

    private let actorOptimizer: Adam
    private let criticOptimizer: Adam

    /// A fresh agent with networks initialised from `rng`, its actor trained on `actorLoss`
    /// (`nil`: DDPG's own, ``DeterministicPolicyGradientLoss`` of `formulas`).
    ///
    /// - Throws: ``DDPGError/invalidConfiguration(_:)`` for a bad hyper-parameter or size.
    public init(observationSize: Int, actionSize: Int, maxAction: Float, configuration: DDPGConfiguration,
                formulas: any OffPolicyExercises, actorLoss: (any ActorLoss)? = nil, rng: inout RandomSource) throws {
        try configuration.validate()
        guard observationSize > 0, actionSize > 0 else {
            throw DDPGError.invalidConfiguration("observation and action sizes must be positive, got \(observationSize), \(actionSize)")
        }
        guard maxAction > 0, maxAction.isFinite else {
            throw DDPGError.invalidConfiguration("maxAction must be positive and finite, got \(maxAction)")
        }
        self.configuration = configuration
        self.formulas = formulas
        self.actorLoss = actorLoss ?? DeterministicPolicyGradientLoss(formulas: formulas)
        self.observationSize = observationSize
        self.actionSize = actionSize
        self.maxAction = maxAction
        actor = DeterministicActor(observationSize: observationSize, actionSize: actionSize,
                                   hiddenSizes: configuration.actorHiddenSizes, maxAction: maxAction, rng: &rng)
        targetActor = actor.copy()
        let criticCount = configuration.td3 == nil ? 1 : 2
        critics = (0..<criticCount).map { i in
            QCritic(observationSize: observationSize, actionSize: actionSize,
                    hiddenSizes: configuration.criticHiddenSizes, actionInput: configuration.criticActionInput,
                    rng: &rng, name: "critic\(i + 1)")
        }
        targetCritics = critics.map { $0.copy() }
        actorOptimizer = Adam(parameters: actor.parameters, learningRate: configuration.actorLearningRate)
        criticOptimizer = Adam(parameters: critics.flatMap(\.parameters), learningRate: configuration.criticLearningRate)
    }

    /// The deterministic action π(s) of one observation.
    public func act(_ observation: [Float]) -> [Float] {
        actor.action(for: observation)
    }

    /// The deterministic actions of a batch of states (n×d → n×k).
    public func actions(for states: Matrix) -> Matrix {
        actor(states).value
    }

    /// π(s) plus Gaussian exploration noise of standard deviation `noise`·maxAction (default:
    /// the configuration's), clipped into [−maxAction, maxAction] (exercise 5.5).
    public func explore(_ observation: [Float], noise: Float? = nil, rng: inout RandomSource) throws -> [Float] {
        let std = (noise ?? configuration.explorationNoise) * maxAction
        let bound = [Float](repeating: maxAction, count: actionSize)
        return try formulas.explorationAction(act(observation), noiseStd: std, low: bound.map { -$0 }, high: bound,
                                              rng: &rng)
    }

    /// The first critic's Q(s, a) of a batch.
    public func qValues(states: Matrix, actions: Matrix) -> Matrix {
        critics[0].values(states: states, actions: actions)
    }

    /// One gradient step of the critic(s), and of the actor and the targets when due.
    ///
    /// - Parameter rng: draws TD3's target smoothing noise (unused by DDPG).
    /// - Throws: ``DDPGError/invalidBatch(_:)`` for a batch that does not fit the networks,
    ///   ``DDPGError/diverged(_:)`` when the critic's loss is no longer finite, and whatever
    ///   the plugged-in formulas throw (``NotImplemented`` for an untouched stub).
    @discardableResult
    public func update(_ batch: OffPolicyBatch, rng: inout RandomSource) throws -> DDPGUpdateStatistics {
        guard batch.states.cols == observationSize, batch.actions.cols == actionSize, batch.count > 0 else {
            throw DDPGError.invalidBatch("expected states with \(observationSize) and actions with \(actionSize) columns, "
                                         + "got \(batch.states.shapeDescription) and \(batch.actions.shapeDescription)")
        }
        // listing: ddpg-update
        let targets = try criticTargets(batch, rng: &rng)

        // Critic: regress every Q_θi(s, a) on the same targets.
        let states = Tensor(batch.states)
        let actions = Tensor(batch.actions)
        let targetTensor = Tensor(targets)
        var criticLoss = mseLoss(critics[0](states, actions), targetTensor)
        for critic in critics.dropFirst() { criticLoss = criticLoss + mseLoss(critic(states, actions), targetTensor) }
        guard criticLoss.scalar.isFinite else {
            throw DDPGError.diverged("critic loss \(criticLoss.scalar) at update \(updateCount)")
        }
        var criticGradients = criticLoss.gradients(for: criticOptimizer.parameters)
        if configuration.criticWeightDecay > 0 {
            // L2 regularisation as PyTorch's Adam(weight_decay:) applies it: g ← g + λθ.
            for (i, parameter) in criticOptimizer.parameters.enumerated() {
                criticGradients[i].add(parameter.value, scaledBy: configuration.criticWeightDecay)
            }
        }
        criticOptimizer.step(criticGradients)
        updateCount += 1

        // Actor and targets: every update for DDPG, every d-th for TD3.
        let delay = configuration.td3?.policyDelay ?? 1
        var actorLossValue: Float?
        if updateCount % delay == 0 {
            let critic = critics[0]
            let actorLoss = try self.actorLoss.loss(on: batch, states: states, actor: { [actor] in actor($0) },
                                                    critic: { critic($0, $1) })
            guard actorLoss.rows == 1, actorLoss.cols == 1 else {
                throw DDPGError.invalidBatch("the actor loss must be 1×1, got \(actorLoss.value.shapeDescription)")
            }
            actorOptimizer.step(actorLoss.gradients(for: actorOptimizer.parameters))
            actorLossValue = actorLoss.scalar
            polyakUpdate(target: targetActor, source: actor, tau: configuration.tau)
            for (target, critic) in zip(targetCritics, critics) {
                polyakUpdate(target: target, source: critic, tau: configuration.tau)
            }
        }
        // end listing
        return DDPGUpdateStatistics(criticLoss: criticLoss.scalar / Float(critics.count), actorLoss: actorLossValue,
                                    meanTarget: targets.mean())
    }

    /// The targets y of a batch (exercise 5.1), with TD3's smoothing and clipped double Q when set.
    public func criticTargets(_ batch: OffPolicyBatch, rng: inout RandomSource) throws -> Matrix {
        // listing: critic-target
        var nextActions = targetActor(batch.nextStates).value
        if let td3 = configuration.td3 {
            let clip = td3.noiseClip * maxAction, bound = maxAction
            var noise = Matrix.randomNormal(nextActions.rows, nextActions.cols, std: td3.policyNoise * maxAction, rng: &rng)
            noise.apply { Swift.min(Swift.max($0, -clip), clip) }
            nextActions = (nextActions + noise).map { Swift.min(Swift.max($0, -bound), bound) }
        }
        var nextValues = targetCritics[0].values(states: batch.nextStates, actions: nextActions)
        for critic in targetCritics.dropFirst() {
            let other = critic.values(states: batch.nextStates, actions: nextActions)
            nextValues = Matrix.combine(nextValues, other, operation: "min") { Swift.min($0, $1) }
        }
        let targets = try formulas.criticTarget(rewards: batch.rewards, nextValues: nextValues,
                                                terminals: batch.terminals, timeouts: batch.timeouts,
                                                discount: configuration.discount)
        guard targets.rows == batch.count, targets.cols == 1 else {
            throw DDPGError.invalidBatch("criticTarget returned \(targets.shapeDescription), expected \(batch.count)×1")
        }
        return targets
        // end listing
    }
}

/// What one ``DDPG/update(_:rng:)`` measured.
public struct DDPGUpdateStatistics: Sendable, Equatable {
    /// The mean squared TD error of the critic(s), before the step.
    public var criticLoss: Float
    /// The actor's loss −mean Q(s, π(s)), when the actor was updated.
    public var actorLoss: Float?
    /// The mean target y of the batch.
    public var meanTarget: Float

    /// Statistics with the given values.
    public init(criticLoss: Float, actorLoss: Float?, meanTarget: Float) {
        self.criticLoss = criticLoss
        self.actorLoss = actorLoss
        self.meanTarget = meanTarget
    }
}
