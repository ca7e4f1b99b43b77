import Algorithms
import Environments
import Foundation
import NeuralNetworks
import Numerics
import Solutions
import Testing

/// PPO from pixels with an asymmetric critic, on a tiny task: 16×16 renders in the figures' style,
/// rewarded (by the test, from the states) for bringing the pusher closer to the block — a reach
/// that the policy can only aim from the image. Measured (seed 21, reward averaged over the first and
/// the last 3 iterations): 12 iterations −0.018 → −0.011 (1.2 s), 60 → 0.055 (2.4 s), 100 → 0.054,
/// 150 → 0.055 (6.4 s): it improves, then plateaus; whether the plateau aims from the image or is a
/// constant drift is not checked yet. `PIXELS_PPO_ITERATIONS=N` runs longer.
@Suite("Pixels: PPO with a CNN policy and a critic on the state")
struct PixelPPOTests {
    /// r_t = 10 (‖pusher_t − block_t‖ − ‖pusher_{t+1} − block_{t+1}‖), from the rollout's states.
    static func approachRewards(_ batch: RolloutBatch) -> [Float] {
        func distance(_ m: Matrix, _ row: Int) -> Float {
            let dx = m[row, 0] - m[row, 2], dy = m[row, 1] - m[row, 3]
            return (dx * dx + dy * dy).squareRoot()
        }
        return (0..<batch.count).map { 10 * (distance(batch.observations, $0) - distance(batch.nextObservations, $0)) }
    }

    static func run(auxiliaryWeight: Float, iterations: Int, seed: UInt64) throws -> (first: Float, last: Float, auxiliary: Float) {
        var rng = RandomSource(seed: seed)
        var environments: [PixelPushingEnvironment] = []
        for _ in 0..<4 { environments.append(try PixelPushingEnvironment(size: 16, rng: &rng)) }
        var collector = try PixelCollector(environments: environments)
        let policy = ConvolutionalGaussianPolicy(
            imageShape: environments[0].imageShape, actionSize: 2,
            convolutions: [ConvolutionSpec(filters: 8, kernel: 3, stride: 2, padding: 1),
                           ConvolutionSpec(filters: 16, kernel: 3, stride: 2, padding: 1)],
            hiddenSizes: [32], rng: &rng)
        let critic = ValueFunction(observationSize: environments[0].state.count, rng: &rng)
        var configuration = PPOConfiguration()
        configuration.epochs = 4
        configuration.policyLearningRate = 1e-3
        let ppo = PixelPPO(policy: policy, valueFunction: critic, configuration: configuration,
                           auxiliaryWeight: auxiliaryWeight, formulas: Solutions.AdversarialImitation())
        var means: [Float] = [], auxiliary: Float = 0
        for _ in 0..<iterations {
            let rollout = try collector.collect(policy: policy, stepsPerEnvironment: 64, rng: &rng)
            let rewards = Self.approachRewards(rollout.states)
            means.append(rewards.reduce(0, +) / Float(rewards.count))
            _ = try ppo.update(rollout: rollout, rewards: rewards, rng: &rng)
            if auxiliaryWeight > 0 {
                auxiliary = auxiliaryPositionLoss(predicted: policy.predictedPositions(rollout.images),
                                                  target: Tensor(rollout.blockPositions)).scalar
            }
        }
        let k = 3
        return (means.prefix(k).reduce(0, +) / Float(k), means.suffix(k).reduce(0, +) / Float(k), auxiliary)
    }

    @Test("the mean approach reward rises over a few PPO iterations (with the auxiliary head on)")
    func progress() throws {
        let iterations = ProcessInfo.processInfo.environment["PIXELS_PPO_ITERATIONS"].flatMap(Int.init) ?? 60
        let clock = ContinuousClock(), start = clock.now
        let result = try Self.run(auxiliaryWeight: 1, iterations: iterations, seed: 21)
        print(String(format: "PixelPPO, 16×16, 4 × 64 steps per iteration, %d iterations: mean reward %.3f → %.3f, "
                     + "auxiliary loss %.4f at the end (%@)", iterations, result.first, result.last, result.auxiliary,
                     "\(clock.now - start)"))
        #expect(result.last > result.first + 0.04, "mean reward \(result.first) → \(result.last)")
    }
}
