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
    /// Orange is the expert (``HopperExpert``, or `--expert`); its noiseless transitions fill the
    /// buffer and blue trains offline on it for as many updates as in the Final setting.
    case imitation
}

/// The learners that train offline on each setting's final buffer besides blue (lesson 6).
enum OfflineLearner: String, Codable, CaseIterable, Sendable {
    /// BCQ (Fujimoto, Meger & Precup 2019) with the syllabus's constants, as many updates as blue.
    case bcq
    /// Behavior cloning on the buffer's state-action pairs (lesson 1's trainer).
    case bc
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
    /// TD3 (Fujimoto, van Hoof & Meger 2018): the kit's DDPG with twin critics and clipped double Q,
    /// target policy smoothing N(0, 0.2) clipped to ±0.5, actor and targets every second update
    /// (``TD3Options``), the learning rates of `--actor-lr` and `--critic-lr`.
    case td3
}

/// Everything that decides a study run besides the seed.
struct StudyConfiguration: Codable, Equatable, Sendable {
    /// Environment steps orange takes (every one is stored).
    var environmentSteps = 30_000
    /// Uniformly random steps at the start, before any update (Fujimoto et al.'s `start_timesteps`).
    var randomSteps = 1_000
    /// Hidden-layer widths of actor and critic.
    var hiddenSizes = [64, 64]
    /// The critic's widths when they differ from the actor's (`nil`: `hiddenSizes`).
    var criticHiddenSizes: [Int]? = nil
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
    /// Which DDPG orange is (and blue, unless `blueDDPG` says otherwise).
    var ddpg: DDPGVariant = .kit
    /// Which DDPG blue is when it differs from orange's (`nil`: `ddpg`): a TD3 orange makes a
    /// better buffer while blue stays the paper's offline DDPG.
    var blueDDPG: DDPGVariant? = nil
    /// Transitions of the expert in the Imitation buffer (`nil`: `environmentSteps`).
    var imitationTransitions: Int? = nil
    /// The expert's weights file (`nil`: the kit's ``HopperExpert``).
    var expertPath: String? = nil
    /// Learners trained offline on every setting's final buffer besides blue.
    var offlineLearners: [OfflineLearner] = []
    /// Hidden widths of BCQ's critics, perturbation model and VAE (the paper: 400-300 and 750-750).
    var bcqHiddenSizes = [64, 64]
    /// BCQ's gradient updates (`nil`: as many as blue's), evaluated `evaluationPoints` times.
    var bcqUpdates: Int? = nil
    /// BCQ's candidates when acting (the syllabus's n = 10; the authors' code: 100).
    var bcqActingSamples = 10
    /// BCQ's Φ, the perturbation's largest size in units of the largest action (`nil`:
    /// ``BCQConfiguration``'s default, the syllabus's 0.05; 1 lets the perturbation move each coordinate of a
    /// proposal by half the action range, and leave the data as offline DDPG's actor does). Optional so that the files of studies run
    /// before it existed still read.
    var bcqPhi: Float? = nil
    /// Φ in effect.
    var bcqMaxPerturbation: Float { bcqPhi ?? BCQConfiguration().maxPerturbation }
    /// Behavior cloning's gradient steps (`nil`: as many as blue's updates).
    var bcSteps: Int? = nil

    /// The number of expert transitions in the Imitation buffer.
    var imitationTransitionCount: Int { imitationTransitions ?? environmentSteps }

    /// BCQ's hyper-parameters: the syllabus's (Φ `bcqMaxPerturbation`, 0.05 by default, λ 0.75, n 10, τ 0.005, γ 0.99, batch 100,
    /// Adam 10⁻³, latent 2·|A|) with `bcqHiddenSizes` for every network.
    var bcq: BCQConfiguration {
        var configuration = BCQConfiguration(maxPerturbation: bcqMaxPerturbation, sampledActions: 10,
                                             actingSamples: bcqActingSamples, tau: tau,
                                             discount: discount, batchSize: batchSize,
                                             criticHiddenSizes: bcqHiddenSizes, perturbationHiddenSizes: bcqHiddenSizes,
                                             vaeHiddenSizes: bcqHiddenSizes)
        configuration.learningRate = 1e-3
        return configuration
    }

    /// Behavior cloning's hyper-parameters: lesson 1's trainer (64-64, Adam 10⁻³, batch 64).
    var behaviorCloning: BehaviorCloningConfiguration {
        BehaviorCloningConfiguration(gradientSteps: bcSteps ?? updates)
    }

    /// Gradient updates orange takes (one per step after the random ones); blue takes as many.
    var updates: Int { max(0, environmentSteps - randomSteps) }

    /// Updates between two evaluations.
    var evaluationInterval: Int { max(1, updates / max(1, evaluationPoints)) }

    /// The DDPG hyper-parameters of orange (and of blue without `blueDDPG`).
    var agent: DDPGConfiguration { agentConfiguration(ddpg) }

    /// The DDPG hyper-parameters of blue.
    var blueAgent: DDPGConfiguration { agentConfiguration(blueDDPG ?? ddpg) }

    /// The hyper-parameters of one DDPG variant with this study's widths, rates and batch.
    func agentConfiguration(_ variant: DDPGVariant) -> DDPGConfiguration {
        let criticSizes = criticHiddenSizes ?? hiddenSizes
        switch variant {
        case .kit, .td3:
            return DDPGConfiguration(actorHiddenSizes: hiddenSizes, criticHiddenSizes: criticSizes,
                                     actorLearningRate: actorLearningRate, criticLearningRate: criticLearningRate,
                                     discount: discount, tau: tau, batchSize: batchSize, explorationNoise: finalNoise,
                                     td3: variant == .td3 ? TD3Options() : nil)
        case .paper:
            var configuration = DDPGConfiguration.fixedBufferPaper(actorHiddenSizes: hiddenSizes,
                                                                   criticHiddenSizes: criticSizes)
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
        if let criticHiddenSizes, criticHiddenSizes.isEmpty || criticHiddenSizes.contains(where: { $0 <= 0 }) {
            return "--critic-hidden must be positive widths such as 256,256, got \(criticHiddenSizes)"
        }
        if evaluationEpisodes <= 0 { return "--eval-episodes must be positive, got \(evaluationEpisodes)" }
        if valueHorizon < 1_000 { return "--value-horizon must cover an episode (1000 steps), got \(valueHorizon)" }
        if evaluationPoints <= 0 { return "--eval-points must be positive, got \(evaluationPoints)" }
        if settings.isEmpty { return "--settings must name at least one of final, concurrent, imitation" }
        if let imitationTransitions, imitationTransitions <= 0 {
            return "--imitation-steps must be positive, got \(imitationTransitions)"
        }
        if let bcSteps, bcSteps < 0 { return "--bc-steps must be ≥ 0, got \(bcSteps)" }
        if let bcqUpdates, bcqUpdates <= 0 { return "--bcq-updates must be positive, got \(bcqUpdates)" }
        if bcqActingSamples < 1 { return "--bcq-acting must be ≥ 1, got \(bcqActingSamples)" }
        do { try bcq.validate() } catch { return "\(error)" }
        do { try agent.validate() } catch { return "\(error)" }
        do { try blueAgent.validate() } catch { return "\(error)" }
        return nil
    }
}
