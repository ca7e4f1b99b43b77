// The hyper-parameters of the Hopper study, in one place (CleanRL style): every flag of
// `hopper-study` overrides one field, and the JSON records the whole struct.
import Algorithms
import Foundation

/// Which of Fujimoto, Meger & Precup's (2019) buffers the study runs.
enum StudySetting: String, Codable, CaseIterable, Sendable {
    /// Orange explores with N(0, 0.5·max action) and keeps every transition; afterwards blue
    /// trains offline on that final buffer for as many updates as orange took.
    case final
    /// Orange explores with N(0, 0.1·max action); blue trains on orange's growing buffer at the
    /// same time, one update per step on its own mini-batch, and never acts.
    case concurrent
}

/// Which DDPG orange and blue are.
enum DDPGVariant: String, Codable, CaseIterable, Sendable {
    /// The kit's DDPG (the TD3 paper's "Our DDPG"): the action enters the critic's first layer, no
    /// weight decay, the learning rates of `--actor-lr` and `--critic-lr`.
    case kit
    /// The DDPG of Fujimoto, Meger & Precup (2019): actor learning rate 10⁻⁴, critic 10⁻³ with weight
    /// decay 10⁻², the action entering the critic's second layer (``DDPGConfiguration/fixedBufferPaper``);
    /// `--actor-lr` and `--critic-lr` are ignored.
    case paper
}

/// Everything that decides a study run besides the seed.
struct StudyConfiguration: Codable, Equatable, Sendable {
    /// Environment steps orange takes (every one is stored).
    var environmentSteps = 30_000
    /// Uniformly random steps at the start, before any update (Fujimoto et al.'s `start_timesteps`).
    var randomSteps = 1_000
    /// Hidden-layer widths of actor and critic.
    var hiddenSizes = [64, 64]
    /// Transitions per gradient step.
    var batchSize = 100
    /// Adam's learning rate for the actor.
    var actorLearningRate: Float = 1e-3
    /// Adam's learning rate for the critic.
    var criticLearningRate: Float = 1e-3
    /// The discount γ.
    var discount: Float = 0.99
    /// The Polyak rate τ of the target networks.
    var tau: Float = 0.005
    /// σ of orange's exploration on the Final buffer, as a fraction of the largest action.
    var finalNoise: Float = 0.5
    /// σ of orange's exploration in the Concurrent setting.
    var concurrentNoise: Float = 0.1
    /// Start states of every evaluation (each one an episode of the deterministic policy).
    var evaluationEpisodes = 10
    /// Steps of the Monte-Carlo value rollouts (γ^1000 ≈ 4·10⁻⁵: the truncation is negligible).
    var valueHorizon = 1_000
    /// Evaluations after the first (evenly spaced over the updates).
    var evaluationPoints = 10
    /// The settings to run, in this order.
    var settings: [StudySetting] = [.final]
    /// Which DDPG.
    var ddpg: DDPGVariant = .kit

    /// Gradient updates orange takes (one per step after the random ones); blue takes as many.
    var updates: Int { max(0, environmentSteps - randomSteps) }

    /// Updates between two evaluations.
    var evaluationInterval: Int { max(1, updates / max(1, evaluationPoints)) }

    /// The DDPG hyper-parameters of orange and blue.
    var agent: DDPGConfiguration {
        switch ddpg {
        case .kit:
            return DDPGConfiguration(actorHiddenSizes: hiddenSizes, criticHiddenSizes: hiddenSizes,
                                     actorLearningRate: actorLearningRate, criticLearningRate: criticLearningRate,
                                     discount: discount, tau: tau, batchSize: batchSize, explorationNoise: finalNoise)
        case .paper:
            var configuration = DDPGConfiguration.fixedBufferPaper(actorHiddenSizes: hiddenSizes,
                                                                   criticHiddenSizes: hiddenSizes)
            configuration.discount = discount
            configuration.tau = tau
            configuration.batchSize = batchSize
            configuration.explorationNoise = finalNoise
            return configuration
        }
    }

    /// Orange's schedule.
    var schedule: InteractionSchedule {
        InteractionSchedule(environmentSteps: environmentSteps, randomSteps: randomSteps,
                            evaluationInterval: evaluationInterval)
    }

    /// A one-line reason for the first bad value, or `nil`.
    func problem() -> String? {
        if environmentSteps <= 0 { return "--steps must be positive, got \(environmentSteps)" }
        if randomSteps < 0 || randomSteps >= environmentSteps {
            return "--random-steps must lie in 0..<--steps (\(environmentSteps)), got \(randomSteps)"
        }
        if hiddenSizes.isEmpty || hiddenSizes.contains(where: { $0 <= 0 }) {
            return "--hidden must be positive widths such as 64,64, got \(hiddenSizes)"
        }
        if evaluationEpisodes <= 0 { return "--eval-episodes must be positive, got \(evaluationEpisodes)" }
        if valueHorizon < 1_000 { return "--value-horizon must cover an episode (1000 steps), got \(valueHorizon)" }
        if evaluationPoints <= 0 { return "--eval-points must be positive, got \(evaluationPoints)" }
        if settings.isEmpty { return "--settings must name at least one of final, concurrent" }
        do { try agent.validate() } catch { return "\(error)" }
        return nil
    }
}
