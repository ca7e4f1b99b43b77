import Algorithms
import Datasets
import Environments
import Foundation
import Numerics
import Solutions
import Testing

/// The fixed-buffer experiment's pieces (Algorithms/OfflineExperiments), on tiny budgets.
@Suite struct OfflineExperimentTests {
    let formulas = Solutions.all.offPolicyLearning

    /// A tiny configuration: 300 steps, small networks, short evaluations.
    var tiny: FixedBufferExperimentConfiguration {
        FixedBufferExperimentConfiguration(
            agent: DDPGConfiguration(actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 16),
            schedule: InteractionSchedule(environmentSteps: 300, randomSteps: 100, evaluationInterval: 100),
            imitationTransitions: 250, evaluationEpisodes: 2, valueHorizon: 200)
    }

    @Test func buffersDependOnlyOnSeedAndConfiguration() throws {
        let full = try runFixedBufferExperiment(seed: 3, configuration: tiny, environment: Pendulum(), formulas: formulas)
        let buffersOnly = try buildFixedBuffers(seed: 3, configuration: tiny, environment: Pendulum(), formulas: formulas)
        #expect(full.map(\.setting) == [.final, .concurrent, .imitation])
        for (a, b) in zip(full, buffersOnly) {
            #expect(a.buffer == b.buffer, "the \(a.setting.title) buffer changes when blue is trained")
            #expect(a.blue != nil && b.blue == nil)
        }
        #expect(full.map(\.buffer.count) == [300, 300, 250])
        // Pendulum never terminates; its episodes time out every 200 steps.
        let final = full[0].buffer
        #expect(!final.terminals.contains(true))
        #expect(final.timeouts.indices.filter { final.timeouts[$0] } == [199])
        // Blue and orange are evaluated at the same update counts.
        #expect(full[0].blue?.updates == [0, 100, 200])
        #expect(full[1].orange.updates == full[1].blue?.updates)
        #expect(full[2].orange.updates == full[2].blue?.updates)
    }

    @Test func sameSeedSameNumbers() throws {
        let a = try runFixedBufferExperiment(seed: 8, configuration: tiny, environment: Pendulum(), formulas: formulas)
        let b = try runFixedBufferExperiment(seed: 8, configuration: tiny, environment: Pendulum(), formulas: formulas)
        for (x, y) in zip(a, b) {
            #expect(x.orange == y.orange && x.blue == y.blue)
        }
    }

    @Test("the seeds' parts run as parallel jobs give each seed's whole run, number for number")
    func partsInParallelEqualTheWholeRun() throws {
        let whole = try [5, 6].map { try runFixedBufferExperiment(seed: $0, configuration: tiny, environment: Pendulum(),
                                                                  formulas: formulas) }
        let parallel = try runFixedBufferExperiments(seeds: [5, 6], configuration: tiny, environment: Pendulum(),
                                                     formulas: formulas)
        #expect(parallel.count == 2)
        for (a, b) in zip(whole, parallel) {
            #expect(a.map(\.setting) == b.map(\.setting))
            for (x, y) in zip(a, b) {
                #expect(x.buffer == y.buffer && x.orange == y.orange && x.blue == y.blue, "\(x.setting.title) differs")
            }
        }
        let parts = FixedBufferPart.parts(for: BufferSetting.allCases, tiny)
        #expect(parts == [.final, .concurrentAndImitation])
        #expect(parts.flatMap(\.settings) == BufferSetting.allCases, "the parts cover the three settings in order")
        let units = parts.map { $0.workUnits(tiny) }.reduce(0, +)
        #expect(units == tiny.workUnits(), "the parts' work units add up to the whole experiment's")
    }

    /// The hopper's Imitation buffer comes from the kit's trained expert, so Imitation runs without
    /// Concurrent, and a subset of the settings comes back in the order of `BufferSetting.allCases`.
    @Test("with an expert of its own, Imitation runs alone; settings come back in order")
    func imitationFromTheHopperExpert() throws {
        var hopper = FixedBufferExperimentConfiguration(
            agent: DDPGConfiguration(actorHiddenSizes: [8], criticHiddenSizes: [8], batchSize: 16),
            schedule: InteractionSchedule(environmentSteps: 150, randomSteps: 100, evaluationInterval: 25),
            offlineUpdates: 50, imitationTransitions: 200, evaluationEpisodes: 1, valueHorizon: 1_000,
            imitationExpert: .hopperExpert)
        #expect(FixedBufferPart.parts(for: [.imitation, .concurrent], hopper) == [.concurrent, .imitation])
        #expect(FixedBufferPart.parts(for: [.imitation], tiny) == [.concurrentAndImitation],
                "Concurrent's orange is the expert, so Imitation needs Concurrent's part")
        let runs = try runFixedBufferExperiments(seeds: [3], configuration: hopper, environment: Hopper(), formulas: formulas,
                                                 settings: [.imitation, .concurrent])
        #expect(runs.count == 1 && runs[0].map(\.setting) == [.concurrent, .imitation])
        let alone = try runFixedBufferPart(.imitation, seed: 3, configuration: hopper, environment: Hopper(), formulas: formulas)
        let imitation = try #require(runs[0].last)
        #expect(alone.count == 1 && alone[0].buffer == imitation.buffer && alone[0].blue == imitation.blue,
                "Imitation alone equals Imitation beside Concurrent: the streams are split per setting")
        #expect(imitation.buffer.count == 200)
        #expect(imitation.orange.estimatedValues.isEmpty, "the expert has no critic")
        #expect(try #require(imitation.orange.returns.first) > 1_000, "the shipped expert hops (about 2 400)")
        hopper.imitationExpert = .concurrentOrange
        #expect(throws: OfflineExperimentError.self, "Imitation alone needs an expert of its own") {
            _ = try runFixedBufferPart(.imitation, seed: 3, configuration: hopper, environment: Hopper(), formulas: formulas)
        }
    }

    @Test func evaluatorMeasuresTheTrueValuePastTheTimeLimit() throws {
        var rng = RandomSource(seed: 0)
        var evaluator = try PolicyEvaluator(environment: Pendulum(), episodes: 1, discount: 0.99, valueHorizon: 600,
                                            formulas: formulas, rng: &rng)
        evaluator.startStates = [Pendulum.State(angle: .pi, angularVelocity: 0), Pendulum.State(angle: 0, angularVelocity: 0)]
        let evaluation = try evaluator.evaluate(policy: { Matrix.zeros($0.rows, 1) },
                                                valueEstimate: { Matrix(rows: $0.rows, cols: 1, repeating: -7) })
        // Hanging at rest costs π² per step for ever; upright at rest costs nothing (and stays).
        let piSquared: Double = Double.pi * Double.pi
        let tail: Double = 1 - pow(0.99, 600)
        let hanging: Double = -piSquared * tail / 0.01
        #expect(abs(evaluation.trueValue - hanging / 2) < 1e-3)
        #expect(abs(evaluation.averageReturn + 100 * piSquared) < 1e-3)
        #expect(evaluation.estimatedValue == -7)
    }

    @Test func badSchedulesAndEmptyBuffersThrow() throws {
        var rng = RandomSource(seed: 1)
        #expect(throws: OfflineExperimentError.self) {
            try InteractionSchedule(environmentSteps: 100, randomSteps: 100, evaluationInterval: 10).validate()
        }
        #expect(throws: OfflineExperimentError.self) {
            _ = try PolicyEvaluator(environment: Pendulum(), episodes: 2, discount: 0.99, valueHorizon: 50,
                                    formulas: formulas, rng: &rng)
        }
        let evaluator = try PolicyEvaluator(environment: Pendulum(), episodes: 1, discount: 0.99, valueHorizon: 200,
                                            formulas: formulas, rng: &rng)
        let agent = try DDPG(observationSize: 3, actionSize: 1, maxAction: 2,
                             configuration: DDPGConfiguration(actorHiddenSizes: [4], criticHiddenSizes: [4]),
                             formulas: formulas, rng: &rng)
        #expect(throws: OfflineExperimentError.self) {
            _ = try trainOnFixedBuffer(agent, buffer: TransitionDataset(observationSize: 3, actionSize: 1), updates: 10,
                                       evaluationInterval: 5, evaluator: evaluator, rng: &rng)
        }
    }

    @Test func expertBufferHoldsTheExpertsActions() throws {
        var rng = RandomSource(seed: 2)
        let buffer = try collectTransitions(policy: { _ in [1.5] }, environment: Pendulum(), transitions: 450,
                                            formulas: formulas, rng: &rng)
        #expect(buffer.count == 450)
        #expect(buffer.actions.allSatisfy { $0 == 1.5 })
        #expect(buffer.timeouts.indices.filter { buffer.timeouts[$0] } == [199, 399])
    }
}
