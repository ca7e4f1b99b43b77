import Foundation
import NeuralNetworks
import Numerics

/// The kit's Hopper expert: a deterministic actor π(s) = tanh(f(s)) trained by TD3 (Fujimoto, van
/// Hoof & Meger 2018) on the kit's Hopper-v4 with `hopper-study --train-expert` (the command, its
/// budget and its returns are in notes/hopper-study.md), whose noiseless transitions fill
/// Fujimoto, Meger & Precup's (2019) Imitation buffer.
///
/// The weights ship with the library as a ``WeightsFile`` (`Experts/hopper-expert.json`).
///
/// ```swift
/// let expert = try HopperExpert.load()
/// let action = expert.action(for: Hopper().observation)
/// ```
public enum HopperExpert {
    /// The actor's hidden widths (the file's shapes must match them).
    public static let hiddenSizes = [64, 64]
    /// Hopper's observation and action sizes, and the largest action.
    public static let observationSize = 11, actionSize = 3, maxAction: Float = 1

    /// The weights file that ships with the kit.
    public static var bundledURL: URL? {
        Bundle.module.url(forResource: "hopper-expert", withExtension: "json")
    }

    /// The expert's actor, from `url` (`nil`: the kit's own file).
    ///
    /// - Throws: ``WeightsFileError`` when the file is missing or holds another network.
    public static func load(from url: URL? = nil) throws -> DeterministicActor {
        guard let url = url ?? bundledURL else {
            throw WeightsFileError.unreadable(path: "hopper-expert.json", reason: "not found in the Algorithms bundle")
        }
        var rng = RandomSource(seed: 0)
        let actor = DeterministicActor(observationSize: observationSize, actionSize: actionSize, hiddenSizes: hiddenSizes,
                                       maxAction: maxAction, rng: &rng)
        try actor.loadWeights(from: url)
        return actor
    }
}
