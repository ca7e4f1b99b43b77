import Algorithms
import Datasets
import Environments
import NeuralNetworks
import Numerics
import Solutions
import Testing

/// DDPG and TD3 (Algorithms/DDPG), run on the reference formulas.
@Suite struct DDPGTests {
    let formulas = Solutions.all.offPolicyLearning

    func agent(_ configuration: DDPGConfiguration, observationSize: Int = 3, seed: UInt64 = 0) throws -> DDPG {
        var rng = RandomSource(seed: seed)
        return try DDPG(observationSize: observationSize, actionSize: 1, maxAction: 2, configuration: configuration,
                        formulas: formulas, rng: &rng)
    }

    func randomBatch(_ n: Int, rewards: Float = 0, terminal: Bool = false, rng: inout RandomSource) throws -> OffPolicyBatch {
        try OffPolicyBatch(states: .randomNormal(n, 3, rng: &rng), actions: .randomUniform(n, 1, low: -2, high: 2, rng: &rng),
                           rewards: Matrix(rows: n, cols: 1, repeating: rewards), nextStates: .randomNormal(n, 3, rng: &rng),
                           terminals: Matrix(rows: n, cols: 1, repeating: terminal ? 1 : 0), timeouts: .zeros(n, 1))
    }

    @Test func badConfigurationsThrowNamingTheValue() {
        for (configuration, word) in [(DDPGConfiguration(tau: 0), "tau"), (DDPGConfiguration(batchSize: 0), "batch"),
                                      (DDPGConfiguration(actorHiddenSizes: []), "actor"),
                                      (DDPGConfiguration(discount: 1.5), "discount")] {
            #expect {
                _ = try agent(configuration)
            } throws: { error in
                "\(error)".contains(word)
            }
        }
    }

    @Test func actionsStayInsideTheBounds() throws {
        let ddpg = try agent(DDPGConfiguration(actorHiddenSizes: [8], criticHiddenSizes: [8]))
        var rng = RandomSource(seed: 1)
        let states = Matrix.randomNormal(50, 3, std: 10, rng: &rng)
        #expect(ddpg.actions(for: states).scalars.allSatisfy { abs($0) <= 2 })
        for _ in 0..<50 {
            let a = try ddpg.explore([0.3, -0.2, 5], noise: 2, rng: &rng)
            #expect(abs(a[0]) <= 2)
        }
    }

    @Test func criticLearnsTheRewardOfTerminalTransitions() throws {
        // Every transition ends the task with reward −3: Q(s, a) = −3 everywhere in the data.
        let ddpg = try agent(DDPGConfiguration(actorHiddenSizes: [16], criticHiddenSizes: [32], criticLearningRate: 1e-2,
                                               batchSize: 64))
        var rng = RandomSource(seed: 2)
        let batch = try randomBatch(64, rewards: -3, terminal: true, rng: &rng)
        var last = DDPGUpdateStatistics(criticLoss: .infinity, actorLoss: nil, meanTarget: 0)
        for _ in 0..<400 { last = try ddpg.update(batch, rng: &rng) }
        #expect(last.meanTarget == -3)
        let q = ddpg.qValues(states: batch.states, actions: batch.actions).scalars
        #expect(q.allSatisfy { abs($0 + 3) < 0.1 }, "Q after 400 updates: \(q.prefix(5))")
    }

    @Test func td3HasTwinCriticsAndDelaysTheActor() throws {
        let td3 = try agent(.td3(actorHiddenSizes: [8], criticHiddenSizes: [8]))
        #expect(td3.critics.count == 2 && td3.targetCritics.count == 2)
        var rng = RandomSource(seed: 3)
        let batch = try randomBatch(10, rewards: 1, rng: &rng)
        let before = td3.actor.parameters[0].value
        let first = try td3.update(batch, rng: &rng)
        #expect(first.actorLoss == nil)
        #expect(td3.actor.parameters[0].value == before, "the actor moved on the first (delayed) update")
        let second = try td3.update(batch, rng: &rng)
        #expect(second.actorLoss != nil)
        #expect(td3.actor.parameters[0].value != before)
    }

    @Test func td3TargetUsesTheSmallerTargetCritic() throws {
        var configuration = DDPGConfiguration.td3(actorHiddenSizes: [8], criticHiddenSizes: [8])
        configuration.td3?.policyNoise = 0
        let td3 = try agent(configuration)
        var rng = RandomSource(seed: 4)
        let batch = try randomBatch(20, rewards: 0.5, rng: &rng)
        let targets = try td3.criticTargets(batch, rng: &rng)
        let nextActions = td3.targetActor(batch.nextStates).value
        let q1 = td3.targetCritics[0].values(states: batch.nextStates, actions: nextActions)
        let q2 = td3.targetCritics[1].values(states: batch.nextStates, actions: nextActions)
        for i in 0..<20 {
            #expect(abs(targets[i, 0] - (0.5 + 0.99 * min(q1[i, 0], q2[i, 0]))) < 1e-5)
        }
    }

    @Test func secondLayerCriticHasTheRightShapes() throws {
        var configuration = DDPGConfiguration.fixedBufferPaper(actorHiddenSizes: [8, 6], criticHiddenSizes: [8, 6])
        configuration.batchSize = 5
        let ddpg = try agent(configuration)
        #expect(ddpg.critics[0].actionInput == .secondLayer)
        #expect(ddpg.critics[0].parameters.map(\.value.shapeDescription) == ["3×8", "1×8", "9×6", "1×6", "6×1", "1×1"])
        var rng = RandomSource(seed: 5)
        let stats = try ddpg.update(try randomBatch(5, rewards: 1, rng: &rng), rng: &rng)
        #expect(stats.criticLoss.isFinite && stats.actorLoss != nil)
    }

    @Test func mismatchedBatchesThrow() throws {
        #expect(throws: DDPGError.self) {
            _ = try OffPolicyBatch(states: .zeros(4, 3), actions: .zeros(3, 1), rewards: .zeros(4, 1),
                                   nextStates: .zeros(4, 3), terminals: .zeros(4, 1), timeouts: .zeros(4, 1))
        }
        let ddpg = try agent(DDPGConfiguration(actorHiddenSizes: [4], criticHiddenSizes: [4]))
        var rng = RandomSource(seed: 6)
        let wrong = try OffPolicyBatch(states: .zeros(4, 2), actions: .zeros(4, 1), rewards: .zeros(4, 1),
                                       nextStates: .zeros(4, 2), terminals: .zeros(4, 1), timeouts: .zeros(4, 1))
        #expect(throws: DDPGError.self) { try ddpg.update(wrong, rng: &rng) }
    }

    @Test func replayBufferBatchesConvert() throws {
        var buffer = ReplayBuffer(capacity: 10, observationSize: 3, actionSize: 1)
        try buffer.add(observation: [1, 2, 3], action: [0.5], reward: -1, nextObservation: [4, 5, 6], terminated: false,
                       truncated: true)
        var rng = RandomSource(seed: 7)
        let batch = OffPolicyBatch(try buffer.sample(batchSize: 2, rng: &rng))
        #expect(batch.states.row(1) == [1, 2, 3] && batch.nextStates.row(0) == [4, 5, 6])
        #expect(batch.timeouts.scalars == [1, 1] && batch.terminals.scalars == [0, 0] && batch.rewards.scalars == [-1, -1])
    }
}
