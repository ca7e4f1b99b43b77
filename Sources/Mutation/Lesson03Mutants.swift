import ExerciseAPI
import Foundation
import Numerics

/// Lesson 3's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct GANMutant: GANExercises {
    typealias Base = any GANExercises
    let base: Base
    var maximizer: (@Sendable (Base, Double, Double) throws -> Double)?
    var optimal: (@Sendable (Base, Double, Double) throws -> Double)?
    var jensenShannon: (@Sendable (Base, [Double], [Double], Double) throws -> Double)?
    var generator: (@Sendable (Base, Tensor, GeneratorLossKind) throws -> Tensor)?
    var discriminator: (@Sendable (Base, Tensor, Tensor) throws -> Tensor)?

    init(base: Base) { self.base = base }

    func pointwiseMaximizer(a: Double, b: Double) throws -> Double {
        if let maximizer { return try maximizer(base, a, b) }
        return try base.pointwiseMaximizer(a: a, b: b)
    }

    func optimalDiscriminator(pData: Double, pG: Double) throws -> Double {
        if let optimal { return try optimal(base, pData, pG) }
        return try base.optimalDiscriminator(pData: pData, pG: pG)
    }

    func jensenShannonDivergence(p: [Double], q: [Double], dx: Double) throws -> Double {
        if let jensenShannon { return try jensenShannon(base, p, q, dx) }
        return try base.jensenShannonDivergence(p: p, q: q, dx: dx)
    }

    func generatorLoss(fakeLogits: Tensor, kind: GeneratorLossKind) throws -> Tensor {
        if let generator { return try generator(base, fakeLogits, kind) }
        return try base.generatorLoss(fakeLogits: fakeLogits, kind: kind)
    }

    func discriminatorLoss(realLogits: Tensor, fakeLogits: Tensor) throws -> Tensor {
        if let discriminator { return try discriminator(base, realLogits, fakeLogits) }
        return try base.discriminatorLoss(realLogits: realLogits, fakeLogits: fakeLogits)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout GANMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = GANMutant(base: set.ganTheory)
        edit(&mutated)
        set.ganTheory = mutated
    }
}

/// log(σ(ℓ)) computed naively, through the probability.
private func naiveLogSigmoid(_ x: Tensor) -> Tensor { log(sigmoid(x)) }
/// log(1 − σ(ℓ)) computed naively.
private func naiveLogOneMinusSigmoid(_ x: Tensor) -> Tensor { log(1 - sigmoid(x)) }

/// ½ Σ p log(p/m) + ½ Σ q log(q/m) times dx, with the logarithm and the terms chosen by the caller.
private func jsd(_ p: [Double], _ q: [Double], _ dx: Double, log: (Double) -> Double = Foundation.log,
                 bothTerms: Bool = true) -> Double {
    var sum = 0.0
    for (pi, qi) in zip(p, q) {
        let m = 0.5 * pi + 0.5 * qi
        if pi > 0 { sum += pi * log(pi / m) }
        if qi > 0 && bothTerms { sum += qi * log(qi / m) }
    }
    return 0.5 * sum * dx
}

/// Plausible mistakes in lesson 3 (the GAN game and its optimal discriminator).
let lesson03Mutants: [Mutant] = [
    // 3.1 pointwiseMaximizer
    mutant("3.1", "b / (a + b): a and b swapped", hint: ["a / (a + b)", "swapped"]) {
        $0.maximizer = { base, a, b in try base.pointwiseMaximizer(a: b, b: a) }
    },
    mutant("3.1", "a / (a + b) computed naively (overflows)", hint: ["overflow"]) {
        $0.maximizer = { base, a, b in _ = try base.pointwiseMaximizer(a: a, b: b)
            return a == 0 && b == 0 ? 0.5 : a / (a + b) }
    },
    mutant("3.1", "a = b = 0 gives 0", hint: ["½", "a = b = 0"]) {
        $0.maximizer = { base, a, b in a == 0 && b == 0 ? 0 : try base.pointwiseMaximizer(a: a, b: b) }
    },
    mutant("3.1", "a boundary case (a = 0 or b = 0) gives ½", hint: ["boundary", "a = 0", "b = 0"]) {
        $0.maximizer = { base, a, b in _ = try base.pointwiseMaximizer(a: a, b: b)
            return a == 0 || b == 0 ? 0.5 : try base.pointwiseMaximizer(a: a, b: b) }
    },
    // 3.2 optimalDiscriminator
    mutant("3.2", "p_G / (p_data + p_G): densities swapped", hint: ["p_data", "pData", "swapped"]) {
        $0.optimal = { base, d, g in try base.optimalDiscriminator(pData: g, pG: d) }
    },
    mutant("3.2", "both densities zero gives 0", hint: ["½", "both"]) {
        $0.optimal = { base, d, g in d == 0 && g == 0 ? 0 : try base.optimalDiscriminator(pData: d, pG: g) }
    },
    mutant("3.2", "p_data / (p_data + p_G) computed naively (overflows)", hint: ["overflow"]) {
        $0.optimal = { base, d, g in _ = try base.optimalDiscriminator(pData: d, pG: g)
            return d == 0 && g == 0 ? 0.5 : d / (d + g) }
    },
    mutant("3.2", "accepts negative densities", hint: ["negative"]) {
        $0.optimal = { base, d, g in try base.optimalDiscriminator(pData: Swift.abs(d), pG: Swift.abs(g)) }
    },
    // 3.3 jensenShannonDivergence
    mutant("3.3", "log base 2 (bits, not nats)", hint: ["natural", "nats", "base"]) {
        $0.jensenShannon = { base, p, q, dx in try base.jensenShannonDivergence(p: p, q: q, dx: dx) / Foundation.log(2) }
    },
    mutant("3.3", "forgets dx", hint: ["dx"]) {
        $0.jensenShannon = { base, p, q, dx in try base.jensenShannonDivergence(p: p, q: q, dx: dx) / dx }
    },
    mutant("3.3", "no ½ (sum of the two KLs)", hint: ["½"]) {
        $0.jensenShannon = { base, p, q, dx in 2 * (try base.jensenShannonDivergence(p: p, q: q, dx: dx)) }
    },
    mutant("3.3", "only ½ KL(p‖m)", hint: ["KL(q‖m)", "both"]) {
        $0.jensenShannon = { base, p, q, dx in _ = try base.jensenShannonDivergence(p: p, q: q, dx: dx)
            return jsd(p, q, dx, bothTerms: false) }
    },
    mutant("3.3", "m = p + q (the ½ of the mixture forgotten)", hint: ["m = (p + q)/2", "mixture"]) {
        $0.jensenShannon = { base, p, q, dx in _ = try base.jensenShannonDivergence(p: p, q: q, dx: dx)
            var sum = 0.0
            for (pi, qi) in zip(p, q) {
                if pi > 0 { sum += pi * Foundation.log(pi / (pi + qi)) }
                if qi > 0 { sum += qi * Foundation.log(qi / (pi + qi)) }
            }
            return 0.5 * sum * dx }
    },
    mutant("3.3", "renormalises the densities", hint: ["as given", "renormalis"]) {
        $0.jensenShannon = { base, p, q, dx in
            let (tp, tq) = (p.reduce(0, +) * dx, q.reduce(0, +) * dx)
            _ = try base.jensenShannonDivergence(p: p, q: q, dx: dx)
            return try base.jensenShannonDivergence(p: p.map { $0 / tp }, q: q.map { $0 / tq }, dx: dx)
        }
    },
    // 3.4 generatorLoss
    mutant("3.4", "saturating loss with the wrong sign", hint: ["sign", "log(1 − D"]) {
        $0.generator = { base, l, kind in
            let loss = try base.generatorLoss(fakeLogits: l, kind: kind)
            return kind == .saturating ? -loss : loss
        }
    },
    mutant("3.4", "the two kinds swapped", hint: ["saturating", "kind"]) {
        $0.generator = { base, l, kind in
            try base.generatorLoss(fakeLogits: l, kind: kind == .saturating ? .nonSaturating : .saturating)
        }
    },
    mutant("3.4", "log(1 − sigmoid) computed naively", hint: ["softplus", "finite"]) {
        $0.generator = { base, l, kind in _ = try base.generatorLoss(fakeLogits: l, kind: kind)
            return kind == .saturating ? naiveLogOneMinusSigmoid(l).mean() : -naiveLogSigmoid(l).mean() }
    },
    mutant("3.4", "non-saturating loss as −mean log(1 − D)", hint: ["−mean log D", "opposite sign"]) {
        $0.generator = { base, l, kind in
            kind == .nonSaturating ? -(try base.generatorLoss(fakeLogits: l, kind: .saturating)) : try base.generatorLoss(fakeLogits: l, kind: kind)
        }
    },
    mutant("3.4", "sum over the batch instead of the mean", hint: ["mean"]) {
        $0.generator = { base, l, kind in try base.generatorLoss(fakeLogits: l, kind: kind) * Float(l.rows) }
    },
    mutant("3.4", "non-saturating loss with the wrong sign", hint: ["sign", "−mean log D"]) {
        $0.generator = { base, l, kind in
            let loss = try base.generatorLoss(fakeLogits: l, kind: kind)
            return kind == .nonSaturating ? -loss : loss
        }
    },
    // 3.5 discriminatorLoss
    mutant("3.5", "labels swapped (real as 0, generated as 1)", hint: ["label", "real"]) {
        $0.discriminator = { base, r, f in try base.discriminatorLoss(realLogits: -r, fakeLogits: -f) }
    },
    mutant("3.5", "one mean over both batches together", hint: ["each batch", "mean", "sizes"]) {
        $0.discriminator = { base, r, f in _ = try base.discriminatorLoss(realLogits: r, fakeLogits: f)
            return (softplus(-r).sum() + softplus(f).sum()) / Float(r.rows + f.rows) }
    },
    mutant("3.5", "the game value, not its negation", hint: ["sign", "negated"]) {
        $0.discriminator = { base, r, f in -(try base.discriminatorLoss(realLogits: r, fakeLogits: f)) }
    },
    mutant("3.5", "log σ computed naively", hint: ["softplus", "finite"]) {
        $0.discriminator = { base, r, f in _ = try base.discriminatorLoss(realLogits: r, fakeLogits: f)
            return -naiveLogSigmoid(r).mean() - naiveLogOneMinusSigmoid(f).mean() }
    },
]
