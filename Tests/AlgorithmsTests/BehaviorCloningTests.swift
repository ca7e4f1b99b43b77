import Algorithms
import Foundation
import ExerciseAPI
import Numerics
import Solutions
import Testing

/// The behavior-cloning trainer, on data whose answer is known.
@Suite struct BehaviorCloningTests {
    /// A smooth two-input, one-output target and 200 noise-free samples of it.
    static func sineDataset(seed: UInt64) throws -> ImitationDataset {
        var rng = RandomSource(seed: seed)
        var observations: [[Float]] = []
        var actions: [[Float]] = []
        for _ in 0..<200 {
            let x = rng.uniform(Float(-2), 2), y = rng.uniform(Float(-3), 3)
            observations.append([x, 5 + 4 * y])              // an offset, badly scaled coordinate
            actions.append([Float(Foundation.sin(Double(x))) * 1.5 + 0.3 * y])
        }
        return try ImitationDataset(observations: observations, actions: actions)
    }

    @Test func trainingLossFallsToNearZero() throws {
        let dataset = try Self.sineDataset(seed: 3)
        let bc = BehaviorCloning(configuration: .init(gradientSteps: 1_500), formulas: Solutions.all.behaviorCloning)
        var rng = RandomSource(seed: 11)
        let result = try bc.train(on: dataset, rng: &rng)
        #expect(result.lossCurve.count == 1_500)
        let first = result.lossCurve.prefix(20).reduce(0, +) / 20
        let fullLoss = try bc.loss(of: result.policy, on: dataset)
        #expect(fullLoss < 0.01 * first, "full-dataset loss \(fullLoss) vs initial minibatch loss \(first)")
        #expect(fullLoss < 0.01, "full-dataset loss \(fullLoss)")
    }

    @Test func sameSeedSameLossCurve() throws {
        let dataset = try Self.sineDataset(seed: 4)
        let bc = BehaviorCloning(configuration: .init(gradientSteps: 50), formulas: Solutions.all.behaviorCloning)
        var a = RandomSource(seed: 5), b = RandomSource(seed: 5)
        let first = try bc.train(on: dataset, rng: &a).lossCurve
        let second = try bc.train(on: dataset, rng: &b).lossCurve
        #expect(first == second)
    }

    @Test func actionsAreClippedIntoTheBounds() throws {
        let dataset = try ImitationDataset(observations: [[0], [1], [2], [3]], actions: [[0], [10], [20], [30]])
        let bc = BehaviorCloning(configuration: .init(gradientSteps: 300, normalizesObservations: false),
                                 formulas: Solutions.all.behaviorCloning)
        var rng = RandomSource(seed: 1)
        let policy = try bc.train(on: dataset, actionLow: [-1], actionHigh: [2], rng: &rng).policy
        for x: Float in [-5, 0, 1.5, 3, 50] {
            let a = policy.action(for: [x])[0]
            #expect(a >= -1 && a <= 2, "action \(a) at \(x) escapes [-1, 2]")
        }
        #expect(policy.action(for: [3])[0] == 2)
    }

    @Test func continueTrainingLowersTheLoss() throws {
        let dataset = try Self.sineDataset(seed: 6)
        let bc = BehaviorCloning(configuration: .init(gradientSteps: 100), formulas: Solutions.all.behaviorCloning)
        var rng = RandomSource(seed: 2)
        let policy = try bc.train(on: dataset, rng: &rng).policy
        let before = try bc.loss(of: policy, on: dataset)
        _ = try bc.continueTraining(policy, on: dataset, steps: 500, rng: &rng)
        let after = try bc.loss(of: policy, on: dataset)
        #expect(after < 0.5 * before, "loss \(before) → \(after)")
    }

    @Test func badInputIsAClearError() throws {
        let bc = BehaviorCloning(formulas: Solutions.all.behaviorCloning)
        var rng = RandomSource(seed: 0)
        #expect(throws: BehaviorCloningInputError.self) {
            try bc.train(on: ImitationDataset(observationSize: 3, actionSize: 1), rng: &rng)
        }
        let bad = BehaviorCloning(configuration: .init(batchSize: 0), formulas: Solutions.all.behaviorCloning)
        #expect(throws: BehaviorCloningInputError.self) {
            try bad.train(on: ImitationDataset(observations: [[0]], actions: [[1]]), rng: &rng)
        }
        #expect(throws: BehaviorCloningInputError.self) {
            try ImitationDataset(observations: [[0], [1]], actions: [[1]])
        }
    }
}
