/// The hyper-parameters of DDPG (Lillicrap et al. 2016, "Continuous control with deep
/// reinforcement learning", Algorithm 1).
///
/// The defaults are those of Fujimoto et al.'s re-implementation ("Our DDPG" of the TD3 paper,
/// 2018): two hidden layers of 400 and 300 ReLU units for actor and critic, the action entering
/// the critic's first layer, Adam with learning rate 10⁻³ for both, no weight decay,
/// mini-batches of 100, γ = 0.99, Polyak rate τ = 0.005, Gaussian exploration N(0, 0.1·max_action).
/// ``fixedBufferPaper`` is the variant closer to Lillicrap et al. that Fujimoto, Meger & Precup
/// (2019) ran in their fixed-buffer experiments.
///
/// Setting ``td3`` turns the agent into TD3 (Fujimoto, van Hoof & Meger 2018, "Addressing
/// function approximation error in actor-critic methods", Algorithm 1).
public struct DDPGConfiguration: Sendable, Codable, Equatable {
    /// The widths of the actor's hidden layers (paper: [400, 300]).
    public var actorHiddenSizes: [Int]
    /// The widths of the critic's hidden layers (paper: [400, 300]).
    public var criticHiddenSizes: [Int]
    /// Adam's learning rate for the actor (10⁻³).
    public var actorLearningRate: Float
    /// Adam's learning rate for the critic (10⁻³).
    public var criticLearningRate: Float
    /// The discount γ (0.99).
    public var discount: Float
    /// The Polyak rate τ of the target networks, θ' ← τθ + (1 − τ)θ' (0.005).
    public var tau: Float
    /// Transitions per gradient step (100).
    public var batchSize: Int
    /// The standard deviation of the Gaussian exploration noise, as a fraction of the largest
    /// action (0.1; Fujimoto et al. draw N(0, max_action · σ)).
    public var explorationNoise: Float
    /// Where the action enters the critic (``CriticActionInput/firstLayer``).
    public var criticActionInput: CriticActionInput
    /// L2 weight decay λ of the critic, added to its gradient as g + λθ (0; Lillicrap et al.: 10⁻²).
    public var criticWeightDecay: Float
    /// TD3's three changes, or `nil` for plain DDPG.
    public var td3: TD3Options?

    /// A configuration; every argument defaults to the paper's value.
    public init(actorHiddenSizes: [Int] = [400, 300], criticHiddenSizes: [Int] = [400, 300],
                actorLearningRate: Float = 1e-3, criticLearningRate: Float = 1e-3, discount: Float = 0.99,
                tau: Float = 0.005, batchSize: Int = 100, explorationNoise: Float = 0.1,
                criticActionInput: CriticActionInput = .firstLayer, criticWeightDecay: Float = 0, td3: TD3Options? = nil) {
        self.actorHiddenSizes = actorHiddenSizes
        self.criticHiddenSizes = criticHiddenSizes
        self.actorLearningRate = actorLearningRate
        self.criticLearningRate = criticLearningRate
        self.discount = discount
        self.tau = tau
        self.batchSize = batchSize
        self.explorationNoise = explorationNoise
        self.criticActionInput = criticActionInput
        self.criticWeightDecay = criticWeightDecay
        self.td3 = td3
    }

    /// The DDPG of Fujimoto, Meger & Precup (2019, supplementary material and their code),
    /// closer to Lillicrap et al.: actor learning rate 10⁻⁴, critic 10⁻³ with weight decay 10⁻²,
    /// the action entering the critic's second layer; 400–300 units, batch 100, τ = 0.005.
    public static func fixedBufferPaper(actorHiddenSizes: [Int] = [400, 300],
                                        criticHiddenSizes: [Int] = [400, 300]) -> DDPGConfiguration {
        DDPGConfiguration(actorHiddenSizes: actorHiddenSizes, criticHiddenSizes: criticHiddenSizes,
                          actorLearningRate: 1e-4, criticLearningRate: 1e-3, criticActionInput: .secondLayer,
                          criticWeightDecay: 1e-2)
    }

    /// TD3 with the paper's defaults on top of this configuration.
    public static func td3(actorHiddenSizes: [Int] = [400, 300], criticHiddenSizes: [Int] = [400, 300]) -> DDPGConfiguration {
        DDPGConfiguration(actorHiddenSizes: actorHiddenSizes, criticHiddenSizes: criticHiddenSizes, td3: TD3Options())
    }

    /// Throws ``DDPGError/invalidConfiguration(_:)`` naming the first bad value.
    public func validate() throws {
        func fail(_ reason: String) throws -> Never { throw DDPGError.invalidConfiguration(reason) }
        if actorHiddenSizes.isEmpty || actorHiddenSizes.contains(where: { $0 <= 0 }) {
            try fail("actor hidden sizes must be positive and non-empty, got \(actorHiddenSizes)")
        }
        if criticHiddenSizes.isEmpty || criticHiddenSizes.contains(where: { $0 <= 0 }) {
            try fail("critic hidden sizes must be positive and non-empty, got \(criticHiddenSizes)")
        }
        if !(actorLearningRate > 0) || !(criticLearningRate > 0) {
            try fail("learning rates must be positive, got actor \(actorLearningRate), critic \(criticLearningRate)")
        }
        if !(0...1).contains(discount) { try fail("the discount must lie in [0, 1], got \(discount)") }
        if !(tau > 0 && tau <= 1) { try fail("tau must lie in (0, 1], got \(tau)") }
        if batchSize <= 0 { try fail("the batch size must be positive, got \(batchSize)") }
        if !(explorationNoise >= 0) { try fail("the exploration noise must be ≥ 0, got \(explorationNoise)") }
        if !(criticWeightDecay >= 0) { try fail("the critic's weight decay must be ≥ 0, got \(criticWeightDecay)") }
        if let td3 {
            if !(td3.policyNoise >= 0) || !(td3.noiseClip >= 0) {
                try fail("TD3's policy noise and noise clip must be ≥ 0, got \(td3.policyNoise), \(td3.noiseClip)")
            }
            if td3.policyDelay < 1 { try fail("TD3's policy delay must be ≥ 1, got \(td3.policyDelay)") }
        }
    }
}

/// TD3's changes to DDPG (Fujimoto et al. 2018): clipped double-Q learning with twin critics,
/// target policy smoothing, and delayed actor and target updates.
public struct TD3Options: Sendable, Codable, Equatable {
    /// The standard deviation of the smoothing noise added to the target action, as a fraction
    /// of the largest action (0.2).
    public var policyNoise: Float
    /// The smoothing noise is clipped to ±`noiseClip`·max_action (0.5).
    public var noiseClip: Float
    /// The actor and the targets are updated once every `policyDelay` critic updates (2).
    public var policyDelay: Int

    /// TD3's options; every argument defaults to the paper's value.
    public init(policyNoise: Float = 0.2, noiseClip: Float = 0.5, policyDelay: Int = 2) {
        self.policyNoise = policyNoise
        self.noiseClip = noiseClip
        self.policyDelay = policyDelay
    }
}

/// What can go wrong when building or training a DDPG agent.
public enum DDPGError: Error, Equatable, CustomStringConvertible {
    /// A hyper-parameter out of range.
    case invalidConfiguration(String)
    /// A batch whose parts disagree in shape with each other or with the networks.
    case invalidBatch(String)
    /// The critic or the actor produced NaN or infinity (a diverged run).
    case diverged(String)

    /// The one-line message.
    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "DDPG configuration: \(reason)"
        case .invalidBatch(let reason): "DDPG batch: \(reason)"
        case .diverged(let reason): "DDPG diverged: \(reason)"
        }
    }
}
