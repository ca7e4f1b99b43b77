import ExerciseAPI
import Foundation
import Numerics

/// Lesson 5's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct OffPolicyMutant: OffPolicyExercises {
    typealias Base = any OffPolicyExercises
    typealias Actor = (Tensor) throws -> Tensor
    typealias Critic = (Tensor, Tensor) throws -> Tensor
    let base: Base
    var target: (@Sendable (Base, Matrix, Matrix, Matrix, Matrix, Float) throws -> Matrix)?
    var policyGradient: (@Sendable (Base, Tensor, Actor, Critic) throws -> Tensor)?
    var qUpdate: (@Sendable (Base, Double, Double, [Double], Bool, Double, Double) throws -> Double)?
    var returns: (@Sendable (Base, [Double], Double) throws -> [Double])?
    var exploration: (@Sendable (Base, [Float], Float, [Float], [Float], inout RandomSource) throws -> [Float])?

    init(base: Base) { self.base = base }

    func criticTarget(rewards: Matrix, nextValues: Matrix, terminals: Matrix, timeouts: Matrix,
                      discount: Float) throws -> Matrix {
        if let target { return try target(base, rewards, nextValues, terminals, timeouts, discount) }
        return try base.criticTarget(rewards: rewards, nextValues: nextValues, terminals: terminals,
                                     timeouts: timeouts, discount: discount)
    }

    func deterministicPolicyGradientLoss(states: Tensor, actor: (Tensor) throws -> Tensor,
                                         critic: (Tensor, Tensor) throws -> Tensor) throws -> Tensor {
        if let policyGradient { return try policyGradient(base, states, actor, critic) }
        return try base.deterministicPolicyGradientLoss(states: states, actor: actor, critic: critic)
    }

    func qLearningUpdate(value: Double, reward: Double, nextValues: [Double], terminal: Bool,
                         learningRate: Double, discount: Double) throws -> Double {
        if let qUpdate { return try qUpdate(base, value, reward, nextValues, terminal, learningRate, discount) }
        return try base.qLearningUpdate(value: value, reward: reward, nextValues: nextValues, terminal: terminal,
                                        learningRate: learningRate, discount: discount)
    }

    func discountedReturns(rewards: [Double], discount: Double) throws -> [Double] {
        if let returns { return try returns(base, rewards, discount) }
        return try base.discountedReturns(rewards: rewards, discount: discount)
    }

    func explorationAction(_ action: [Float], noiseStd: Float, low: [Float], high: [Float],
                           rng: inout RandomSource) throws -> [Float] {
        if let exploration { return try exploration(base, action, noiseStd, low, high, &rng) }
        return try base.explorationAction(action, noiseStd: noiseStd, low: low, high: high, rng: &rng)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout OffPolicyMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = OffPolicyMutant(base: set.offPolicyLearning)
        edit(&mutated)
        set.offPolicyLearning = mutated
    }
}

/// The reference's exploration action with σ = 0: the action clipped, checking the input as the reference does.
private func validatedClip(_ b: OffPolicyMutant.Base, _ a: [Float], _ s: Float, _ low: [Float], _ high: [Float]) throws {
    var unused = RandomSource(seed: 0)
    _ = try b.explorationAction(a, noiseStd: s, low: low, high: high, rng: &unused)
}

/// Plausible mistakes in lesson 5 (off-policy RL on a fixed batch).
let lesson05Mutants: [Mutant] = [
    // 5.1 criticTarget
    mutant("5.1", "a timeout stops the bootstrap too", hint: ["timeout", "time limit"]) {
        $0.target = { b, r, v, term, time, g in
            let cut = term.scalars.indices.map { Swift.max(term.scalars[$0], time.scalars[$0]) }
            return try b.criticTarget(rewards: r, nextValues: v, terminals: Matrix(rows: term.rows, cols: term.cols, values: cut),
                                      timeouts: time, discount: g)
        }
    },
    mutant("5.1", "terminals ignored", hint: ["terminal"]) {
        $0.target = { b, r, v, term, time, g in
            try b.criticTarget(rewards: r, nextValues: v, terminals: Matrix.zeros(term.rows, term.cols), timeouts: time, discount: g)
        }
    },
    mutant("5.1", "a terminal zeroes the reward too", hint: ["reward", "terminal"]) {
        $0.target = { b, r, v, term, time, g in
            let y = try b.criticTarget(rewards: r, nextValues: v, terminals: term, timeouts: time, discount: g)
            return y * (1 - term)
        }
    },
    mutant("5.1", "no discount", hint: ["discount", "γ"]) {
        $0.target = { b, r, v, term, time, g in
            _ = try b.criticTarget(rewards: r, nextValues: v, terminals: term, timeouts: time, discount: g)
            return try b.criticTarget(rewards: r, nextValues: v, terminals: term, timeouts: time, discount: 1)
        }
    },
    mutant("5.1", "the reward discounted too", hint: ["reward", "r +"]) {
        $0.target = { b, r, v, term, time, g in g * (try b.criticTarget(rewards: r, nextValues: v, terminals: term, timeouts: time, discount: g)) }
    },
    // 5.2 deterministicPolicyGradientLoss
    mutant("5.2", "actions detached from the actor", hint: ["detach", "gradient", "through the action"]) {
        $0.policyGradient = { b, s, actor, critic in
            try b.deterministicPolicyGradientLoss(states: s, actor: { try actor($0).detached() }, critic: critic)
        }
    },
    mutant("5.2", "+mean Q (sign)", hint: ["sign", "negated"]) {
        $0.policyGradient = { b, s, actor, critic in -(try b.deterministicPolicyGradientLoss(states: s, actor: actor, critic: critic)) }
    },
    mutant("5.2", "sum instead of the mean", hint: ["mean", "1/n"]) {
        $0.policyGradient = { b, s, actor, critic in try b.deterministicPolicyGradientLoss(states: s, actor: actor, critic: critic) * Float(s.rows) }
    },
    mutant("5.2", "whole loss detached", hint: ["gradient", "detach"]) {
        $0.policyGradient = { b, s, actor, critic in Tensor(try b.deterministicPolicyGradientLoss(states: s, actor: actor, critic: critic).value) }
    },
    // 5.3 qLearningUpdate
    mutant("5.3", "terminal ignored (bootstraps anyway)", hint: ["terminal"]) {
        $0.qUpdate = { b, v, r, next, term, a, g in
            if term && !next.isEmpty {
                _ = try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: g)
                return try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: false, learningRate: a, discount: g)
            }
            return try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: g)
        }
    },
    mutant("5.3", "mean over the next actions instead of the max", hint: ["max", "largest"]) {
        $0.qUpdate = { b, v, r, next, term, a, g in
            let mean = next.isEmpty ? [] : [next.reduce(0, +) / Double(next.count)]
            _ = try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: g)
            return try b.qLearningUpdate(value: v, reward: r, nextValues: mean, terminal: term, learningRate: a, discount: g)
        }
    },
    mutant("5.3", "α and 1 − α swapped", hint: ["learning rate", "α"]) {
        $0.qUpdate = { b, v, r, next, term, a, g in
            try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: 1 - a, discount: g)
        }
    },
    mutant("5.3", "no discount", hint: ["discount", "γ"]) {
        $0.qUpdate = { b, v, r, next, term, a, g in
            _ = try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: g)
            return try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: 1)
        }
    },
    mutant("5.3", "terminal: Q ← r, the learning rate skipped", hint: ["learning rate", "α"]) {
        $0.qUpdate = { b, v, r, next, term, a, g in
            let updated = try b.qLearningUpdate(value: v, reward: r, nextValues: next, terminal: term, learningRate: a, discount: g)
            return term ? r : updated
        }
    },
    // 5.4 discountedReturns
    mutant("5.4", "accumulated forwards (returns of the past)", hint: ["backward", "k ≥ t", "following"]) {
        $0.returns = { b, r, g in try b.discountedReturns(rewards: r.reversed(), discount: g).reversed() }
    },
    mutant("5.4", "shifted by one step (G_t from r_{t+1})", hint: ["r_t", "shift", "step t"]) {
        $0.returns = { b, r, g in
            let all = try b.discountedReturns(rewards: r, discount: g)
            return Array(all.dropFirst()) + (all.isEmpty ? [] : [0])
        }
    },
    mutant("5.4", "no discount", hint: ["discount", "γ"]) {
        $0.returns = { b, r, g in _ = try b.discountedReturns(rewards: r, discount: g); return try b.discountedReturns(rewards: r, discount: 1) }
    },
    mutant("5.4", "γ^k instead of γ^(k−t)", hint: ["γ^{k−t}", "k−t", "k − t"]) {
        $0.returns = { b, r, g in try b.discountedReturns(rewards: r, discount: g).enumerated().map { Foundation.pow(g, Double($0.offset)) * $0.element } }
    },
    // 5.5 explorationAction
    mutant("5.5", "one noise draw shared by every coordinate", hint: ["coordinate"]) {
        $0.exploration = { b, a, s, low, high, rng in
            try validatedClip(b, a, s, low, high)
            let noise = rng.normal(mean: 0, std: s)
            return a.indices.map { Swift.min(Swift.max(a[$0] + noise, low[$0]), high[$0]) }
        }
    },
    mutant("5.5", "σ² used as the standard deviation", hint: ["σ", "standard deviation", "std"]) {
        $0.exploration = { b, a, s, low, high, rng in try b.explorationAction(a, noiseStd: s * s, low: low, high: high, rng: &rng) }
    },
    mutant("5.5", "no clipping", hint: ["clip", "bounds"]) {
        $0.exploration = { b, a, s, low, high, rng in
            try b.explorationAction(a, noiseStd: s, low: low.map { _ in -.infinity }, high: high.map { _ in .infinity }, rng: &rng)
        }
    },
    mutant("5.5", "every coordinate clipped to the first coordinate's bounds", hint: ["bound", "coordinate"]) {
        $0.exploration = { b, a, s, low, high, rng in
            try validatedClip(b, a, s, low, high)
            return try b.explorationAction(a, noiseStd: s, low: low.map { _ in low[0] }, high: high.map { _ in high[0] }, rng: &rng)
        }
    },
    mutant("5.5", "noise added after clipping", hint: ["bounds", "clip"]) {
        $0.exploration = { b, a, s, low, high, rng in
            let clipped = try b.explorationAction(a, noiseStd: 0, low: low, high: high, rng: &rng)
            return clipped.map { $0 + rng.normal(mean: 0, std: s) }
        }
    },
    mutant("5.5", "uniform noise in [−σ, σ]", hint: ["Gaussian", "normal"]) {
        $0.exploration = { b, a, s, low, high, rng in
            try validatedClip(b, a, s, low, high)
            return a.indices.map { Swift.min(Swift.max(a[$0] + rng.uniform(-s, s), low[$0]), high[$0]) }
        }
    },
    mutant("5.5", "a fixed seed instead of rng", hint: ["rng"]) {
        $0.exploration = { b, a, s, low, high, _ in
            var fixed = RandomSource(seed: 7)
            return try b.explorationAction(a, noiseStd: s, low: low, high: high, rng: &fixed)
        }
    },
]
