import ExerciseAPI
import Foundation
import Numerics

/// Lesson 6's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct BCQMutant: BCQExercises {
    typealias Base = any BCQExercises
    typealias Decoder = (Tensor) throws -> Tensor
    let base: Base
    var tabular: (@Sendable (Base, Double, Double, [Double], [Bool], Bool, Double, Double) throws -> Double)?
    var vae: (@Sendable (Base, Tensor, Tensor, Tensor, Matrix, Float, Decoder) throws -> VAELossTerms)?
    var softTarget: (@Sendable (Base, Matrix, Matrix, Matrix, Matrix, Float, Float) throws -> Matrix)?
    var perturbation: (@Sendable (Base, Tensor, Tensor, Float, Float, Float) throws -> Tensor)?
    var select: (@Sendable (Base, Matrix, Matrix, Int) throws -> Matrix)?

    init(base: Base) { self.base = base }

    func batchConstrainedTabularUpdate(value: Double, reward: Double, nextValues: [Double], nextActionInBatch: [Bool],
                                       terminal: Bool, learningRate: Double, discount: Double) throws -> Double {
        if let tabular { return try tabular(base, value, reward, nextValues, nextActionInBatch, terminal, learningRate, discount) }
        return try base.batchConstrainedTabularUpdate(value: value, reward: reward, nextValues: nextValues,
                                                      nextActionInBatch: nextActionInBatch, terminal: terminal,
                                                      learningRate: learningRate, discount: discount)
    }

    func vaeLoss(actions: Tensor, mean: Tensor, logStd: Tensor, noise: Matrix, klWeight: Float,
                 decode: (Tensor) throws -> Tensor) throws -> VAELossTerms {
        if let vae { return try vae(base, actions, mean, logStd, noise, klWeight, decode) }
        return try base.vaeLoss(actions: actions, mean: mean, logStd: logStd, noise: noise, klWeight: klWeight, decode: decode)
    }

    func softClippedDoubleQTarget(rewards: Matrix, nextQ1: Matrix, nextQ2: Matrix, terminals: Matrix,
                                  discount: Float, lambda: Float) throws -> Matrix {
        if let softTarget { return try softTarget(base, rewards, nextQ1, nextQ2, terminals, discount, lambda) }
        return try base.softClippedDoubleQTarget(rewards: rewards, nextQ1: nextQ1, nextQ2: nextQ2, terminals: terminals,
                                                 discount: discount, lambda: lambda)
    }

    func boundedPerturbation(actions: Tensor, rawPerturbation: Tensor, maxPerturbation: Float,
                             low: Float, high: Float) throws -> Tensor {
        if let perturbation { return try perturbation(base, actions, rawPerturbation, maxPerturbation, low, high) }
        return try base.boundedPerturbation(actions: actions, rawPerturbation: rawPerturbation,
                                            maxPerturbation: maxPerturbation, low: low, high: high)
    }

    func selectBestAction(candidates: Matrix, values: Matrix, candidatesPerState: Int) throws -> Matrix {
        if let select { return try select(base, candidates, values, candidatesPerState) }
        return try base.selectBestAction(candidates: candidates, values: values, candidatesPerState: candidatesPerState)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout BCQMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = BCQMutant(base: set.batchConstrained)
        edit(&mutated)
        set.batchConstrained = mutated
    }
}

/// The VAE loss with the usual slips switchable.
private func vaeTerms(_ a: Tensor, _ mu: Tensor, _ logStd: Tensor, _ noise: Matrix, _ w: Float, _ decode: BCQMutant.Decoder,
                      latent makeLatent: ((Tensor, Tensor, Tensor) -> Tensor)? = nil, klSquare: Bool = true,
                      sumReconstruction: Bool = false, sumKL: Bool = false, useWeight: Bool = true) throws -> VAELossTerms {
    let std = exp(logStd)
    let latent = makeLatent?(mu, logStd, Tensor(noise)) ?? (mu + std * Tensor(noise))
    let reconstructed = try decode(latent)
    var reconstruction = square(a - reconstructed).mean()
    if sumReconstruction { reconstruction = reconstruction * Float(a.cols) }
    var kl = (0.5 * (square(mu) + (klSquare ? square(std) : std) - 1 - 2 * logStd)).mean()
    if sumKL { kl = kl * Float(mu.cols) }
    return VAELossTerms(total: reconstruction + (useWeight ? w : 1) * kl, reconstruction: reconstruction, klDivergence: kl)
}

/// Matrix rows as arrays.
private func rows(_ m: Matrix) -> [[Float]] { (0..<m.rows).map { r in (0..<m.cols).map { m[r, $0] } } }

/// Plausible mistakes in lesson 6 (batch-constrained Q-learning).
let lesson06Mutants: [Mutant] = [
    // 6.1 batchConstrainedTabularUpdate
    mutant("6.1", "max over every action (batch flags ignored)", hint: ["batch", "nextActionInBatch"]) {
        $0.tabular = { b, v, r, next, inBatch, term, a, g in
            _ = try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch, terminal: term, learningRate: a, discount: g)
            return try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch.map { _ in true },
                                                       terminal: term, learningRate: a, discount: g)
        }
    },
    mutant("6.1", "terminal ignored", hint: ["terminal"]) {
        $0.tabular = { b, v, r, next, inBatch, _, a, g in
            _ = try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch, terminal: true, learningRate: a, discount: g)
            return try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch, terminal: false, learningRate: a, discount: g)
        }
    },
    mutant("6.1", "no batch action: max over every action", hint: ["no action", "holds no action", "batch"]) {
        $0.tabular = { b, v, r, next, inBatch, term, a, g in
            try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next,
                                                nextActionInBatch: inBatch.contains(true) ? inBatch : inBatch.map { _ in true },
                                                terminal: term, learningRate: a, discount: g)
        }
    },
    mutant("6.1", "α and 1 − α swapped", hint: ["learning rate", "α"]) {
        $0.tabular = { b, v, r, next, inBatch, term, a, g in
            try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch, terminal: term, learningRate: 1 - a, discount: g)
        }
    },
    mutant("6.1", "min over the batch's actions", hint: ["max"]) {
        $0.tabular = { b, v, r, next, inBatch, term, a, g in
            _ = try b.batchConstrainedTabularUpdate(value: v, reward: r, nextValues: next, nextActionInBatch: inBatch, terminal: term,
                                                    learningRate: a, discount: g)
            var target = r
            let supported = next.indices.filter { inBatch[$0] }.map { next[$0] }
            if !term, let worst = supported.min() { target += g * worst }
            return (1 - a) * v + a * target
        }
    },
    // 6.2 vaeLoss
    mutant("6.2", "KL summed over the latent coordinates", hint: ["mean", "every latent entry", "average"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, sumKL: true) }
    },
    mutant("6.2", "reconstruction summed over the action coordinates", hint: ["mean", "every entry", "average"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, sumReconstruction: true) }
    },
    mutant("6.2", "σ instead of σ² in the KL", hint: ["σ²"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, klSquare: false) }
    },
    mutant("6.2", "z = μ (noise ignored)", hint: ["noise", "reparameter", "z = μ + σ"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, latent: { mu, _, _ in mu }) }
    },
    mutant("6.2", "z = μ + log σ · ε", hint: ["exp", "σ = exp"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, latent: { mu, logStd, eps in mu + logStd * eps }) }
    },
    mutant("6.2", "− log σ instead of − 2 log σ in the KL", hint: ["2 log σ", "log σ²"]) {
        $0.vae = { b, a, m, s, n, w, d in
            let right = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            let kl = right.klDivergence + 0.5 * s.mean()
            return VAELossTerms(total: right.reconstruction + w * kl, reconstruction: right.reconstruction, klDivergence: kl)
        }
    },
    mutant("6.2", "KL weight ignored", hint: ["klWeight", "weight"]) {
        $0.vae = { b, a, m, s, n, w, d in _ = try b.vaeLoss(actions: a, mean: m, logStd: s, noise: n, klWeight: w, decode: d)
            return try vaeTerms(a, m, s, n, w, d, useWeight: false) }
    },
    // 6.3 softClippedDoubleQTarget
    mutant("6.3", "λ on the max, 1 − λ on the min", hint: ["λ", "min"]) {
        $0.softTarget = { b, r, q1, q2, t, g, l in try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: g, lambda: 1 - l) }
    },
    mutant("6.3", "mean over the candidates instead of the max", hint: ["max", "candidate"]) {
        $0.softTarget = { b, r, q1, q2, t, g, l in
            _ = try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: g, lambda: l)
            let soft = Matrix.combine(q1, q2) { l * Swift.min($0, $1) + (1 - l) * Swift.max($0, $1) }
            let means = Matrix(columnVector: rows(soft).map { $0.reduce(0, +) / Float($0.count) })
            return r + g * (1 - t) * means
        }
    },
    mutant("6.3", "terminals ignored", hint: ["terminal"]) {
        $0.softTarget = { b, r, q1, q2, t, g, l in
            _ = try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: g, lambda: l)
            return try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: Matrix.zeros(t.rows, t.cols), discount: g, lambda: l)
        }
    },
    mutant("6.3", "max over candidates per critic before mixing", hint: ["candidate", "each candidate"]) {
        $0.softTarget = { b, r, q1, q2, t, g, l in
            _ = try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: g, lambda: l)
            let (m1, m2) = (q1.rowMaxima(), q2.rowMaxima())
            let soft = Matrix.combine(m1, m2) { l * Swift.min($0, $1) + (1 - l) * Swift.max($0, $1) }
            return r + g * (1 - t) * soft
        }
    },
    mutant("6.3", "discount ignored", hint: ["discount", "γ"]) {
        $0.softTarget = { b, r, q1, q2, t, g, l in
            _ = try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: g, lambda: l)
            return try b.softClippedDoubleQTarget(rewards: r, nextQ1: q1, nextQ2: q2, terminals: t, discount: 1, lambda: l)
        }
    },
    // 6.4 boundedPerturbation
    mutant("6.4", "raw output clamped to ±Φ instead of Φ·tanh", hint: ["tanh"]) {
        $0.perturbation = { b, a, raw, phi, low, high in
            _ = try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: phi, low: low, high: high)
            return clamp(a + clamp(raw, min: -phi, max: phi), min: low, max: high)
        }
    },
    mutant("6.4", "no final clip to [low, high]", hint: ["clip", "low", "high"]) {
        $0.perturbation = { b, a, raw, phi, low, high in
            try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: phi, low: -.greatestFiniteMagnitude, high: .greatestFiniteMagnitude)
                + 0 * Float(low + high)
        }
    },
    mutant("6.4", "Φ ignored (a + tanh(raw))", hint: ["Φ", "maxPerturbation"]) {
        $0.perturbation = { b, a, raw, phi, low, high in
            _ = try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: phi, low: low, high: high)
            return try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: 1, low: low, high: high)
        }
    },
    mutant("6.4", "actions clipped before the perturbation is added", hint: ["clip", "low", "high"]) {
        $0.perturbation = { b, a, raw, phi, low, high in
            _ = try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: phi, low: low, high: high)
            return clamp(a, min: low, max: high) + phi * tanh(raw)
        }
    },
    mutant("6.4", "result detached (no gradient into raw)", hint: ["gradient", "Tensor operations"]) {
        $0.perturbation = { b, a, raw, phi, low, high in
            Tensor(try b.boundedPerturbation(actions: a, rawPerturbation: raw, maxPerturbation: phi, low: low, high: high).value)
        }
    },
    // 6.5 selectBestAction
    mutant("6.5", "argmin instead of argmax", hint: ["highest"]) {
        $0.select = { b, c, v, n in try b.selectBestAction(candidates: c, values: -1 * v, candidatesPerState: n) }
    },
    mutant("6.5", "the last of tied candidates", hint: ["tie", "first"]) {
        $0.select = { b, c, v, n in
            _ = try b.selectBestAction(candidates: c, values: v, candidatesPerState: n)
            let states = c.rows / n
            let chosen = (0..<states).map { s in
                (s * n..<(s + 1) * n).reduce(s * n) { best, row in v[row, 0] >= v[best, 0] ? row : best }
            }
            return c.rows(chosen)
        }
    },
    mutant("6.5", "candidates read interleaved (row i·B + b)", hint: ["rows b·n", "grouped", "consecutive"]) {
        $0.select = { b, c, v, n in
            _ = try b.selectBestAction(candidates: c, values: v, candidatesPerState: n)
            let states = c.rows / n
            let order = (0..<states).flatMap { s in (0..<n).map { $0 * states + s } }
            return try b.selectBestAction(candidates: c.rows(order), values: v.rows(order), candidatesPerState: n)
        }
    },
    mutant("6.5", "NaN values accepted (NaN never wins)", hint: ["NaN"]) {
        $0.select = { b, c, v, n in
            let cleaned = v.map { $0.isNaN ? -Float.infinity : $0 }
            return try b.selectBestAction(candidates: c, values: cleaned, candidatesPerState: n)
        }
    },
    mutant("6.5", "one best candidate for every state", hint: ["each state", "per state", "of each"]) {
        $0.select = { b, c, v, n in
            let best = try b.selectBestAction(candidates: c, values: v, candidatesPerState: c.rows)
            let states = c.rows / n
            return best.rows([Int](repeating: 0, count: states))
        }
    },
]
