import Datasets
import Environments
import ExerciseAPI
import Numerics

/// One run of DDPG (lesson 5) on the pushing task with the demonstrations used as `use` says:
///
/// ```
/// demos ← the variant's selection of the demonstrations (all of them, or fewer, or partial)
/// agent ← DDPG with fresh networks, bootstrapping n-step returns with γⁿ
/// buffer ← the demonstrations' n-step transitions in its permanent region (ways 1 and 2)
/// if pre-training (way 2):  actor ← BC on the demonstrations (lesson 1)
///                           critic ← policy evaluation of that actor on the demonstrations
/// for every environment step:
///     at the start of an episode: a demonstration's state `offset` steps before its end (way 4),
///                                 otherwise the task's own reset
///     act: uniformly at random during the first steps (unless pre-trained), else π(s) + N(0, σ²)
///     store the step; `updatesPerStep` DDPG updates on minibatches with a fixed share of
///     demonstrations (8.1), the actor's loss with a behavior-cloning term when λ > 0 (8.3)
///     at the end of an episode: move the curriculum's start earlier (8.2); drop the
///                               demonstrations (8.4)
///     every `evaluationInterval` steps: the success rate on the full task
/// ```
///
/// Everything random comes from `seed`: the networks, exploration, minibatches and starts.
///
/// - Parameters:
///   - demonstrations: required when `use` needs them.
///   - progress: called after every environment step with the number of steps done.
///   - inspect: called with the trained agent at the end (to draw its paths or probe its critic).
/// - Throws: ``DemonstrationsRLError`` for bad settings; `DDPGError` when training diverges;
///   `NotImplemented` from an unwritten exercise.
public func trainWithDemonstrations(task: SparsePushingTask, demonstrations: DemonstrationCollection?, use: DemonstrationUse,
                                    schedule: TrainingSchedule, formulas: DemonstrationFormulas, seed: UInt64,
                                    progress: ((Int) -> Void)? = nil,
                                    inspect: ((DDPG) throws -> Void)? = nil) throws -> DemonstrationRun {
    try use.validate()
    try schedule.validate()
    let demos = try use.selection.apply(to: demonstrations?.trajectories ?? [])
    if use.needsDemonstrations && demos.isEmpty {
        throw DemonstrationsRLError("trainWithDemonstrations: this variant needs demonstrations, none were given")
    }
    var rng = RandomSource(seed: seed)
    let actorLoss = DemonstrationActorLoss(base: formulas.offPolicy, lesson: formulas.lesson,
                                           weight: use.behaviorCloningWeight, usesQFilter: use.usesQFilter)
    let agent = try DDPG(observationSize: task.observationSize, actionSize: task.actionSize,
                         maxAction: task.actionSpace.high.max() ?? 1, configuration: schedule.agentConfiguration,
                         formulas: formulas.offPolicy, actorLoss: actorLoss, rng: &rng)
    let evaluator = try SuccessEvaluator(task: task, episodes: schedule.evaluationEpisodes, seed: schedule.evaluationSeed)
    func successRate() throws -> Double { try evaluator.successRate { agent.actions(for: $0) } }

    var replay = try DemonstrationReplay(capacity: schedule.bufferCapacity, observationSize: task.observationSize,
                                         actionSize: task.actionSize, demonstrationFraction: use.demonstrationFraction,
                                         returnSteps: schedule.returnSteps, discount: Double(schedule.ddpg.discount))
    if use.startsWithDemonstrationsInBuffer { try replay.addDemonstrations(demos) }

    // listing: pretraining
    // Way 2: clone the demonstrations into the actor, then make the critic consistent with it.
    var successAfterCloning: Double?
    var policyEvaluationError: Double?
    if let pretraining = use.pretraining {
        _ = try DemonstrationPretraining.cloneActor(agent, demonstrations: demos, steps: pretraining.behaviorCloningSteps,
                                                    formulas: formulas.behaviorCloning, rng: &rng)
        successAfterCloning = try successRate()
        let errors = try DemonstrationPretraining.evaluateCritic(agent, on: replay, steps: pretraining.policyEvaluationSteps,
                                                                 tau: pretraining.policyEvaluationTau,
                                                                 formulas: formulas.lesson, rng: &rng)
        policyEvaluationError = errors.last
    }
    // end listing
    var curriculum = try use.curriculum.map { try BackwardCurriculum(settings: $0, demonstrations: demos) }

    var curve = SuccessCurve()
    curve.record(try successRate(), atStep: 0)
    let randomSteps = use.pretraining == nil ? schedule.randomSteps : 0
    var env = task
    var (observation, horizon) = curriculum?.begin(&env, rng: &rng) ?? (env.reset(rng: &rng), task.maxEpisodeSteps)
    var episodeLength = 0, episodes = 0, successes = 0, updates = 0
    var outcomes: [Bool] = []
    // listing: training-loop
    for step in 0..<schedule.environmentSteps {
        let action = env.actionSpace.clip(step < randomSteps
            ? env.actionSpace.sample(rng: &rng)
            : try agent.explore(observation, noise: schedule.explorationNoise, rng: &rng))
        let outcome = try env.step(action)
        episodeLength += 1
        let truncated = !outcome.terminated && (outcome.truncated || episodeLength >= horizon)
        try replay.add(observation: observation, action: action, reward: outcome.reward,
                       nextObservation: outcome.observation, terminated: outcome.terminated, truncated: truncated)
        observation = outcome.observation

        if outcome.terminated || truncated {
            let success = outcome.info.succeeded
            episodes += 1
            if success { successes += 1 }
            outcomes.append(success)
            try curriculum?.record(success: success, environmentStep: step + 1, formulas: formulas.lesson)
            if let rule = use.removal, replay.demonstrationCount > 0 {
                let window = outcomes.suffix(rule.window)
                let rate = window.count < rule.window ? Double.nan : Double(window.filter { $0 }.count) / Double(window.count)
                if try formulas.lesson.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: episodes,
                                                                  successThreshold: rule.successThreshold,
                                                                  minimumEpisodes: rule.minimumEpisodes) {
                    replay.removeDemonstrations(atStep: step + 1)
                }
            }
            (observation, horizon) = curriculum?.begin(&env, rng: &rng) ?? (env.reset(rng: &rng), task.maxEpisodeSteps)
            episodeLength = 0
        }

        if replay.demonstrationCount + replay.agentCount >= schedule.ddpg.batchSize {
            for _ in 0..<schedule.updatesPerStep {
                try agent.update(replay.sample(batchSize: schedule.ddpg.batchSize, formulas: formulas.lesson, rng: &rng),
                                 rng: &rng)
                updates += 1
            }
        }
        if (step + 1) % schedule.evaluationInterval == 0 { curve.record(try successRate(), atStep: step + 1) }
        progress?(step + 1)
    }
    // end listing
    if schedule.environmentSteps % schedule.evaluationInterval != 0 {
        curve.record(try successRate(), atStep: schedule.environmentSteps)
    }
    try inspect?(agent)
    return DemonstrationRun(curve: curve, curriculumHistory: curriculum?.history ?? [],
                            longestDemonstration: demos.map(\.count).max() ?? 0,
                            demonstrationsRemovedAtStep: replay.removedAtStep, trainingEpisodes: episodes,
                            trainingSuccesses: successes, gradientUpdates: updates,
                            successAfterCloning: successAfterCloning, finalPolicyEvaluationError: policyEvaluationError)
}
