import Algorithms
import Environments
import Foundation
import NeuralNetworks
import Numerics
import Testing

/// The kit's Hopper expert (Algorithms/Experts): the weights that ship with the library load, and
/// the loaded actor hops.
@Suite struct HopperExpertTests {
    /// The return of `actor` from three fixed start states of Hopper's reset distribution.
    static func returns(_ actor: DeterministicActor) throws -> [Double] {
        var rng = RandomSource(seed: 2026)
        return try (0..<3).map { _ in
            var env = Hopper()
            var observation = env.reset(rng: &rng)
            var total = 0.0
            while true {
                let step = try env.step(actor.action(for: observation))
                total += step.reward
                if step.isDone { return total }
                observation = step.observation
            }
        }
    }

    /// Every return above 2 000 (a uniform random policy scores about 18, the kit's 64-64 DDPG
    /// about 600 after 100 000 steps).
    @Test func theLoadedExpertHops() throws {
        let expert = try HopperExpert.load()
        let returns = try Self.returns(expert)
        #expect(returns.allSatisfy { $0 > HopperExpertTests.threshold }, "returns \(returns)")
    }

    static let threshold = 2_000.0

    @Test func aFileOfAnotherNetworkIsRefusedInOneLine() throws {
        var rng = RandomSource(seed: 0)
        let other = DeterministicActor(observationSize: 11, actionSize: 3, hiddenSizes: [8], maxAction: 1, rng: &rng)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hopper-expert-test-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try other.saveWeights(to: url)
        #expect {
            _ = try HopperExpert.load(from: url)
        } throws: { error in
            !"\(error)".contains("\n") && "\(error)".contains("actor.")
        }
    }
}
