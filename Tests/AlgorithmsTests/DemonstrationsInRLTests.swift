import Algorithms
import Datasets
import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics
import Solutions
import Testing

/// Lesson 8's algorithms (Algorithms/DemonstrationsInRL), run on the reference formulas.
@Suite struct DemonstrationsInRLTests {
    let formulas = DemonstrationFormulas(Solutions.all)

    /// A short successful trajectory with states: rewards 0 … 0 1, terminated.
    func trajectory(steps: Int, terminated: Bool = true) throws -> Trajectory<BlockPushing.State> {
        let states = (0...steps).map { BlockPushing.State(pusher: [Double($0) * 0.01, 0], block: [0.5, 0]) }
        return try Trajectory(observations: (0...steps).map { [Float($0)] }, actions: (0..<steps).map { [Float($0)] },
                              rewards: (0..<steps).map { terminated && $0 == steps - 1 ? 1 : 0 }, states: states,
                              terminated: terminated, truncated: !terminated)
    }

    @Test func multiStepReturnsSumDiscountedRewardsAndEndAtTheTerminal() throws {
        let transitions = try MultiStepReturns.transitions(of: trajectory(steps: 5), steps: 3, discount: 0.5)
        #expect(transitions.count == 5)
        #expect(transitions.map(\.reward) == [0, 0, 0.25, 0.5, 1])
        #expect(transitions.map(\.nextObservation) == [[3], [4], [5], [5], [5]])
        #expect(transitions.map(\.terminated) == [false, false, true, true, true])
        #expect(transitions.map(\.observation) == [[0], [1], [2], [3], [4]])
    }

    @Test func multiStepReturnsDropTheTailOfATruncatedEpisode() throws {
        let transitions = try MultiStepReturns.transitions(of: trajectory(steps: 5, terminated: false), steps: 3, discount: 0.5)
        // Only the transitions with a full window of 3 steps: t = 0, 1, 2 (the last one ends at the time limit).
        #expect(transitions.map(\.observation) == [[0], [1], [2]])
        #expect(transitions.allSatisfy { !$0.terminated })
        #expect(transitions.last?.truncated == true)
        let single = try MultiStepReturns.transitions(of: trajectory(steps: 4), steps: 1, discount: 0.9)
        #expect(single == (try trajectory(steps: 4)).transitions)
        #expect(throws: DemonstrationsRLError.self) { _ = try MultiStepReturns(steps: 0, discount: 0.9) }
    }

    @Test func pushingTaskStartsInItsSquaresAndConvertsObservations() throws {
        var task = try SparsePushingTask()
        var rng = RandomSource(seed: 3)
        for _ in 0..<50 {
            let observation = task.reset(rng: &rng)
            let s = task.state
            #expect(abs(s.block.x - task.blockCentre.x) <= task.layout.jitter + 1e-12)
            #expect(abs(s.pusher.y - task.pusherCentre.y) <= task.layout.jitter + 1e-12)
            let world = SparsePushingTask.worldObservation(fromAgent: observation)
            #expect(zip(world, task.world.observation).allSatisfy { abs($0 - $1) < 1e-6 })
            #expect(observation.count == task.observationSize)
        }
        let step = try task.step([1, 1])
        #expect(step.observation == task.observation)
        #expect(throws: DemonstrationsRLError.self) { _ = try SparsePushingTask(layout: .init(goalDistance: 1.8)) }
        #expect(throws: DemonstrationsRLError.self) { _ = try SparsePushingTask(layout: .init(maxEpisodeSteps: 0)) }
    }

    @Test func demonstrationsSucceedAndKeepTheirStates() throws {
        let task = try SparsePushingTask()
        let demonstrations = try DemonstrationCollection(task: task, expert: .demonstrator, count: 4, seed: 11)
        #expect(demonstrations.trajectories.count == 4)
        #expect(demonstrations.trajectories.allSatisfy { $0.succeeded && $0.states.count == $0.count + 1 })
        #expect(demonstrations.longest >= Int(demonstrations.meanLength))
        // The scripted optimum is far faster than the noisy, slow demonstrator.
        let optimal = try Rollout.run(task, episodes: 10, seed: 11, policy: SparsePushingTask.policy(of: .optimal))
        #expect(optimal.allSatisfy { $0.succeeded })
        #expect(EpisodeStatistics(optimal).meanLength * 2 < demonstrations.meanLength)
    }

    @Test func curriculumStartsAlongTheDemonstrationThenHandsOverToTheTask() throws {
        let demonstration = try trajectory(steps: 10)
        var curriculum = try BackwardCurriculum(settings: CurriculumSettings(threshold: 0.5, stepBack: 4, window: 2),
                                                demonstrations: [demonstration])
        var task = try SparsePushingTask()
        var rng = RandomSource(seed: 0)
        _ = curriculum.begin(&task, rng: &rng)
        #expect(task.state == demonstration.states[6])
        #expect(task.elapsedSteps == 0)
        for step in 1...6 { try curriculum.record(success: true, environmentStep: step, formulas: formulas.lesson) }
        #expect(curriculum.isComplete)
        #expect(curriculum.history.map(\.offset) == [4, 8, 10])
        let (_, horizon) = curriculum.begin(&task, rng: &rng)
        #expect(horizon == task.maxEpisodeSteps)
        #expect(abs(task.state.block.x - task.blockCentre.x) <= task.layout.jitter + 1e-12)
        #expect(throws: DemonstrationsRLError.self) {
            _ = try BackwardCurriculum(settings: CurriculumSettings(), demonstrations: [])
        }
    }

    @Test func replaySamplesTheDemonstrationShareAndForgetsThemOnRemoval() throws {
        var replay = try DemonstrationReplay(capacity: 50, observationSize: 1, actionSize: 1, demonstrationFraction: 0.25,
                                             returnSteps: 2, discount: 0.9)
        try replay.addDemonstrations([trajectory(steps: 6)])
        #expect(replay.demonstrationCount == 6)
        for step in 0..<10 {
            try replay.add(observation: [100], action: [-1], reward: 0, nextObservation: [100],
                           terminated: false, truncated: step == 9)
        }
        #expect(replay.agentCount == 9)
        var rng = RandomSource(seed: 4)
        let sample = try replay.sample(batchSize: 40, formulas: formulas.lesson, rng: &rng)
        #expect(sample.isDemonstration.filter { $0 }.count == 10)
        #expect(sample.states.rows == 40)
        replay.removeDemonstrations(atStep: 77)
        #expect(replay.demonstrationCount == 0 && replay.removedAtStep == 77)
        let after = try replay.sample(batchSize: 16, formulas: formulas.lesson, rng: &rng)
        #expect(!after.isDemonstration.contains(true))
    }

    @Test func actorLossFallsBackToDDPGsWithoutCloning() throws {
        var loss = DemonstrationActorLoss(base: formulas.offPolicy, lesson: formulas.lesson, weight: 0)
        let states = Tensor(Matrix([[1, 0], [0, 1]]))
        let actor: (Tensor) -> Tensor = { $0 * 0.5 }
        let critic: (Tensor, Tensor) -> Tensor = { s, a in (s * a).rowSums() }
        let plain = try formulas.offPolicy.deterministicPolicyGradientLoss(states: states, actor: actor, critic: critic)
        func batch(flags: [Bool]) throws -> OffPolicyBatch {
            try OffPolicyBatch(states: states.value, actions: Matrix([[0, 0], [0, 0]]), rewards: Matrix.zeros(2, 1),
                               nextStates: states.value, terminals: Matrix.zeros(2, 1), timeouts: Matrix.zeros(2, 1),
                               isDemonstration: flags)
        }
        let demonstrations = try batch(flags: [true, true])
        #expect(try loss.loss(on: demonstrations, states: states, actor: actor, critic: critic).scalar == plain.scalar)
        loss.weight = 2
        loss.usesQFilter = false
        #expect(try loss.loss(on: batch(flags: [false, false]), states: states, actor: actor, critic: critic).scalar
                == plain.scalar, "no demonstration row: DDPG's own loss")
        // −mean Q = −0.5; cloning: each row ‖(0.5, 0) − 0‖² = 0.25, mean 0.25, times 2 = 0.5.
        let cloned = try loss.loss(on: demonstrations, states: states, actor: actor, critic: critic)
        #expect(abs(cloned.scalar - 0) < 1e-6)
    }

    @Test func selectionTakesTheFirstDemonstrationsAndCutsThemBeforeTheGoal() throws {
        let demonstrations = try [trajectory(steps: 10), trajectory(steps: 4), trajectory(steps: 6)]
        #expect(try DemonstrationSelection.all.apply(to: demonstrations).map(\.count) == [10, 4, 6])
        #expect(try DemonstrationSelection(count: 2).apply(to: demonstrations).map(\.count) == [10, 4])
        #expect(try DemonstrationSelection(count: 5).apply(to: demonstrations).count == 3)
        // ⌈0.8 · 10⌉ = 8 and ⌈0.8 · 4⌉ = 4 (whole): a cut demonstration ends before its reward, as if timed out.
        let partial = try DemonstrationSelection(count: 2, keptFraction: 0.8).apply(to: demonstrations)
        #expect(partial.map(\.count) == [8, 4])
        #expect(partial[0].totalReward == 0 && !partial[0].terminated && partial[0].truncated)
        #expect(partial[0].observations == Array(demonstrations[0].observations[...8]))
        #expect(partial[0].states == Array(demonstrations[0].states[...8]))
        #expect(partial[1].totalReward == 1 && partial[1].terminated)
        #expect(throws: DemonstrationsRLError.self) { _ = try DemonstrationSelection(count: 0).apply(to: demonstrations) }
        #expect(throws: DemonstrationsRLError.self) { _ = try DemonstrationSelection(keptFraction: 0).apply(to: demonstrations) }
        // The trainer sees only the selection: the curriculum's end is the longest selected demonstration.
        let task = try SparsePushingTask()
        let collected = try DemonstrationCollection(task: task, expert: .demonstrator, count: 3, seed: 1)
        let use = DemonstrationUse(curriculum: CurriculumSettings(), selection: DemonstrationSelection(count: 1))
        let run = try trainWithDemonstrations(task: task, demonstrations: collected, use: use,
                                              schedule: TrainingSchedule(environmentSteps: 20, evaluationInterval: 20,
                                                                         evaluationEpisodes: 1),
                                              formulas: formulas, seed: 3)
        #expect(run.longestDemonstration == collected.trajectories[0].count)
    }

    @Test func pretrainingClonesTheActorAndEvaluatesTheCritic() throws {
        let task = try SparsePushingTask()
        let demonstrations = try DemonstrationCollection(task: task, expert: .demonstrator, count: 3, seed: 2)
        var rng = RandomSource(seed: 5)
        let agent = try DDPG(observationSize: task.observationSize, actionSize: task.actionSize, maxAction: 1,
                             configuration: TrainingSchedule().agentConfiguration, formulas: formulas.offPolicy, rng: &rng)
        let losses = try DemonstrationPretraining.cloneActor(agent, demonstrations: demonstrations.trajectories, steps: 300,
                                                             formulas: formulas.behaviorCloning, rng: &rng)
        let lateLoss: Double = losses.suffix(20).reduce(0, +), earlyLoss: Double = losses.prefix(20).reduce(0, +)
        #expect(lateLoss < earlyLoss)
        // The target actor was set equal to the cloned actor.
        let states = Matrix(demonstrations.trajectories[0].observations)
        #expect(agent.targetActor(Tensor(states)).value == agent.actor(Tensor(states)).value)
        var replay = try DemonstrationReplay(capacity: 10, observationSize: task.observationSize, actionSize: task.actionSize,
                                             demonstrationFraction: 1, returnSteps: 5, discount: 0.98)
        try replay.addDemonstrations(demonstrations.trajectories)
        let errors = try DemonstrationPretraining.evaluateCritic(agent, on: replay, steps: 600, tau: 0.1,
                                                                 formulas: formulas.lesson, rng: &rng)
        let lateError: Double = errors.suffix(50).reduce(0, +), earlyError: Double = errors.prefix(50).reduce(0, +)
        #expect(lateError < earlyError)
        // Just before the goal the demonstrated action is worth about the final reward 1.
        let last = demonstrations.trajectories[0]
        let q = agent.qValues(states: Matrix(rowVector: last.observations[last.count - 1]),
                              actions: Matrix(rowVector: last.actions[last.count - 1]))
        #expect(abs(q[0, 0] - 1) < 0.3)
    }

    @Test func shortRunsOfEveryVariantProduceCurves() throws {
        let task = try SparsePushingTask()
        let demonstrations = try DemonstrationCollection(task: task, expert: .demonstrator, count: 3, seed: 1)
        let schedule = TrainingSchedule(environmentSteps: 300, randomSteps: 100, evaluationInterval: 100, evaluationEpisodes: 4)
        let variants = [DemonstrationVariant.scratch, .replayKept, .replayRemoved, .pretrained, .curriculum] + DemonstrationVariant.consistencyAblation
        for variant in variants {
            var use = variant.use
            if use.pretraining != nil { use.pretraining = Pretraining(behaviorCloningSteps: 50, policyEvaluationSteps: 50) }
            let run = try trainWithDemonstrations(task: task, demonstrations: demonstrations, use: use, schedule: schedule,
                                                  formulas: formulas, seed: 9)
            #expect(run.curve.environmentSteps == [0, 100, 200, 300], "\(variant.id)")
            // With a batch of demonstration transitions in the buffer the updates start at once; with fewer
            // (way 2 keeps two demonstrations) once the agent's own fill the batch; without any after 128 of its own.
            let demonstrationSteps = try use.selection.apply(to: demonstrations.trajectories).reduce(0) { $0 + $1.count }
            if use.startsWithDemonstrationsInBuffer && demonstrationSteps >= 128 {
                #expect(run.gradientUpdates == 300, "\(variant.id)")
            } else if use.startsWithDemonstrationsInBuffer {
                #expect(run.gradientUpdates > 300 - 128 && run.gradientUpdates < 300, "\(variant.id)")
            } else {
                #expect(run.gradientUpdates > 0 && run.gradientUpdates <= 300 - 127, "\(variant.id)")
            }
            #expect(run.curve.successRates.allSatisfy { (0...1).contains($0) })
            #expect((run.successAfterCloning != nil) == (use.pretraining != nil))
            #expect(run.curriculumHistory.isEmpty == (use.curriculum == nil))
        }
        // The same seed gives the same run.
        let a = try trainWithDemonstrations(task: task, demonstrations: demonstrations, use: DemonstrationVariant.curriculum.use,
                                            schedule: schedule, formulas: formulas, seed: 9)
        let b = try trainWithDemonstrations(task: task, demonstrations: demonstrations, use: DemonstrationVariant.curriculum.use,
                                            schedule: schedule, formulas: formulas, seed: 9)
        #expect(a == b)
    }

    @Test func badSettingsThrowNamingTheProblem() throws {
        let task = try SparsePushingTask()
        #expect {
            _ = try trainWithDemonstrations(task: task, demonstrations: nil, use: DemonstrationVariant.replayKept.use,
                                            schedule: TrainingSchedule(environmentSteps: 10), formulas: formulas, seed: 0)
        } throws: { "\($0)".contains("needs demonstrations") }
        #expect {
            _ = try trainWithDemonstrations(task: task, demonstrations: nil, use: DemonstrationUse(behaviorCloningWeight: 1),
                                            schedule: TrainingSchedule(environmentSteps: 10), formulas: formulas, seed: 0)
        } throws: { "\($0)".contains("behavior-cloning term") }
        #expect {
            _ = try trainWithDemonstrations(task: task, demonstrations: nil, use: DemonstrationUse(),
                                            schedule: TrainingSchedule(environmentSteps: 0), formulas: formulas, seed: 0)
        } throws: { "\($0)".contains("TrainingSchedule") }
    }

    @Test func successStatisticsAverageOverSeeds() throws {
        let a = SuccessCurve(environmentSteps: [0, 10, 20], successRates: [0, 0.5, 1])
        let b = SuccessCurve(environmentSteps: [0, 10, 20], successRates: [0, 0.1, 0.5])
        let statistics = try SuccessCurveStatistics([a, b])
        #expect(zip(statistics.mean, [0, 0.3, 0.75]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(statistics.standardDeviation[1] - 0.2) < 1e-12)
        #expect(statistics.firstStep(reaching: 0.5) == 20)
        #expect(a.firstStep(reaching: 0.5) == 10)
        #expect(abs(statistics.finalMean(lastPoints: 2) - 0.525) < 1e-12)
        #expect(throws: DemonstrationsRLError.self) {
            _ = try SuccessCurveStatistics([a, SuccessCurve(environmentSteps: [0, 5], successRates: [0, 0])])
        }
    }
}
