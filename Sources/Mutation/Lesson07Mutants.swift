import Datasets
import ExerciseAPI
import Foundation
import Numerics

/// Lesson 7's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
///
/// The two generic requirements are overridden through what they depend on: 7.3 through the
/// lengths of the demonstrations (the closure picks a demonstration and a step, or nil), 7.4
/// through each episode's `succeeded` flags. The reference still runs first on the real input,
/// so bad input is rejected as the reference rejects it.
struct RewardMixingMutant: RewardMixingExercises {
    typealias Base = any RewardMixingExercises
    let base: Base
    var mixed: (@Sendable (Base, Float, [Float], [Float]) throws -> [Float])?
    var masked: (@Sendable (Base, Matrix, Matrix, [Int], Bool) throws -> Matrix)?
    var resetState: (@Sendable (_ lengths: [Int], _ probability: Double, inout RandomSource) -> (demonstration: Int, step: Int)?)?
    var statistics: (@Sendable (_ succeeded: [[Bool]]) -> SuccessStatistics)?

    init(base: Base) { self.base = base }

    func mixedReward(imitationWeight: Float, imitation: [Float], task: [Float]) throws -> [Float] {
        if let mixed { return try mixed(base, imitationWeight, imitation, task) }
        return try base.mixedReward(imitationWeight: imitationWeight, imitation: imitation, task: task)
    }

    func maskedDiscriminatorInput(observations: Matrix, actions: Matrix, keptObservationIndices: [Int],
                                  includesActions: Bool) throws -> Matrix {
        if let masked { return try masked(base, observations, actions, keptObservationIndices, includesActions) }
        return try base.maskedDiscriminatorInput(observations: observations, actions: actions,
                                                 keptObservationIndices: keptObservationIndices, includesActions: includesActions)
    }

    func demonstrationResetState<State>(demonstrations: [[State]], probability: Double,
                                        rng: inout RandomSource) throws -> State? {
        guard let resetState else {
            return try base.demonstrationResetState(demonstrations: demonstrations, probability: probability, rng: &rng)
        }
        var copy = rng
        _ = try base.demonstrationResetState(demonstrations: demonstrations, probability: probability, rng: &copy)
        guard let (demonstration, step) = resetState(demonstrations.map(\.count), probability, &rng) else { return nil }
        return demonstrations[demonstration][step]
    }

    func successStatistics<State>(of episodes: [Trajectory<State>]) throws -> SuccessStatistics {
        let reference = try base.successStatistics(of: episodes)
        guard let statistics else { return reference }
        return statistics(episodes.map { $0.infos.map(\.succeeded) })
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout RewardMixingMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = RewardMixingMutant(base: set.rewardMixing)
        edit(&mutated)
        set.rewardMixing = mutated
    }
}

/// The demonstration and step of pooled index `index`.
private func locate(_ index: Int, _ lengths: [Int]) -> (demonstration: Int, step: Int)? {
    var rest = index
    for (d, length) in lengths.enumerated() {
        if rest < length { return (d, rest) }
        rest -= length
    }
    return nil
}

/// Success statistics from flags, with the steps of a successful episode and the averaging chosen by the caller.
private func statistics(_ flags: [[Bool]], steps: ([Bool]) -> Int?, overAll: Bool = false,
                        none: Double = .nan) -> SuccessStatistics {
    let found = flags.compactMap(steps)
    let denominator = overAll ? flags.count : found.count
    let mean = found.isEmpty ? none : Double(found.reduce(0, +)) / Double(denominator)
    return SuccessStatistics(episodes: flags.count, successes: found.count, meanStepsToSuccess: mean)
}

private let firstSuccess: @Sendable ([Bool]) -> Int? = { $0.firstIndex(of: true).map { $0 + 1 } }

/// Plausible mistakes in lesson 7 (mixing imitation and task rewards).
let lesson07Mutants: [Mutant] = [
    // 7.1 mixedReward
    mutant("7.1", "λ on the task reward", hint: ["λ", "imitation"]) {
        $0.mixed = { b, l, i, t in try b.mixedReward(imitationWeight: 1 - l, imitation: i, task: t) }
    },
    mutant("7.1", "ends not exact (the other reward leaks in)", hint: ["leak", "λ = 0", "λ = 1", "end"]) {
        $0.mixed = { b, l, i, t in _ = try b.mixedReward(imitationWeight: l, imitation: i, task: t)
            return zip(i, t).map { l * $0 + (1 - l) * $1 } }
    },
    mutant("7.1", "λ r_GAIL + r_task (not convex)", hint: ["1 − λ", "convex"]) {
        $0.mixed = { b, l, i, t in _ = try b.mixedReward(imitationWeight: l, imitation: i, task: t)
            return l == 0 ? t : zip(i, t).map { l * $0 + $1 } }
    },
    mutant("7.1", "imitation and task arrays swapped", hint: ["λ", "imitation"]) {
        $0.mixed = { b, l, i, t in try b.mixedReward(imitationWeight: l, imitation: t, task: i) }
    },
    // 7.2 maskedDiscriminatorInput
    mutant("7.2", "actions before the observations", hint: ["order", "followed by"]) {
        $0.masked = { b, o, a, kept, withActions in
            let view = try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept, includesActions: withActions)
            guard withActions else { return view }
            let k = kept.count
            let order = Array(k..<view.cols) + Array(0..<k)
            return Matrix(rows: view.rows, cols: view.cols, values: (0..<view.rows).flatMap { r in order.map { view[r, $0] } })
        }
    },
    mutant("7.2", "every observation column kept", hint: ["keptObservationIndices", "indices", "columns"]) {
        $0.masked = { b, o, a, kept, withActions in
            _ = try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept, includesActions: withActions)
            return try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: Array(0..<o.cols), includesActions: withActions)
        }
    },
    mutant("7.2", "indices sorted and deduplicated", hint: ["order", "repeat"]) {
        $0.masked = { b, o, a, kept, withActions in
            try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: Array(Set(kept)).sorted(), includesActions: withActions)
        }
    },
    mutant("7.2", "indices read 1-based (column index − 1)", hint: ["columns", "indices", "order"]) {
        $0.masked = { b, o, a, kept, withActions in
            _ = try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept, includesActions: withActions)
            return try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept.map { Swift.max($0 - 1, 0) },
                                                  includesActions: withActions)
        }
    },
    mutant("7.2", "actions always appended", hint: ["includesActions", "actions"]) {
        $0.masked = { b, o, a, kept, withActions in
            _ = try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept, includesActions: withActions)
            return try b.maskedDiscriminatorInput(observations: o, actions: a, keptObservationIndices: kept, includesActions: true)
        }
    },
    // 7.3 demonstrationResetState
    mutant("7.3", "a demonstration first, then a state in it (not pooled)", hint: ["pooled", "longer", "equally likely"]) {
        $0.resetState = { lengths, p, rng in
            guard rng.bernoulli(p) else { return nil }
            let nonEmpty = lengths.indices.filter { lengths[$0] > 0 }
            let d = nonEmpty[rng.index(below: nonEmpty.count)]
            return (d, rng.index(below: lengths[d]))
        }
    },
    mutant("7.3", "demonstration start with probability 1 − p", hint: ["probability"]) {
        $0.resetState = { lengths, p, rng in
            guard !rng.bernoulli(p) else { return nil }
            let total = lengths.reduce(0, +)
            return total == 0 ? nil : locate(rng.index(below: total), lengths)
        }
    },
    mutant("7.3", "only the first state of a demonstration", hint: ["every state", "pooled", "middle"]) {
        $0.resetState = { lengths, p, rng in
            guard rng.bernoulli(p) else { return nil }
            let total = lengths.reduce(0, +)
            guard let (d, _) = locate(rng.index(below: total), lengths) else { return nil }
            return (d, 0)
        }
    },
    mutant("7.3", "the last pooled state never drawn", hint: ["every state", "pooled", "uniform"]) {
        $0.resetState = { lengths, p, rng in
            guard rng.bernoulli(p) else { return nil }
            let total = lengths.reduce(0, +)
            return locate(rng.index(below: Swift.max(total - 1, 1)), lengths)
        }
    },
    // 7.4 successStatistics
    mutant("7.4", "steps counted from 0 (first success on step 1 gives 0)", hint: ["including", "first step is 1", "up to and including"]) {
        $0.statistics = { statistics($0, steps: { $0.firstIndex(of: true) }) }
    },
    mutant("7.4", "steps to the last success, not the first", hint: ["first"]) {
        $0.statistics = { statistics($0, steps: { $0.lastIndex(of: true).map { $0 + 1 } }) }
    },
    mutant("7.4", "mean over every episode, not the successful ones", hint: ["successful episodes only", "successful"]) {
        $0.statistics = { statistics($0, steps: firstSuccess, overAll: true) }
    },
    mutant("7.4", "success only when the last step succeeded", hint: ["some step"]) {
        $0.statistics = { statistics($0, steps: { $0.last == true ? $0.firstIndex(of: true).map { $0 + 1 } : nil }) }
    },
    mutant("7.4", "no success gives 0 steps instead of NaN", hint: ["NaN"]) {
        $0.statistics = { statistics($0, steps: firstSuccess, none: 0) }
    },
]
