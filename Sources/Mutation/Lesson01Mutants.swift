import ExerciseAPI
import Foundation
import Numerics

/// Lesson 1's reference with (at most) one formula replaced: every requirement forwards to `base`
/// unless its closure is set; the closure gets `base` to reuse the reference's formula.
struct BehaviorCloningMutant: BehaviorCloningExercises {
    typealias Base = any BehaviorCloningExercises
    let base: Base
    var loss: (@Sendable (Base, Tensor, Tensor) throws -> Tensor)?
    var logLikelihood: (@Sendable (Base, Tensor, Tensor, Float) throws -> Tensor)?
    var minibatches: (@Sendable (Base, Int, Int, inout RandomSource) throws -> [[Int]])?
    var discounted: (@Sendable (Base, [Double], Double) throws -> Double)?

    init(base: Base) { self.base = base }

    func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor {
        if let loss { return try loss(base, predictedActions, expertActions) }
        return try base.behaviorCloningLoss(predictedActions: predictedActions, expertActions: expertActions)
    }

    func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor {
        if let logLikelihood { return try logLikelihood(base, actions, means, standardDeviation) }
        return try base.gaussianLogLikelihood(actions: actions, means: means, standardDeviation: standardDeviation)
    }

    func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]] {
        if let minibatches { return try minibatches(base, count, batchSize, &rng) }
        return try base.minibatchIndices(count: count, batchSize: batchSize, rng: &rng)
    }

    func discountedReturn(rewards: [Double], discount: Double) throws -> Double {
        if let discounted { return try discounted(base, rewards, discount) }
        return try base.discountedReturn(rewards: rewards, discount: discount)
    }
}

/// A lesson-1 mutant: `edit` sets one closure of the forwarding implementation.
private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout BehaviorCloningMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = BehaviorCloningMutant(base: set.behaviorCloning)
        edit(&mutated)
        set.behaviorCloning = mutated
    }
}

/// −‖a − μ‖²·quadratic − normalizer, row by row: lesson 1.2's formula with its two parts supplied.
private func gaussian(_ a: Tensor, _ m: Tensor, quadratic: Float, normalizer: Float) -> Tensor {
    square(a - m).rowSums() * (-quadratic) - normalizer
}

/// Plausible mistakes in lesson 1 (behavior cloning).
let lesson01Mutants: [Mutant] = [
    // 1.1 behaviorCloningLoss
    mutant("1.1", "mean over the coordinates too (mseLoss)", hint: ["sum the squares over", "coordinates"]) {
        $0.loss = { b, p, e in try b.behaviorCloningLoss(predictedActions: p, expertActions: e) / Float(p.cols) }
    },
    mutant("1.1", "sum over the batch instead of the mean", hint: ["average over the batch", "mean"]) {
        $0.loss = { b, p, e in try b.behaviorCloningLoss(predictedActions: p, expertActions: e) * Float(p.rows) }
    },
    mutant("1.1", "Euclidean distance, not squared", hint: ["square"]) {
        $0.loss = { b, p, e in _ = try b.behaviorCloningLoss(predictedActions: p, expertActions: e)
            return sqrt(square(e - p).rowSums() + 1e-12).mean() }
    },
    mutant("1.1", "absolute error instead of squared", hint: ["square"]) {
        $0.loss = { b, p, e in _ = try b.behaviorCloningLoss(predictedActions: p, expertActions: e)
            return abs(e - p).rowSums().mean() }
    },
    mutant("1.1", "loss detached from the graph", hint: ["Tensor operations", "differentiate", "gradient"]) {
        $0.loss = { b, p, e in Tensor(try b.behaviorCloningLoss(predictedActions: p, expertActions: e).value) }
    },
    // 1.2 gaussianLogLikelihood
    mutant("1.2", "σ instead of σ² in the quadratic term", hint: ["σ²"]) {
        $0.logLikelihood = { b, a, m, s in _ = try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s)
            return gaussian(a, m, quadratic: 1 / (2 * s), normalizer: 0.5 * Float(a.cols) * Foundation.log(2 * Float.pi * s * s)) }
    },
    mutant("1.2", "normaliser without d", hint: ["d/2", "coordinates"]) {
        $0.logLikelihood = { b, a, m, s in _ = try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s)
            return gaussian(a, m, quadratic: 1 / (2 * s * s), normalizer: 0.5 * Foundation.log(2 * Float.pi * s * s)) }
    },
    mutant("1.2", "normaliser added instead of subtracted", hint: ["sign", "normaliser"]) {
        $0.logLikelihood = { b, a, m, s in _ = try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s)
            return gaussian(a, m, quadratic: 1 / (2 * s * s), normalizer: -0.5 * Float(a.cols) * Foundation.log(2 * Float.pi * s * s)) }
    },
    mutant("1.2", "log(2πσ) instead of log(2πσ²)", hint: ["σ²"]) {
        $0.logLikelihood = { b, a, m, s in _ = try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s)
            return gaussian(a, m, quadratic: 1 / (2 * s * s), normalizer: 0.5 * Float(a.cols) * Foundation.log(2 * Float.pi * s)) }
    },
    mutant("1.2", "missing ½ in the quadratic term", hint: ["2σ²"]) {
        $0.logLikelihood = { b, a, m, s in _ = try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s)
            return gaussian(a, m, quadratic: 1 / (s * s), normalizer: 0.5 * Float(a.cols) * Foundation.log(2 * Float.pi * s * s)) }
    },
    mutant("1.2", "log-likelihood detached from the graph", hint: ["Tensor operations", "differentiate", "gradient"]) {
        $0.logLikelihood = { b, a, m, s in Tensor(try b.gaussianLogLikelihood(actions: a, means: m, standardDeviation: s).value) }
    },
    // 1.3 minibatchIndices
    mutant("1.3", "no shuffle", hint: ["random", "shuffle", "order"]) {
        $0.minibatches = { b, count, size, rng in
            var fixed = RandomSource(seed: 0)
            _ = try b.minibatchIndices(count: count, batchSize: size, rng: &fixed)
            return stride(from: 0, to: count, by: size).map { Array($0..<min($0 + size, count)) }
        }
    },
    mutant("1.3", "drops the last, smaller batch", hint: ["last batch", "every index"]) {
        $0.minibatches = { b, count, size, rng in
            try b.minibatchIndices(count: count, batchSize: size, rng: &rng).filter { $0.count == size }
        }
    },
    mutant("1.3", "indices 1...count (off by one)", hint: ["0..<count", "index"]) {
        $0.minibatches = { b, count, size, rng in
            try b.minibatchIndices(count: count, batchSize: size, rng: &rng).map { $0.map { $0 + 1 } }
        }
    },
    mutant("1.3", "shuffles within each batch only", hint: ["random order", "shuffle", "whole"]) {
        $0.minibatches = { b, count, size, rng in
            _ = try b.minibatchIndices(count: count, batchSize: size, rng: &rng)
            return stride(from: 0, to: count, by: size).map { rng.shuffled($0..<min($0 + size, count)) }
        }
    },
    mutant("1.3", "biased shuffle (swaps each place with any place)", hint: ["uniform", "order"]) {
        $0.minibatches = { b, count, size, rng in
            _ = try b.minibatchIndices(count: count, batchSize: size, rng: &rng)
            var order = Array(0..<count)
            for i in order.indices { order.swapAt(i, rng.index(below: count)) }
            return stride(from: 0, to: count, by: size).map { Array(order[$0..<min($0 + size, count)]) }
        }
    },
    mutant("1.3", "ignores rng (a fixed seed)", hint: ["rng"]) {
        $0.minibatches = { b, count, size, _ in
            var fixed = RandomSource(seed: 12345)
            return try b.minibatchIndices(count: count, batchSize: size, rng: &fixed)
        }
    },
    mutant("1.3", "does not advance rng (draws from a copy)", hint: ["rng", "advance", "epoch"]) {
        $0.minibatches = { b, count, size, rng in
            var copy = rng
            return try b.minibatchIndices(count: count, batchSize: size, rng: &copy)
        }
    },
    mutant("1.3", "the smaller batch first (cut from the end)", hint: ["last batch", "sizes"]) {
        $0.minibatches = { b, count, size, rng in try b.minibatchIndices(count: count, batchSize: size, rng: &rng).reversed() }
    },
    // 1.4 discountedReturn
    mutant("1.4", "γ^(t+1): the first reward discounted", hint: ["γ⁰", "first reward", "r₀"]) {
        $0.discounted = { b, r, g in g * (try b.discountedReturn(rewards: r, discount: g)) }
    },
    mutant("1.4", "no discount (plain sum)", hint: ["discount", "γ"]) {
        $0.discounted = { b, r, g in _ = try b.discountedReturn(rewards: r, discount: g); return r.reduce(0, +) }
    },
    mutant("1.4", "discounted from the end (reversed)", hint: ["γᵗ", "order", "reversed"]) {
        $0.discounted = { b, r, g in try b.discountedReturn(rewards: r.reversed(), discount: g) }
    },
    mutant("1.4", "drops the last reward", hint: ["last reward", "every reward"]) {
        $0.discounted = { b, r, g in try b.discountedReturn(rewards: Array(r.dropLast()), discount: g) }
    },
]
