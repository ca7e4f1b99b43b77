import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// DAgger, dataset aggregation (Ross, Gordon & Bagnell 2011, Algorithm 3.1):
///
///     D ← the expert's demonstrations;  π̂₁ ← behavior cloning on D
///     for i = 1 … N:
///         πᵢ = βᵢ π* + (1 − βᵢ) π̂ᵢ                     (exercise 2.2, βᵢ = pⁱ)
///         run πᵢ for T steps; Dᵢ = {(s, π*(s)) : s visited}
///         D ← D ∪ Dᵢ                                  (exercise 2.1)
///         π̂ᵢ₊₁ ← behavior cloning on D                (exercises 1.1 and 1.3)
///
/// The learner is trained on the states *it* reaches, labelled by the expert, so its mistakes
/// are corrected where they happen: the cost grows like ε·T instead of behavior cloning's ε·T²
/// (lesson 2).
///
/// ```swift
/// let dagger = DAgger(configuration: .init(iterations: 8, rolloutSteps: 300),
///                     behaviorCloning: exercises.behaviorCloning, distributionShift: exercises.distributionShift)
/// var rng = RandomSource(seed: 0)
/// let result = try dagger.run(demonstrations: dataset, in: LaneKeepingCar(), expert: LaneKeepingExpert(), rng: &rng)
/// let learner = result.policy
/// ```
public struct DAgger: Sendable {
    /// The hyper-parameters.
    public var configuration: DAggerConfiguration
    /// Lesson 1's formulas, for the behavior-cloning steps.
    public let behaviorCloning: any BehaviorCloningExercises
    /// Lesson 2's formulas: the aggregation and the mixed policy.
    public let distributionShift: any DistributionShiftExercises

    /// DAgger with the given hyper-parameters and formulas.
    public init(configuration: DAggerConfiguration = DAggerConfiguration(), behaviorCloning: any BehaviorCloningExercises,
                distributionShift: any DistributionShiftExercises) {
        self.configuration = configuration
        self.behaviorCloning = behaviorCloning
        self.distributionShift = distributionShift
    }

    /// Runs behavior cloning on `demonstrations`, then `configuration.iterations` rounds of
    /// aggregation in `env` with `expert` as the labeller.
    ///
    /// - Parameters:
    ///   - demonstrations: the expert's pairs to start from (iteration 0).
    ///   - env: the environment; rollouts start from its reset distribution.
    ///   - expert: π*; its noise-free `action(for:)` labels the visited observations and acts in
    ///     the mixture.
    ///   - rng: the source of every random number (weights, minibatches, resets, mixture draws).
    ///   - afterIteration: called after each round (and after the initial behavior cloning, as
    ///     round 0) with its record and the policy just trained; use it to evaluate the policy.
    /// - Returns: the final policy, the aggregated dataset and one record per round.
    /// - Throws: `DistributionShiftInputError` for bad hyper-parameters; whatever the formulas,
    ///   the trainer, the environment or `afterIteration` throw.
    public func run<Env: ContinuousEnvironment, E: Expert>(
        demonstrations: ImitationDataset, in env: Env, expert: E, rng: inout RandomSource,
        afterIteration: ((_ record: DAggerIteration, _ policy: MLPPolicy) throws -> Void)? = nil
    ) throws -> DAggerResult {
        try configuration.validate()
        let trainer = BehaviorCloning(configuration: configuration.behaviorCloning, formulas: behaviorCloning)
        let (low, high) = (env.actionSpace.low, env.actionSpace.high)
        var dataset = demonstrations
        var policy = try trainer.train(on: dataset, actionLow: low, actionHigh: high, rng: &rng).policy
        var records = [DAggerIteration(iteration: 0, beta: 1, datasetSize: dataset.count, collectedSteps: 0,
                                       expertActionFraction: 1, trainingLoss: try trainer.loss(of: policy, on: dataset))]
        try afterIteration?(records[0], policy)

        for iteration in stride(from: 1, through: configuration.iterations, by: 1) {
            // listing: dagger-round
            // Run the mixed policy and remember where it went.
            var visited: [[Float]] = []
            var expertChoices = 0, steps = 0
            let learner = policy
            let rollouts = try Rollout.run(env, episodes: configuration.rolloutsPerIteration, seed: rng.next(),
                                           maxSteps: configuration.rolloutSteps) { observation, stepRNG in
                let expertAction = expert.action(for: observation)
                let action = try distributionShift.mixturePolicyAction(
                    expertAction: expertAction, learnerAction: learner.action(for: observation),
                    iteration: iteration, decay: configuration.betaDecay, rng: &stepRNG)
                steps += 1
                if action == expertAction { expertChoices += 1 }
                return action
            }
            for trajectory in rollouts { visited += trajectory.observations.prefix(trajectory.count) }
            // Ask the expert, aggregate, retrain.
            dataset = try distributionShift.daggerAggregate(dataset: dataset, visitedObservations: visited) { observation in
                expert.action(for: observation)
            }
            if configuration.warmStart {
                _ = try trainer.continueTraining(policy, on: dataset, steps: configuration.stepsPerIteration, rng: &rng)
            } else {
                policy = try trainer.train(on: dataset, actionLow: low, actionHigh: high, rng: &rng).policy
            }
            // end listing
            let record = DAggerIteration(iteration: iteration,
                                         beta: iteration == 0 ? 1 : pow(configuration.betaDecay, Double(iteration)),
                                         datasetSize: dataset.count, collectedSteps: visited.count,
                                         expertActionFraction: steps == 0 ? 0 : Double(expertChoices) / Double(steps),
                                         trainingLoss: try trainer.loss(of: policy, on: dataset))
            records.append(record)
            try afterIteration?(record, policy)
        }
        return DAggerResult(policy: policy, dataset: dataset, iterations: records)
    }
}

/// What one DAgger round did.
public struct DAggerIteration: Sendable, Equatable, Codable {
    /// The round, 0 for the initial behavior cloning on the demonstrations.
    public let iteration: Int
    /// βᵢ, the probability that the expert acts in the round's rollouts.
    public let beta: Double
    /// |D| after the round.
    public let datasetSize: Int
    /// The number of visited states the expert labelled in the round.
    public let collectedSteps: Int
    /// The fraction of the round's steps on which the expert's action was executed.
    public let expertActionFraction: Double
    /// L_BC of the policy trained in the round, on the whole aggregated dataset.
    public let trainingLoss: Double
}

/// What DAgger returns: the last policy, the aggregated dataset and a record of every round.
public struct DAggerResult {
    /// π̂ after the last round.
    public let policy: MLPPolicy
    /// D after the last round.
    public let dataset: ImitationDataset
    /// One record per round, round 0 (behavior cloning on the demonstrations) first.
    public let iterations: [DAggerIteration]
}
