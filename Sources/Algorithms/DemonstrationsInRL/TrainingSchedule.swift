import Foundation

/// The budget and the learner of one lesson-8 run: DDPG (lesson 5) interacting with the pushing
/// task for a fixed number of environment steps, evaluated on the full task at regular intervals.
public struct TrainingSchedule: Sendable, Codable, Equatable {
    /// DDPG's hyper-parameters.
    public var ddpg: DDPGConfiguration
    /// Training environment steps in total.
    public var environmentSteps: Int
    /// Steps with uniformly random actions at the start (Fujimoto et al.'s `start_timesteps`);
    /// variants that start from a pre-trained actor act with it from the first step.
    public var randomSteps: Int
    /// Gradient updates per environment step, from the first step with at least one batch of data.
    public var updatesPerStep: Int
    /// n of the n-step returns the buffer stores (DQfD, DDPGfD); the critic bootstraps with
    /// γⁿ, γ being `ddpg.discount` per step.
    public var returnSteps: Int
    /// σ of DDPG's Gaussian exploration noise (exercise 5.5), as a fraction of the largest action.
    public var explorationNoise: Float
    /// Capacity of the ring of agent transitions.
    public var bufferCapacity: Int
    /// Evaluate every this many environment steps (and once before the first).
    public var evaluationInterval: Int
    /// Start states of each evaluation.
    public var evaluationEpisodes: Int
    /// Seed of the evaluation's start states (the same for every run, so that curves compare).
    public var evaluationSeed: UInt64

    /// A schedule (defaults: 10 000 steps of ``scaledDownDDPG`` with 5-step returns, evaluated every 500).
    public init(ddpg: DDPGConfiguration = TrainingSchedule.scaledDownDDPG, environmentSteps: Int = 10_000, randomSteps: Int = 1_000,
                updatesPerStep: Int = 1, returnSteps: Int = 5, explorationNoise: Float = 0.2, bufferCapacity: Int = 100_000,
                evaluationInterval: Int = 500, evaluationEpisodes: Int = 20, evaluationSeed: UInt64 = 808_000) {
        self.ddpg = ddpg
        self.environmentSteps = environmentSteps
        self.randomSteps = randomSteps
        self.updatesPerStep = updatesPerStep
        self.returnSteps = returnSteps
        self.explorationNoise = explorationNoise
        self.bufferCapacity = bufferCapacity
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.evaluationSeed = evaluationSeed
    }

    /// DDPG's configuration for n-step transitions: the same, bootstrapping with γⁿ.
    public var agentConfiguration: DDPGConfiguration {
        var configuration = ddpg
        configuration.discount = Float(pow(Double(ddpg.discount), Double(returnSteps)))
        return configuration
    }

    /// Fujimoto et al.'s "Our DDPG" (Adam 10⁻³ for both networks, the action entering the
    /// critic's first layer) scaled down to the small pushing task: two hidden layers of 64,
    /// minibatches of 128, γ = 0.98 per step, and faster target networks (τ = 0.05) so that the
    /// sparse reward travels back along a 50-step episode within a few thousand updates.
    public static let scaledDownDDPG = DDPGConfiguration(actorHiddenSizes: [64, 64], criticHiddenSizes: [64, 64],
                                                         discount: 0.98, tau: 0.05, batchSize: 128)

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        try ddpg.validate()
        guard environmentSteps >= 1, randomSteps >= 0, updatesPerStep >= 1, returnSteps >= 1, explorationNoise >= 0, bufferCapacity >= 1,
              evaluationInterval >= 1, evaluationEpisodes >= 1 else {
            throw DemonstrationsRLError("TrainingSchedule: need positive steps, interval, episodes and capacity, ≥ 0 random steps "
                                        + "and noise, got \(self)")
        }
    }
}
