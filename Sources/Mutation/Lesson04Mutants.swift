import ExerciseAPI
import Foundation
import Numerics

/// Lesson 4's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct GAILMutant: GAILExercises {
    typealias Base = any GAILExercises
    /// The arguments of exercise 4.5, in order.
    struct GAEInput: Sendable {
        var rewards: [Float], values: [Float], nextValues: [Float], terminated: [Bool], episodeEnds: [Bool]
        var discount: Float, lambda: Float
    }
    let base: Base
    var discriminator: (@Sendable (Base, Tensor, Tensor) throws -> Tensor)?
    var reward: (@Sendable (Base, [Float], GAILRewardForm) throws -> [Float])?
    var reinforce: (@Sendable (Base, Tensor, [Float], [Float]) throws -> Tensor)?
    var ppo: (@Sendable (Base, Tensor, [Float], [Float], Float) throws -> Tensor)?
    var gae: (@Sendable (Base, GAEInput) throws -> [Float])?

    init(base: Base) { self.base = base }

    func discriminatorLoss(expertLogits: Tensor, policyLogits: Tensor) throws -> Tensor {
        if let discriminator { return try discriminator(base, expertLogits, policyLogits) }
        return try base.discriminatorLoss(expertLogits: expertLogits, policyLogits: policyLogits)
    }

    func gailReward(logits: [Float], form: GAILRewardForm) throws -> [Float] {
        if let reward { return try reward(base, logits, form) }
        return try base.gailReward(logits: logits, form: form)
    }

    func reinforceLoss(logProbabilities: Tensor, returns: [Float], baselines: [Float]) throws -> Tensor {
        if let reinforce { return try reinforce(base, logProbabilities, returns, baselines) }
        return try base.reinforceLoss(logProbabilities: logProbabilities, returns: returns, baselines: baselines)
    }

    func ppoClippedLoss(logProbabilities: Tensor, oldLogProbabilities: [Float], advantages: [Float],
                        clipRange: Float) throws -> Tensor {
        if let ppo { return try ppo(base, logProbabilities, oldLogProbabilities, advantages, clipRange) }
        return try base.ppoClippedLoss(logProbabilities: logProbabilities, oldLogProbabilities: oldLogProbabilities,
                                       advantages: advantages, clipRange: clipRange)
    }

    func generalizedAdvantageEstimates(rewards: [Float], values: [Float], nextValues: [Float],
                                       terminated: [Bool], episodeEnds: [Bool],
                                       discount: Float, lambda: Float) throws -> [Float] {
        let input = GAEInput(rewards: rewards, values: values, nextValues: nextValues, terminated: terminated,
                             episodeEnds: episodeEnds, discount: discount, lambda: lambda)
        if let gae { return try gae(base, input) }
        return try Self.reference(base, input)
    }

    /// The reference's estimates of `input`.
    static func reference(_ base: Base, _ x: GAEInput) throws -> [Float] {
        try base.generalizedAdvantageEstimates(rewards: x.rewards, values: x.values, nextValues: x.nextValues,
                                               terminated: x.terminated, episodeEnds: x.episodeEnds,
                                               discount: x.discount, lambda: x.lambda)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String],
                    _ edit: @escaping @Sendable (inout GAILMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint) { set in
        var mutated = GAILMutant(base: set.adversarialImitation)
        edit(&mutated)
        set.adversarialImitation = mutated
    }
}

private func column(_ xs: [Float]) -> Tensor { Tensor(Matrix(columnVector: xs)) }

/// PPO's loss with the usual slips switchable: `combine` joins the unclipped and clipped terms.
private func ppoLoss(_ logp: Tensor, _ old: [Float], _ advantages: [Float], _ epsilon: Float,
                     ratio makeRatio: (Tensor, Tensor) -> Tensor = { exp($0 - $1) },
                     combine: (Tensor, Tensor) -> Tensor = { minimum($0, $1) }) -> Tensor {
    let ratio = makeRatio(logp, column(old))
    let a = column(advantages)
    return -combine(ratio * a, clamp(ratio, min: 1 - epsilon, max: 1 + epsilon) * a).mean()
}

/// GAE computed backwards with switches for the usual slips.
private func gae(_ x: GAILMutant.GAEInput, useLambda: Bool = true, terminalStopsBootstrap: Bool = true,
                 endsStopCarry: Bool = true, endsStopBootstrap: Bool = false, nextFromValues: Bool = false) -> [Float] {
    var advantages = [Float](repeating: 0, count: x.rewards.count)
    var next: Float = 0
    for t in x.rewards.indices.reversed() {
        var following = nextFromValues ? (t + 1 < x.values.count ? x.values[t + 1] : x.nextValues[t]) : x.nextValues[t]
        if (terminalStopsBootstrap && x.terminated[t]) || (endsStopBootstrap && x.episodeEnds[t]) { following = 0 }
        let delta = x.rewards[t] + x.discount * following - x.values[t]
        let carried: Float = ((endsStopCarry && x.episodeEnds[t]) || x.terminated[t]) ? 0 : next
        advantages[t] = delta + x.discount * (useLambda ? x.lambda : 1) * carried
        next = advantages[t]
    }
    return advantages
}

/// Plausible mistakes in lesson 4 (generative adversarial imitation learning).
let lesson04Mutants: [Mutant] = [
    // 4.1 discriminatorLoss
    mutant("4.1", "labels swapped (expert as 0, policy as 1)", hint: ["label", "expert pairs"]) {
        $0.discriminator = { b, e, p in try b.discriminatorLoss(expertLogits: -e, policyLogits: -p) }
    },
    mutant("4.1", "one mean over both batches together", hint: ["each batch", "mean", "sizes"]) {
        $0.discriminator = { b, e, p in _ = try b.discriminatorLoss(expertLogits: e, policyLogits: p)
            return (softplus(-e).sum() + softplus(p).sum()) / Float(e.rows + p.rows) }
    },
    mutant("4.1", "maximises instead of minimising (sign)", hint: ["sign", "minimised"]) {
        $0.discriminator = { b, e, p in -(try b.discriminatorLoss(expertLogits: e, policyLogits: p)) }
    },
    mutant("4.1", "through D = σ(z) (not finite at ±100)", hint: ["softplus", "finite", "logits"]) {
        $0.discriminator = { b, e, p in _ = try b.discriminatorLoss(expertLogits: e, policyLogits: p)
            return -log(sigmoid(e)).mean() - log(1 - sigmoid(p)).mean() }
    },
    // 4.2 gailReward
    mutant("4.2", "the two forms swapped", hint: ["form", "log D", "−log(1 − D)"]) {
        $0.reward = { b, l, form in try b.gailReward(logits: l, form: form == .logD ? .negativeLogOneMinusD : .logD) }
    },
    mutant("4.2", "−log D instead of log D", hint: ["sign", "≤ 0", "negative"]) {
        $0.reward = { b, l, form in try b.gailReward(logits: l, form: form).map { form == .logD ? -$0 : $0 } }
    },
    mutant("4.2", "log(1 − D) instead of −log(1 − D)", hint: ["sign", "≥ 0", "positive"]) {
        $0.reward = { b, l, form in try b.gailReward(logits: l, form: form).map { form == .negativeLogOneMinusD ? -$0 : $0 } }
    },
    mutant("4.2", "through D = σ(z) (not finite at ±100)", hint: ["finite", "softplus"]) {
        $0.reward = { b, l, form in _ = try b.gailReward(logits: l, form: form)
            return l.map { z in
                let d = 1 / (1 + Foundation.exp(-z))
                return form == .logD ? Foundation.log(d) : -Foundation.log(1 - d)
            }
        }
    },
    mutant("4.2", "log D computed as log(1 − D)", hint: ["log D = log σ(z)", "−softplus(−z)"]) {
        $0.reward = { b, l, form in form == .logD ? try b.gailReward(logits: l, form: .negativeLogOneMinusD).map { -$0 } : try b.gailReward(logits: l, form: form) }
    },
    // 4.3 reinforceLoss
    mutant("4.3", "baseline added instead of subtracted", hint: ["baseline", "G − b"]) {
        $0.reinforce = { b, l, g, base in try b.reinforceLoss(logProbabilities: l, returns: g, baselines: base.map { -$0 }) }
    },
    mutant("4.3", "baseline ignored", hint: ["baseline", "G − b"]) {
        $0.reinforce = { b, l, g, base in try b.reinforceLoss(logProbabilities: l, returns: g, baselines: base.map { _ in 0 }) }
    },
    mutant("4.3", "maximised instead of minimised (sign)", hint: ["sign", "minimis"]) {
        $0.reinforce = { b, l, g, base in -(try b.reinforceLoss(logProbabilities: l, returns: g, baselines: base)) }
    },
    mutant("4.3", "sum over the samples instead of the mean", hint: ["mean", "1/N"]) {
        $0.reinforce = { b, l, g, base in try b.reinforceLoss(logProbabilities: l, returns: g, baselines: base) * Float(l.rows) }
    },
    mutant("4.3", "log-probabilities detached", hint: ["gradient", "Tensor operations"]) {
        $0.reinforce = { b, l, g, base in Tensor(try b.reinforceLoss(logProbabilities: l, returns: g, baselines: base).value) }
    },
    // 4.4 ppoClippedLoss
    mutant("4.4", "max instead of min", hint: ["min", "pessimistic"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            return ppoLoss(l, o, a, e, combine: { maximum($0, $1) }) }
    },
    mutant("4.4", "clipped term only (no min)", hint: ["min", "unclipped"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            return ppoLoss(l, o, a, e, combine: { $1 }) }
    },
    mutant("4.4", "ratio as a difference of log-probabilities (no exp)", hint: ["ratio", "exp"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            return ppoLoss(l, o, a, e, ratio: { $0 - $1 }) }
    },
    mutant("4.4", "ratio inverted (π_old / π_θ)", hint: ["ratio", "π_old"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            return ppoLoss(l, o, a, e, ratio: { exp($1 - $0) }) }
    },
    mutant("4.4", "maximised instead of minimised (sign)", hint: ["sign", "minimis"]) {
        $0.ppo = { b, l, o, a, e in -(try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)) }
    },
    mutant("4.4", "unclipped surrogate (clip ignored)", hint: ["clip"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            return ppoLoss(l, o, a, e, combine: { u, _ in u }) }
    },
    mutant("4.4", "old log-probabilities ignored (ρ = π_θ)", hint: ["oldLogProbabilities", "π_old"]) {
        $0.ppo = { b, l, o, a, e in try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o.map { _ in 0 }, advantages: a, clipRange: e) }
    },
    mutant("4.4", "log-ratio clipped into [−ε, ε]", hint: ["log-ratio", "1 − ε"]) {
        $0.ppo = { b, l, o, a, e in _ = try b.ppoClippedLoss(logProbabilities: l, oldLogProbabilities: o, advantages: a, clipRange: e)
            let logRatio = l - column(o)
            let adv = column(a)
            return -minimum(exp(logRatio) * adv, exp(clamp(logRatio, min: -e, max: e)) * adv).mean() }
    },
    // 4.5 generalizedAdvantageEstimates
    mutant("4.5", "λ ignored", hint: ["λ", "lambda"]) {
        $0.gae = { b, x in _ = try GAILMutant.reference(b, x); return gae(x, useLambda: false) }
    },
    mutant("4.5", "terminated does not stop the bootstrap", hint: ["terminated", "terminal"]) {
        $0.gae = { b, x in _ = try GAILMutant.reference(b, x); return gae(x, terminalStopsBootstrap: false) }
    },
    mutant("4.5", "carries advantages across episode ends", hint: ["episodeEnds", "episode"]) {
        $0.gae = { b, x in _ = try GAILMutant.reference(b, x); return gae(x, endsStopCarry: false) }
    },
    mutant("4.5", "a time limit treated as terminal (no bootstrap)", hint: ["time limit", "cut off", "cut-off", "timeout"]) {
        $0.gae = { b, x in _ = try GAILMutant.reference(b, x); return gae(x, endsStopBootstrap: true) }
    },
    mutant("4.5", "δ_t without − V(s_t)", hint: ["δ_t", "V(s_t)"]) {
        $0.gae = { b, x in
            var shifted = x
            shifted.values = x.values.map { _ in 0 }
            _ = try GAILMutant.reference(b, x)
            return try GAILMutant.reference(b, shifted)
        }
    },
    mutant("4.5", "V(s_{t+1}) read from values[t + 1]", hint: ["nextValues"]) {
        $0.gae = { b, x in _ = try GAILMutant.reference(b, x); return gae(x, nextFromValues: true) }
    },
]
