import Numerics

/// The exercises of lesson 3 (the GAN game and its optimal discriminator): the formulas a student writes.
///
/// `Solutions.GANTheory` is the reference; `Exercises.GANTheory` is the student's copy, whose untouched
/// bodies throw ``NotImplemented``. The lesson and the library's algorithms call these
/// requirements, so a lesson runs the same code path on either implementation.
///
/// Conventions: natural logarithms throughout (divergences in nats); a discriminator outputs a
/// *logit* `ℓ`, and `D = σ(ℓ) = 1 / (1 + e^{−ℓ})` is its probability that the input is real.
public protocol GANExercises: Sendable {
    /// Exercise 3.1: the `y ∈ [0, 1]` that maximises `a·log y + b·log(1 − y)` for `a, b ≥ 0`.
    ///
    /// Setting the derivative `a/y − b/(1 − y)` to zero gives `y* = a / (a + b)`. Edge cases:
    /// `a = 0, b > 0` gives 0 and `a > 0, b = 0` gives 1 (the maximum sits on the boundary);
    /// when `a = b = 0` every `y` is a maximiser and the answer is defined as `½`. The result
    /// must stay right for huge or tiny `a, b` (e.g. `a = b = 1e308`, where `a + b` overflows).
    /// Throws when `a` or `b` is negative or not finite.
    func pointwiseMaximizer(a: Double, b: Double) throws -> Double

    /// Exercise 3.2: the optimal discriminator's value at one point,
    /// `D*(x) = p_data(x) / (p_data(x) + p_G(x))`, from the two densities there.
    ///
    /// Where both densities are zero, `D*` is not determined by the game (that `x` is never
    /// seen); it is defined as `½` here. Throws when a density is negative or not finite.
    func optimalDiscriminator(pData: Double, pG: Double) throws -> Double

    /// Exercise 3.3: the Jensen–Shannon divergence (in nats) of two densities tabulated on an evenly
    /// spaced grid with spacing `dx`, by the rectangle rule:
    /// `JSD(p‖q) = ½ KL(p‖m) + ½ KL(q‖m)`, `m = (p + q)/2`, `KL(p‖m) ≈ Σᵢ pᵢ log(pᵢ/mᵢ) dx`.
    ///
    /// Terms with `pᵢ = 0` contribute 0 (`0·log 0 = 0`). The densities are used as given (not
    /// renormalised). Throws when the arrays differ in length or are empty, when `dx` is not
    /// positive and finite, or when a value is negative or not finite.
    func jensenShannonDivergence(p: [Double], q: [Double], dx: Double) throws -> Double

    /// Exercise 3.4: the generator's loss on a minibatch, from the discriminator's logits
    /// `ℓᵢ = logit D(G(zᵢ))` on generated samples (a batch×1 tensor); a 1×1 tensor the generator
    /// *minimises*:
    /// - `.saturating`: the game's own term, `mean log(1 − D(G(z)))` (Goodfellow et al. 2014, eq. 1);
    /// - `.nonSaturating`: `−mean log D(G(z))` (the paper's practical alternative, section 3).
    ///
    /// Must be finite with finite gradients for logits as extreme as ±50 (use
    /// `log σ(ℓ) = −softplus(−ℓ)` and `log(1 − σ(ℓ)) = −softplus(ℓ)`, not `log(1 − sigmoid(ℓ))`).
    /// Throws for an empty batch.
    func generatorLoss(fakeLogits: Tensor, kind: GeneratorLossKind) throws -> Tensor

    /// Exercise 3.5: the discriminator's loss on a minibatch, the negated game value
    /// `−[mean log D(x) + mean log(1 − D(G(z)))]`, from the logits on real samples and on generated
    /// samples (each batch×1; the two batches may differ in size); a 1×1 tensor the discriminator
    /// minimises (binary cross-entropy with label 1 for real, 0 for generated).
    ///
    /// Must be finite with finite gradients for logits as extreme as ±50. Throws when either batch
    /// is empty.
    func discriminatorLoss(realLogits: Tensor, fakeLogits: Tensor) throws -> Tensor
}

/// Which generator loss exercise 3.4 computes.
public enum GeneratorLossKind: String, CaseIterable, Sendable, Codable {
    /// `mean log(1 − D(G(z)))`, minimised: the minimax game's own term. Its gradient vanishes when
    /// the discriminator confidently rejects the generated samples.
    case saturating
    /// `−mean log D(G(z))`, minimised: same fixed point, strong gradient early in training.
    case nonSaturating
}

/// The error lesson 3's formulas throw for input outside their domain, naming the argument and
/// the value (e.g. "jensenShannonDivergence: p and q differ in length (100 vs 99)").
public struct GANInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, naming the function and the argument.
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
