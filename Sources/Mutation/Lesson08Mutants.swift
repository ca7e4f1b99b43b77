import ExerciseAPI
import Foundation
import Numerics

/// Lesson 8's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct DemonstrationsMutant: DemonstrationsInRLExercises {
    typealias Base = any DemonstrationsInRLExercises
    /// The arguments of exercise 8.3, in order.
    struct ActorLossInput {
        var policyValues: Tensor, policyActions: Tensor, demonstrationActions: Matrix
        var demonstrationValues: Matrix?, isDemonstration: [Bool], weight: Float
    }
    let base: Base
    var minibatch: (@Sendable (Base, Int, Int, Int, Double, inout RandomSource) throws -> [Int])?
    var curriculum: (@Sendable (Base, Int, Double, Double, Int, Int) throws -> Int)?
    var actorLoss: (@Sendable (Base, ActorLossInput) throws -> Tensor)?
    var removal: (@Sendable (Base, Double, Int, Double, Int) throws -> Bool)?

    init(base: Base) { self.base = base }

    func mixedMinibatchIndices(demonstrationCount: Int, agentCount: Int, batchSize: Int,
                               demonstrationFraction: Double, rng: inout RandomSource) throws -> [Int] {
        if let minibatch { return try minibatch(base, demonstrationCount, agentCount, batchSize, demonstrationFraction, &rng) }
        return try base.mixedMinibatchIndices(demonstrationCount: demonstrationCount, agentCount: agentCount, batchSize: batchSize,
                                              demonstrationFraction: demonstrationFraction, rng: &rng)
    }

    func curriculumStartOffset(current: Int, recentSuccessRate: Double, threshold: Double, stepBack: Int,
                               longest: Int) throws -> Int {
        if let curriculum { return try curriculum(base, current, recentSuccessRate, threshold, stepBack, longest) }
        return try base.curriculumStartOffset(current: current, recentSuccessRate: recentSuccessRate, threshold: threshold,
                                              stepBack: stepBack, longest: longest)
    }

    func actorLossWithBehaviorCloning(policyValues: Tensor, policyActions: Tensor, demonstrationActions: Matrix,
                                      demonstrationValues: Matrix?, isDemonstration: [Bool],
                                      weight: Float) throws -> Tensor {
        let input = ActorLossInput(policyValues: policyValues, policyActions: policyActions, demonstrationActions: demonstrationActions,
                                   demonstrationValues: demonstrationValues, isDemonstration: isDemonstration, weight: weight)
        if let actorLoss { return try actorLoss(base, input) }
        return try Self.reference(base, input)
    }

    func shouldRemoveDemonstrations(recentSuccessRate: Double, agentEpisodes: Int, successThreshold: Double,
                                    minimumEpisodes: Int) throws -> Bool {
        if let removal { return try removal(base, recentSuccessRate, agentEpisodes, successThreshold, minimumEpisodes) }
        return try base.shouldRemoveDemonstrations(recentSuccessRate: recentSuccessRate, agentEpisodes: agentEpisodes,
                                                   successThreshold: successThreshold, minimumEpisodes: minimumEpisodes)
    }

    /// The reference's loss on `x`.
    static func reference(_ base: Base, _ x: ActorLossInput) throws -> Tensor {
        try base.actorLossWithBehaviorCloning(policyValues: x.policyValues, policyActions: x.policyActions,
                                              demonstrationActions: x.demonstrationActions, demonstrationValues: x.demonstrationValues,
                                              isDemonstration: x.isDemonstration, weight: x.weight)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String], mayCrash: Bool = false,
                    _ edit: @escaping @Sendable (inout DemonstrationsMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint, mayCrash: mayCrash) { set in
        var mutated = DemonstrationsMutant(base: set.demonstrationsInRL)
        edit(&mutated)
        set.demonstrationsInRL = mutated
    }
}

/// DDPGfD's minibatch with the usual slips switchable.
private func minibatch(_ demos: Int, _ agent: Int, _ size: Int, _ fraction: Double, _ rng: inout RandomSource,
                       truncate: Bool = false, offset: Bool = true, agentFirst: Bool = false,
                       sharedDraw: Bool = false, handleEmpty: Bool = true) -> [Int] {
    let exact = fraction * Double(size)
    var fromDemonstrations = Int(truncate ? exact.rounded(.towardZero) : exact.rounded())
    if handleEmpty {
        if demos == 0 { fromDemonstrations = 0 }
        if agent == 0 { fromDemonstrations = size }
    }
    var demonstrationRows: [Int] = []
    var agentRows: [Int] = []
    let shared = sharedDraw && demos > 0 ? rng.index(below: demos) : 0
    for _ in 0..<fromDemonstrations { demonstrationRows.append(sharedDraw ? shared : rng.index(below: demos)) }
    for _ in fromDemonstrations..<size { agentRows.append((offset ? demos : 0) + rng.index(below: agent)) }
    return agentFirst ? agentRows + demonstrationRows : demonstrationRows + agentRows
}

/// The actor loss with the usual slips switchable.
private func actorLoss(_ x: DemonstrationsMutant.ActorLossInput, filter: ((Float, Float) -> Bool)? = { $0 > $1 },
                       denominator: Int? = nil, cloneEveryRow: Bool = false, weightOnQ: Bool = false) -> Tensor {
    let n = x.policyValues.rows
    let policyLoss = -x.policyValues.mean()
    let demonstrationRows = x.isDemonstration.filter { $0 }.count
    guard demonstrationRows > 0, x.weight > 0 else { return policyLoss }
    let mask = Matrix(columnVector: (0..<n).map { i in
        let passes = x.demonstrationValues.map { v in filter.map { $0(v[i, 0], x.policyValues.value[i, 0]) } ?? true } ?? true
        return (x.isDemonstration[i] || cloneEveryRow) && passes ? 1 : 0
    })
    let squaredErrors = square(x.policyActions - Tensor(x.demonstrationActions)).rowSums()
    let cloning = (squaredErrors * Tensor(mask)).sum() / Float(denominator ?? demonstrationRows)
    return weightOnQ ? policyLoss * x.weight + cloning : policyLoss + cloning * x.weight
}

/// Plausible mistakes in lesson 8 (demonstrations inside reinforcement learning).
let lesson08Mutants: [Mutant] = [
    // 8.1 mixedMinibatchIndices
    mutant("8.1", "truncates f·B instead of rounding", hint: ["round"]) {
        $0.minibatch = { b, d, a, size, f, rng in
            var copy = rng
            _ = try b.mixedMinibatchIndices(demonstrationCount: d, agentCount: a, batchSize: size, demonstrationFraction: f, rng: &copy)
            return minibatch(d, a, size, f, &rng, truncate: true)
        }
    },
    mutant("8.1", "agent rows not offset by demonstrationCount", hint: ["demonstrationCount +", "offset"]) {
        $0.minibatch = { b, d, a, size, f, rng in
            var copy = rng
            _ = try b.mixedMinibatchIndices(demonstrationCount: d, agentCount: a, batchSize: size, demonstrationFraction: f, rng: &copy)
            return minibatch(d, a, size, f, &rng, offset: false)
        }
    },
    mutant("8.1", "agent rows first", hint: ["demonstrations first", "(< 10) first", "order"]) {
        $0.minibatch = { b, d, a, size, f, rng in
            var copy = rng
            _ = try b.mixedMinibatchIndices(demonstrationCount: d, agentCount: a, batchSize: size, demonstrationFraction: f, rng: &copy)
            return minibatch(d, a, size, f, &rng, agentFirst: true)
        }
    },
    mutant("8.1", "one demonstration draw repeated", hint: ["uniformly", "with replacement", "each"]) {
        $0.minibatch = { b, d, a, size, f, rng in
            var copy = rng
            _ = try b.mixedMinibatchIndices(demonstrationCount: d, agentCount: a, batchSize: size, demonstrationFraction: f, rng: &copy)
            return minibatch(d, a, size, f, &rng, sharedDraw: true)
        }
    },
    mutant("8.1", "an empty part not handled (crashes)", hint: ["empty"], mayCrash: true) {
        $0.minibatch = { b, d, a, size, f, rng in
            var copy = rng
            _ = try b.mixedMinibatchIndices(demonstrationCount: d, agentCount: a, batchSize: size, demonstrationFraction: f, rng: &copy)
            return minibatch(d, a, size, f, &rng, handleEmpty: false)
        }
    },
    // 8.2 curriculumStartOffset
    mutant("8.2", "> instead of ≥ the threshold", hint: ["≥", "equal to the threshold"]) {
        $0.curriculum = { b, c, rate, t, step, longest in
            let moved = try b.curriculumStartOffset(current: c, recentSuccessRate: rate, threshold: t, stepBack: step, longest: longest)
            return rate == t ? c : moved
        }
    },
    mutant("8.2", "not capped at the longest demonstration", hint: ["longest"]) {
        $0.curriculum = { b, c, rate, t, step, longest in
            let moved = try b.curriculumStartOffset(current: c, recentSuccessRate: rate, threshold: t, stepBack: step, longest: longest)
            return moved == c ? c : c + step
        }
    },
    mutant("8.2", "moves one step instead of stepBack", hint: ["stepBack"]) {
        $0.curriculum = { b, c, rate, t, step, longest in
            _ = try b.curriculumStartOffset(current: c, recentSuccessRate: rate, threshold: t, stepBack: step, longest: longest)
            return try b.curriculumStartOffset(current: c, recentSuccessRate: rate, threshold: t, stepBack: 1, longest: longest)
        }
    },
    mutant("8.2", "moves while below the threshold (comparison inverted)", hint: ["threshold"]) {
        $0.curriculum = { b, c, rate, t, step, longest in
            let moved = try b.curriculumStartOffset(current: c, recentSuccessRate: rate, threshold: t, stepBack: step, longest: longest)
            return rate.isNaN ? c : (rate < t ? Swift.min(c + step, longest) : (rate == t ? moved : c))
        }
    },
    mutant("8.2", "a NaN rate moves the start", hint: ["NaN"]) {
        $0.curriculum = { b, c, rate, t, step, longest in
            try b.curriculumStartOffset(current: c, recentSuccessRate: rate.isNaN ? 1 : rate, threshold: t, stepBack: step, longest: longest)
        }
    },
    // 8.3 actorLossWithBehaviorCloning
    mutant("8.3", "Q-filter reversed", hint: ["filter", "higher"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, filter: { $0 < $1 }) }
    },
    mutant("8.3", "no Q-filter", hint: ["filter"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, filter: nil) }
    },
    mutant("8.3", "cloning term divided by the batch size n", hint: ["n_D", "demonstration rows"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, denominator: x.isDemonstration.count) }
    },
    mutant("8.3", "cloning on every row", hint: ["demonstration rows", "isDemonstration"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, cloneEveryRow: true) }
    },
    mutant("8.3", "cloning distance not squared (‖π(s) − a‖)", hint: ["‖π(s) − a‖²", "square"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x)
            let n = x.policyValues.rows
            let rows = x.isDemonstration.filter { $0 }.count
            guard rows > 0, x.weight > 0 else { return -x.policyValues.mean() }
            let mask = Matrix(columnVector: (0..<n).map { i in
                (x.isDemonstration[i] && (x.demonstrationValues.map { $0[i, 0] > x.policyValues.value[i, 0] } ?? true)) ? 1 : 0 })
            let distances = sqrt(square(x.policyActions - Tensor(x.demonstrationActions)).rowSums() + 1e-12)
            return -x.policyValues.mean() + (distances * Tensor(mask)).sum() / Float(rows) * x.weight
        }
    },
    mutant("8.3", "λ on the Q term", hint: ["λ", "weight"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, weightOnQ: true) }
    },
    mutant("8.3", "≥ in the Q-filter", hint: ["filter", "higher", "strictly"]) {
        $0.actorLoss = { b, x in _ = try DemonstrationsMutant.reference(b, x); return actorLoss(x, filter: { $0 >= $1 }) }
    },
    // 8.4 shouldRemoveDemonstrations
    mutant("8.4", "> instead of ≥ on the rate", hint: ["≥", "threshold and the minimum themselves"]) {
        $0.removal = { b, rate, n, t, minimum in
            let answer = try b.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: n, successThreshold: t, minimumEpisodes: minimum)
            return answer && rate != t
        }
    },
    mutant("8.4", "> instead of ≥ on the episodes", hint: ["at least", "minimumEpisodes"]) {
        $0.removal = { b, rate, n, t, minimum in
            let answer = try b.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: n, successThreshold: t, minimumEpisodes: minimum)
            return answer && n != minimum
        }
    },
    mutant("8.4", "or instead of and", hint: ["both conditions", "both"]) {
        $0.removal = { b, rate, n, t, minimum in
            _ = try b.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: n, successThreshold: t, minimumEpisodes: minimum)
            return n >= minimum || rate >= t
        }
    },
    mutant("8.4", "a NaN rate removes them", hint: ["NaN"]) {
        $0.removal = { b, rate, n, t, minimum in
            try b.shouldRemoveDemonstrations(recentSuccessRate: rate.isNaN ? 1 : rate, agentEpisodes: n, successThreshold: t, minimumEpisodes: minimum)
        }
    },
    mutant("8.4", "episode count ignored", hint: ["minimumEpisodes", "episodes"]) {
        $0.removal = { b, rate, n, t, minimum in
            try b.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: Swift.max(n, minimum), successThreshold: t, minimumEpisodes: minimum)
        }
    },
]
