import Algorithms
import Numerics
import Solutions
import Testing

/// The paper scale's configuration and the cost model that estimates its run time before it starts.
@Suite("The hopper at the paper's scale: configuration and cost estimate")
struct HopperCostTests {
    @Test("the paper's budget: 10⁶ steps, 400–300 DDPG, blue and the expert's buffer as large as orange's run")
    func paperConfiguration() {
        let paper = FixedBufferExperimentConfiguration.hopper(.paper)
        #expect(paper.schedule.environmentSteps == 1_000_000)
        #expect(paper.agent.actorHiddenSizes == [400, 300] && paper.agent.criticHiddenSizes == [400, 300])
        #expect(paper.offlineUpdates == paper.schedule.updates)
        #expect(paper.imitationTransitions == 1_000_000)
        #expect(FixedBufferExperimentConfiguration.hopper(quick: false) == .hopper(.standard))
        #expect(FixedBufferExperimentConfiguration.hopper(quick: true) == .hopper(.quick))
    }

    @Test("the estimate is measured from the pieces, positive and finite, and grows with the budget")
    func estimateGrows() throws {
        let formulas = Solutions.all.offPolicyLearning
        let standard = FixedBufferExperimentConfiguration.hopper(.standard)
        let cost = try HopperCost.measure(configuration: standard, bcq: .kit(), offPolicy: formulas,
                                          batchConstrained: Solutions.all.batchConstrained, seed: 1)
        for piece in [cost.environmentStep, cost.ddpgUpdate, cost.ddpgActing, cost.bcqUpdate ?? .nan, cost.bcqActing ?? .nan] {
            #expect(piece.isFinite && piece > 0, "every piece is timed: \(piece) s")
        }
        let all = cost.lessonFiveSeconds(standard, settings: BufferSetting.allCases)
        let imitation = cost.lessonFiveSeconds(standard, settings: [.imitation])
        let larger = cost.lessonFiveSeconds(.hopper(.paper), settings: BufferSetting.allCases)
        #expect(imitation > 0 && all > imitation && larger > 10 * all, "seconds: \(imitation), \(all), \(larger)")
        #expect(cost.bcqSeconds(updates: 2_000, evaluationInterval: 1_000, standard)
                > cost.bcqSeconds(updates: 1_000, evaluationInterval: 1_000, standard))
        let text = HopperCost.estimate(perSeed: 7_200, seeds: 5, cores: 2)
        #expect(text.contains("2.0 h of processor time per seed") && text.contains("5.0 h for 5 seeds on 2 cores"), "\(text)")
    }
}
