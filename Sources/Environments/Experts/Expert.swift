import Numerics

/// How far a scripted expert is from perfect: Gaussian action noise and a blend with a worse
/// controller.
///
/// The acting action is `clip((1 − s)·controller + s·worseController + N(0, noise²))`, with `s`
/// the suboptimality. What "worse controller" means is documented on each expert.
public struct ExpertKnobs: Sendable, Equatable, Codable {
    /// Standard deviation of the Gaussian noise added to every action coordinate, in action units.
    public var noise: Double
    /// Blend weight in [0, 1] of the expert's worse controller (0 = the expert as designed).
    public var suboptimality: Double

    /// Knobs with the given noise and suboptimality (a perfect expert by default).
    public init(noise: Double = 0, suboptimality: Double = 0) {
        self.noise = noise
        self.suboptimality = suboptimality
    }

    /// The expert as designed: no noise, no blend.
    public static let perfect = ExpertKnobs()
}

/// A scripted controller that acts on observations: the kit's demonstrator.
///
/// Experts are stateless values, so one expert can label any observation (DAgger) and be shared
/// across threads. `action(for:)` is the deterministic label; `action(for:rng:)` adds the noise.
public protocol Expert: Sendable {
    /// The environment's action space; actions are clipped into it.
    var actionSpace: Box { get }
    /// The noise and suboptimality.
    var knobs: ExpertKnobs { get }
    /// The designed controller's action, before any blend or noise.
    func controllerAction(for observation: [Float]) -> [Float]
    /// The worse controller that `knobs.suboptimality` blends in.
    func worseControllerAction(for observation: [Float]) -> [Float]
}

extension Expert {
    /// The noise-free action: the controller blended with the worse controller, clipped.
    public func action(for observation: [Float]) -> [Float] {
        let s = Float(knobs.suboptimality)
        var action = controllerAction(for: observation)
        if s > 0 {
            let worse = worseControllerAction(for: observation)
            for i in action.indices { action[i] = (1 - s) * action[i] + s * worse[i] }
        }
        return actionSpace.clip(action)
    }

    /// The acting action: `action(for:)` plus N(0, noise²) on every coordinate, clipped.
    public func action(for observation: [Float], rng: inout RandomSource) -> [Float] {
        var action = self.action(for: observation)
        if knobs.noise > 0 {
            for i in action.indices { action[i] += Float(rng.normal(mean: 0, std: knobs.noise)) }
        }
        return actionSpace.clip(action)
    }
}
