import ExerciseAPI

/// The hyper-parameters of batch-constrained deep Q-learning (Fujimoto, Meger & Precup 2019,
/// "Off-policy deep reinforcement learning without exploration", Algorithm 1 and §5; the
/// constants of their code where the paper leaves them open).
///
/// The defaults are the paper's: Φ = 0.05 on actions scaled to [−1, 1], λ = 0.75, n = 10 sampled
/// actions in the target (100 candidates when acting, as in the authors' code), τ = 0.005, γ = 0.99, mini-batches of 100, a latent space of 2·|A| dimensions, KL
/// weight 0.5 in the VAE loss, Adam with learning rate 10⁻³ for every network, hidden layers of
/// 400 and 300 units for the critics and the perturbation model and 750 and 750 for the VAE.
/// The kit's lessons use ``kit`` (the same constants, narrower networks) to fit their time budget.
public struct BCQConfiguration: Sendable, Codable, Equatable {
    /// Φ, the largest perturbation of each action coordinate, on actions scaled to [−1, 1] (0.05).
    public var maxPerturbation: Float
    /// λ, the weight of the minimum in the soft clipped double-Q target (0.75).
    public var lambda: Float
    /// n, the actions sampled from the generative model per next state in the critics' target (10).
    public var sampledActions: Int
    /// The candidates sampled per state when the policy acts (100 in the authors' code; the paper's
    /// text uses the same n as the target).
    public var actingSamples: Int
    /// τ, the Polyak rate of the target critics and target perturbation model (0.005).
    public var tau: Float
    /// γ, the discount (0.99).
    public var discount: Float
    /// N, transitions per mini-batch (100).
    public var batchSize: Int
    /// The latent size of the VAE, `nil` for the paper's 2·|A|.
    public var latentSize: Int?
    /// The weight of the KL term in the VAE loss (0.5, from the paper's code).
    public var klWeight: Float
    /// |z| is clipped to this when sampling from the VAE (0.5): the decoder is only asked about
    /// latents near the prior's centre, where the encoder put the batch's actions.
    public var latentClip: Float
    /// The encoder's log σ is clamped to this range (−4…15, from the paper's code) for stability.
    public var logStdRange: ClosedRange<Float>
    /// Adam's learning rate for the critics, the perturbation model and the VAE (10⁻³).
    public var learningRate: Float
    /// Hidden widths of each critic Q_θ1, Q_θ2 ([400, 300]).
    public var criticHiddenSizes: [Int]
    /// Hidden widths of the perturbation model ξ_φ ([400, 300]).
    public var perturbationHiddenSizes: [Int]
    /// Hidden widths of the VAE's encoder and of its decoder ([750, 750]).
    public var vaeHiddenSizes: [Int]

    /// A configuration; every argument defaults to the paper's value.
    public init(maxPerturbation: Float = 0.05, lambda: Float = 0.75, sampledActions: Int = 10, actingSamples: Int = 100,
                tau: Float = 0.005,
                discount: Float = 0.99, batchSize: Int = 100, latentSize: Int? = nil, klWeight: Float = 0.5,
                latentClip: Float = 0.5, logStdRange: ClosedRange<Float> = -4...15, learningRate: Float = 1e-3,
                criticHiddenSizes: [Int] = [400, 300], perturbationHiddenSizes: [Int] = [400, 300],
                vaeHiddenSizes: [Int] = [750, 750]) {
        self.maxPerturbation = maxPerturbation
        self.lambda = lambda
        self.sampledActions = sampledActions
        self.actingSamples = actingSamples
        self.tau = tau
        self.discount = discount
        self.batchSize = batchSize
        self.latentSize = latentSize
        self.klWeight = klWeight
        self.latentClip = latentClip
        self.logStdRange = logStdRange
        self.learningRate = learningRate
        self.criticHiddenSizes = criticHiddenSizes
        self.perturbationHiddenSizes = perturbationHiddenSizes
        self.vaeHiddenSizes = vaeHiddenSizes
    }

    /// The paper's constants with the kit's narrower networks (critics and perturbation model
    /// 64–64, VAE 64–64), small enough to train in the lessons' budgets on two cores.
    public static func kit(maxPerturbation: Float = 0.05) -> BCQConfiguration {
        BCQConfiguration(maxPerturbation: maxPerturbation, criticHiddenSizes: [64, 64], perturbationHiddenSizes: [64, 64],
                         vaeHiddenSizes: [64, 64])
    }

    /// The latent size for actions of `actionSize` coordinates.
    public func latentSize(forActionSize actionSize: Int) -> Int {
        latentSize ?? 2 * actionSize
    }

    /// Throws ``BCQInputError`` naming the first value out of range.
    public func validate() throws {
        func fail(_ reason: String) throws -> Never { throw BCQInputError("BCQConfiguration: \(reason)") }
        if !(maxPerturbation >= 0) || !maxPerturbation.isFinite { try fail("Φ must be finite and ≥ 0, got \(maxPerturbation)") }
        if !(0...1).contains(lambda) { try fail("λ must lie in [0, 1], got \(lambda)") }
        if sampledActions < 1 { try fail("the number of sampled actions must be ≥ 1, got \(sampledActions)") }
        if actingSamples < 1 { try fail("the number of candidates when acting must be ≥ 1, got \(actingSamples)") }
        if !(0...1).contains(tau) { try fail("τ must lie in [0, 1], got \(tau)") }
        if !(0...1).contains(discount) { try fail("γ must lie in [0, 1], got \(discount)") }
        if batchSize < 1 { try fail("the batch size must be ≥ 1, got \(batchSize)") }
        if let latentSize, latentSize < 1 { try fail("the latent size must be ≥ 1, got \(latentSize)") }
        if !(klWeight >= 0) || !klWeight.isFinite { try fail("the KL weight must be finite and ≥ 0, got \(klWeight)") }
        if !(latentClip > 0) { try fail("the latent clip must be positive, got \(latentClip)") }
        if !(learningRate > 0) || !learningRate.isFinite { try fail("the learning rate must be positive, got \(learningRate)") }
        for (name, sizes) in [("critic", criticHiddenSizes), ("perturbation", perturbationHiddenSizes), ("VAE", vaeHiddenSizes)]
        where sizes.isEmpty || sizes.contains(where: { $0 < 1 }) {
            try fail("the \(name) hidden sizes must be positive and non-empty, got \(sizes)")
        }
    }
}
