import Numerics

/// The exercises of lesson 6 (batch-constrained Q-learning): the formulas a student writes.
///
/// `Solutions.BatchConstrained` is the reference; `Exercises.BatchConstrained` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation: tabular BCQ
/// (`Algorithms/Tabular/BatchConstrainedQLearning.swift`) applies
/// ``batchConstrainedTabularUpdate(value:reward:nextValues:nextActionInBatch:terminal:learningRate:discount:)``
/// to every transition of the batch, and continuous BCQ (`Algorithms/BCQ`) trains its generative
/// model with ``vaeLoss(actions:mean:logStd:noise:klWeight:decode:)``, its twin critics towards
/// ``softClippedDoubleQTarget(rewards:nextQ1:nextQ2:terminals:discount:lambda:)``, bounds its
/// perturbations with ``boundedPerturbation(actions:rawPerturbation:maxPerturbation:low:high:)`` and
/// acts with ``selectBestAction(candidates:values:candidatesPerState:)``.
public protocol BCQExercises: Sendable {
    /// Exercise 6.1: one tabular batch-constrained Q-learning update from one transition
    /// (s, a, r, s') of a batch B (Fujimoto, Meger & Precup 2019, §4.1):
    ///
    ///     Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) · max_{a' : (s',a') ∈ B} Q(s',a')).
    ///
    /// It is lesson 5's Q-learning update with one change: the maximum runs only over the actions
    /// a' that the batch contains in s' (`nextActionInBatch[a'] == true`), so the target never
    /// reads a value that no data ever updated. When s' is terminal there is no bootstrap. When
    /// the batch holds no action at all in a non-terminal s' (the data stops there), the batch says
    /// nothing about what follows: use no bootstrap either (the target is r).
    ///
    /// - Parameters:
    ///   - value: the current Q(s, a).
    ///   - reward: r.
    ///   - nextValues: Q(s', a') for every action a' of s' (may be empty only when `terminal`).
    ///   - nextActionInBatch: for every action a' of s', whether (s', a') appears in B (same
    ///     length as `nextValues`).
    ///   - terminal: whether s' ends the task.
    ///   - learningRate: α in [0, 1].
    ///   - discount: γ in [0, 1].
    /// - Returns: the updated Q(s, a).
    /// - Throws: ``BCQInputError`` when the two arrays differ in length or α, γ lie outside [0, 1].
    func batchConstrainedTabularUpdate(value: Double, reward: Double, nextValues: [Double], nextActionInBatch: [Bool],
                                       terminal: Bool, learningRate: Double, discount: Double) throws -> Double

    /// Exercise 6.2: the loss of BCQ's conditional variational auto-encoder (Kingma & Welling
    /// 2014; Doersch 2016, "Tutorial on variational autoencoders", §4 for the conditional form),
    /// with the reparameterization trick, normalised as in Fujimoto et al.'s code (PyTorch's
    /// `mse_loss` and `.mean()`: averages over every entry):
    ///
    ///     σ = exp(log σ),   z = μ + σ ⊙ ε   (ε ~ N(0, I), given as `noise`),   ã = decode(z),
    ///     reconstruction = mean over the B×k entries of (a − ã)²,
    ///     KL = mean over the B×m entries of ½ (μ² + σ² − 1 − 2 log σ),
    ///     total = reconstruction + klWeight · KL          (klWeight = 0.5 in BCQ).
    ///
    /// Summed over a row instead of averaged, the KL term is KL(N(μ, σ²) ‖ N(0, I)) of one example
    /// and the reconstruction term ‖a − ã‖². Build everything from `Tensor` operations: the
    /// trainer differentiates `total` with respect to the encoder (through μ, log σ and z) and
    /// the decoder (through `decode`). Writing z = μ + σ ⊙ ε, rather than drawing z inside, is what
    /// lets the gradient reach μ and σ.
    ///
    /// - Parameters:
    ///   - actions: the batch's actions a (B×k, a constant).
    ///   - mean: the encoder's μ(s, a) (B×m, m the latent size).
    ///   - logStd: the encoder's log σ(s, a) (B×m).
    ///   - noise: ε, B×m standard normal draws.
    ///   - klWeight: the weight of the KL term (≥ 0; 0.5 in BCQ).
    ///   - decode: the decoder D(s, ·) for this batch's states: B×m latents → B×k actions.
    /// - Returns: the total loss and its two terms, each a 1×1 tensor.
    /// - Throws: ``BCQInputError`` for an empty batch, shapes that disagree or a negative weight.
    func vaeLoss(actions: Tensor, mean: Tensor, logStd: Tensor, noise: Matrix, klWeight: Float,
                 decode: (Tensor) throws -> Tensor) throws -> VAELossTerms

    /// Exercise 6.3: BCQ's critic target with the soft clipped double-Q of its twin target
    /// critics (Fujimoto et al. 2019, eq. 13), for B transitions with n candidate next actions each:
    ///
    ///     y = r + γ (1 − terminal) · max_{i=1..n} [ λ min(Q'₁(s', aᵢ), Q'₂(s', aᵢ))
    ///                                            + (1 − λ) max(Q'₁(s', aᵢ), Q'₂(s', aᵢ)) ].
    ///
    /// λ = 1 is TD3's clipped double Q (the pessimistic minimum), λ = 0 the optimistic maximum;
    /// BCQ uses λ = 0.75. Only a terminal stops the bootstrap (a timeout does not).
    ///
    /// - Parameters:
    ///   - rewards: B×1 rewards r.
    ///   - nextQ1: B×n, entry (b, i) = Q'₁(s'_b, a_{b,i}) for the n candidate actions of s'_b.
    ///   - nextQ2: B×n, the same for the second target critic.
    ///   - terminals: B×1, 1 where s' ends the task, else 0.
    ///   - discount: γ in [0, 1].
    ///   - lambda: λ in [0, 1].
    /// - Returns: B×1 targets (constants: no gradient flows through them).
    /// - Throws: ``BCQInputError`` for shapes that disagree, n = 0, or γ, λ outside [0, 1].
    func softClippedDoubleQTarget(rewards: Matrix, nextQ1: Matrix, nextQ2: Matrix, terminals: Matrix,
                                  discount: Float, lambda: Float) throws -> Matrix

    /// Exercise 6.4: the perturbed action of BCQ's perturbation model ξ_φ(s, a, Φ):
    ///
    ///     a + ξ = clip(a + Φ · tanh(raw), low, high),
    ///
    /// where `raw` is the network's unbounded output. Φ · tanh keeps every coordinate of the
    /// perturbation inside [−Φ, Φ], so the policy stays near the generative model's action; the
    /// clip keeps the result a valid action. Build it from `Tensor` operations: the actor step
    /// differentiates it with respect to `rawPerturbation` (where the clip is active the gradient
    /// is zero, as in Fujimoto et al.'s code).
    ///
    /// - Parameters:
    ///   - actions: the generative model's actions a (B×k).
    ///   - rawPerturbation: the network's output before the bound (B×k).
    ///   - maxPerturbation: Φ ≥ 0 (0.05 in BCQ, on actions scaled to [−1, 1]).
    ///   - low: the smallest valid action coordinate.
    ///   - high: the largest valid action coordinate (≥ low).
    /// - Returns: the perturbed actions, B×k.
    /// - Throws: ``BCQInputError`` for shapes that disagree, a negative Φ or low > high.
    func boundedPerturbation(actions: Tensor, rawPerturbation: Tensor, maxPerturbation: Float,
                             low: Float, high: Float) throws -> Tensor

    /// Exercise 6.5: BCQ's action choice among candidates,
    /// `π(s) = argmax_{aᵢ + ξᵢ} Q_θ1(s, aᵢ + ξᵢ)`: for each of the B states, the candidate with
    /// the highest value.
    ///
    /// The candidates of state b are the rows `b·n ..< (b+1)·n` of `candidates` (n =
    /// `candidatesPerState`), with their values in the same rows of `values`. On a tie take the
    /// first of the tied candidates.
    ///
    /// - Parameters:
    ///   - candidates: (B·n)×k candidate actions, grouped by state.
    ///   - values: (B·n)×1 values Q_θ1(s, candidate), in the same order.
    ///   - candidatesPerState: n ≥ 1.
    /// - Returns: B×k, the best candidate of each state.
    /// - Throws: ``BCQInputError`` when n < 1, the row counts disagree or are not a multiple of n,
    ///   or a value is NaN.
    func selectBestAction(candidates: Matrix, values: Matrix, candidatesPerState: Int) throws -> Matrix
}

/// The conditional VAE's loss and its two terms (exercise 6.2), each a 1×1 tensor.
public struct VAELossTerms {
    /// reconstruction + klWeight · KL: what the trainer minimises.
    public let total: Tensor
    /// The mean of (a − ã)² over every entry.
    public let reconstruction: Tensor
    /// The mean of ½ (μ² + σ² − 1 − 2 log σ) over every latent entry.
    public let klDivergence: Tensor

    /// The three tensors of one loss evaluation.
    public init(total: Tensor, reconstruction: Tensor, klDivergence: Tensor) {
        self.total = total
        self.reconstruction = reconstruction
        self.klDivergence = klDivergence
    }
}

/// Bad input to a lesson-6 formula or to BCQ (shapes that disagree, a discount outside [0, 1], …),
/// with a message naming the function and the problem.
public struct BCQInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message, e.g. "softClippedDoubleQTarget: nextQ1 is 4×10 but nextQ2 is 4×5".
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
