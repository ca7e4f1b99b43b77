import ExerciseAPI
import Foundation
import Numerics

/// Lesson 2's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct DistributionShiftMutant: DistributionShiftExercises {
    typealias Base = any DistributionShiftExercises
    typealias Expert = ([Float]) throws -> [Float]
    let base: Base
    var aggregate: (@Sendable (Base, ImitationDataset, [[Float]], Expert) throws -> ImitationDataset)?
    var mixture: (@Sendable (Base, [Float], [Float], Int, Double, inout RandomSource) throws -> [Float])?
    var negativeLogLikelihood: (@Sendable (Base, Tensor, Tensor, Tensor, Tensor) throws -> Tensor)?
    var totalVariation: (@Sendable (Base, [Double], [Double]) throws -> Double)?

    init(base: Base) { self.base = base }

    func daggerAggregate(dataset: ImitationDataset, visitedObservations: [[Float]],
                         expert: ([Float]) throws -> [Float]) throws -> ImitationDataset {
        if let aggregate {
            return try withoutActuallyEscaping(expert) { try aggregate(base, dataset, visitedObservations, $0) }
        }
        return try base.daggerAggregate(dataset: dataset, visitedObservations: visitedObservations, expert: expert)
    }

    func mixturePolicyAction(expertAction: [Float], learnerAction: [Float], iteration: Int,
                             decay: Double, rng: inout RandomSource) throws -> [Float] {
        if let mixture { return try mixture(base, expertAction, learnerAction, iteration, decay, &rng) }
        return try base.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction,
                                            iteration: iteration, decay: decay, rng: &rng)
    }

    func mixtureNegativeLogLikelihood(logits: Tensor, means: Tensor, logStandardDeviations: Tensor,
                                      actions: Tensor) throws -> Tensor {
        if let negativeLogLikelihood { return try negativeLogLikelihood(base, logits, means, logStandardDeviations, actions) }
        return try base.mixtureNegativeLogLikelihood(logits: logits, means: means,
                                                     logStandardDeviations: logStandardDeviations, actions: actions)
    }

    func totalVariationDistance(_ p: [Double], _ q: [Double]) throws -> Double {
        if let totalVariation { return try totalVariation(base, p, q) }
        return try base.totalVariationDistance(p, q)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout DistributionShiftMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = DistributionShiftMutant(base: set.distributionShift)
        edit(&mutated)
        set.distributionShift = mutated
    }
}

/// The rows of a dataset as arrays, to rebuild one in another order.
private func rows(_ m: Matrix) -> [[Float]] { (0..<m.rows).map { r in (0..<m.cols).map { m[r, $0] } } }

/// A dataset from rows, keeping the widths of `like` when there are none.
private func dataset(_ observations: [[Float]], _ actions: [[Float]], like: ImitationDataset) throws -> ImitationDataset {
    observations.isEmpty ? ImitationDataset(observationSize: like.observationSize, actionSize: like.actionSize)
        : try ImitationDataset(observations: observations, actions: actions)
}

/// The mixture's stable negative log-likelihood with switches for the usual slips.
private func mixtureNLL(_ logits: Tensor, _ means: Tensor, _ logStd: Tensor, _ actions: Tensor,
                        normalizeWeights: Bool = true, logStdTerm: Bool = true, half: Float = 0.5) -> Tensor {
    let standardized = (actions - means) * exp(-logStd)
    var logDensities = square(standardized) * -half - 0.5 * Foundation.log(2 * Float.pi)
    if logStdTerm { logDensities = logDensities - logStd }
    let weights = normalizeWeights ? logits.logSoftmax() : logits
    return -(weights + logDensities).logSumExp().mean()
}

/// Plausible mistakes in lesson 2 (distribution shift and DAgger).
let lesson02Mutants: [Mutant] = [
    // 2.1 daggerAggregate
    mutant("2.1", "replaces the dataset instead of appending", hint: ["old pairs", "keep", "append"]) {
        $0.aggregate = { b, d, visited, expert in
            let empty = ImitationDataset(observationSize: d.observationSize, actionSize: d.actionSize)
            return try b.daggerAggregate(dataset: empty, visitedObservations: visited, expert: expert)
        }
    },
    mutant("2.1", "new pairs before the old ones", hint: ["order", "before"]) {
        $0.aggregate = { b, d, visited, expert in
            let empty = ImitationDataset(observationSize: d.observationSize, actionSize: d.actionSize)
            let new = try b.daggerAggregate(dataset: empty, visitedObservations: visited, expert: expert)
            return try dataset(rows(new.observations) + rows(d.observations), rows(new.actions) + rows(d.actions), like: d)
        }
    },
    mutant("2.1", "labels shifted by one step", hint: ["label", "expert's action for"]) {
        $0.aggregate = { b, d, visited, expert in
            try b.daggerAggregate(dataset: d, visitedObservations: visited) { observation in
                let t = visited.firstIndex(of: observation) ?? 0
                return try expert(visited[min(t + 1, visited.count - 1)])
            }
        }
    },
    mutant("2.1", "drops the last visited observation", hint: ["every observation", "last"]) {
        $0.aggregate = { b, d, visited, expert in
            try b.daggerAggregate(dataset: d, visitedObservations: Array(visited.dropLast()), expert: expert)
        }
    },
    mutant("2.1", "visited observations in reverse order", hint: ["order"]) {
        $0.aggregate = { b, d, visited, expert in
            try b.daggerAggregate(dataset: d, visitedObservations: visited.reversed(), expert: expert)
        }
    },
    mutant("2.1", "relabels the old pairs with the expert too", hint: ["old pairs", "their labels"]) {
        $0.aggregate = { b, d, visited, expert in
            let empty = ImitationDataset(observationSize: d.observationSize, actionSize: d.actionSize)
            return try b.daggerAggregate(dataset: empty, visitedObservations: rows(d.observations) + visited, expert: expert)
        }
    },
    // 2.2 mixturePolicyAction
    mutant("2.2", "β = p^(i+1) (iteration off by one)", hint: ["iteration 0", "pⁱ", "p^i"]) {
        $0.mixture = { b, e, l, i, p, rng in try b.mixturePolicyAction(expertAction: e, learnerAction: l, iteration: i + 1, decay: p, rng: &rng) }
    },
    mutant("2.2", "expert with probability 1 − β", hint: ["probability", "βᵢ"]) {
        $0.mixture = { b, e, l, i, p, rng in try b.mixturePolicyAction(expertAction: l, learnerAction: e, iteration: i, decay: p, rng: &rng) }
    },
    mutant("2.2", "β = p, whatever the iteration", hint: ["iteration", "pⁱ"]) {
        $0.mixture = { b, e, l, i, p, rng in try b.mixturePolicyAction(expertAction: e, learnerAction: l, iteration: min(i, 1), decay: p, rng: &rng) }
    },
    mutant("2.2", "β = p·i instead of pⁱ", hint: ["pⁱ", "decayⁱ", "power"]) {
        $0.mixture = { b, e, l, i, p, rng in
            _ = try b.mixturePolicyAction(expertAction: e, learnerAction: l, iteration: i, decay: p, rng: &rng)
            let beta = i == 0 ? 1 : p * Double(i)
            return rng.unit() < beta ? e : l
        }
    },
    mutant("2.2", "draws from a copy of rng (never advances it)", hint: ["rng", "once per call"]) {
        $0.mixture = { b, e, l, i, p, rng in
            var copy = rng
            return try b.mixturePolicyAction(expertAction: e, learnerAction: l, iteration: i, decay: p, rng: &copy)
        }
    },
    // 2.3 mixtureNegativeLogLikelihood
    mutant("2.3", "logits used as log-weights (no softmax)", hint: ["softmax", "logSumExp(logits)", "weights"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in _ = try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a)
            return mixtureNLL(w, m, s, a, normalizeWeights: false) }
    },
    mutant("2.3", "forgets the −log σ term", hint: ["log σ"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in _ = try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a)
            return mixtureNLL(w, m, s, a, logStdTerm: false) }
    },
    mutant("2.3", "no ½ in the exponent", hint: ["2σ²", "½"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in _ = try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a)
            return mixtureNLL(w, m, s, a, half: 1) }
    },
    mutant("2.3", "log σ used as σ (exp forgotten)", hint: ["σ = exp", "log σ", "exp"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in _ = try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a)
            let standardized = (a - m) / s
            let logDensities = square(standardized) * -0.5 - log(abs(s)) - 0.5 * Foundation.log(2 * Float.pi)
            return -(w.logSoftmax() + logDensities).logSumExp().mean() }
    },
    mutant("2.3", "sum over the batch instead of the mean", hint: ["mean", "do not sum"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in
            try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a) * Float(w.rows) }
    },
    mutant("2.3", "Σ w log N instead of log Σ w N", hint: ["logSumExp", "log of the sum"]) {
        $0.negativeLogLikelihood = { b, w, m, s, a in _ = try b.mixtureNegativeLogLikelihood(logits: w, means: m, logStandardDeviations: s, actions: a)
            let standardized = (a - m) * exp(-s)
            let logDensities = square(standardized) * -0.5 - s - 0.5 * Foundation.log(2 * Float.pi)
            return -(w.softmax() * logDensities).rowSums().mean() }
    },
    // 2.4 totalVariationDistance
    mutant("2.4", "no ½", hint: ["½"]) {
        $0.totalVariation = { b, p, q in 2 * (try b.totalVariationDistance(p, q)) }
    },
    mutant("2.4", "histograms not normalised", hint: ["normalise", "normalize"]) {
        $0.totalVariation = { b, p, q in _ = try b.totalVariationDistance(p, q)
            return 0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 - $1.1) } }
    },
    mutant("2.4", "both normalised by p's total", hint: ["normalise", "each histogram"]) {
        $0.totalVariation = { b, p, q in _ = try b.totalVariationDistance(p, q)
            let total = p.reduce(0, +)
            return 0.5 * zip(p, q).reduce(0) { $0 + abs($1.0 / total - $1.1 / total) } }
    },
    mutant("2.4", "squared differences", hint: ["absolute", "squared"]) {
        $0.totalVariation = { b, p, q in _ = try b.totalVariationDistance(p, q)
            let (tp, tq) = (p.reduce(0, +), q.reduce(0, +))
            return 0.5 * zip(p, q).reduce(0) { $0 + Foundation.pow($1.0 / tp - $1.1 / tq, 2) } }
    },
    mutant("2.4", "largest difference instead of the sum", hint: ["sum", "Σ"]) {
        $0.totalVariation = { b, p, q in _ = try b.totalVariationDistance(p, q)
            let (tp, tq) = (p.reduce(0, +), q.reduce(0, +))
            return zip(p, q).map { abs($0.0 / tp - $0.1 / tq) }.max() ?? 0 }
    },
]
