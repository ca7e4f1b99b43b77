import ExerciseAPI
import NeuralNetworks

/// The hyper-parameters of the mixed-reward agent: Zhu et al. (2018), "Reinforcement and Imitation
/// Learning for Diverse Visuomotor Skills", section IV, on top of lesson 4's PPO and discriminator.
///
/// The policy is rewarded with
///
///     r(s, a) = λ·r_GAIL(s, a) + (1 − λ)·c·r_task(s, a),   r_GAIL = −log(1 − D(s, a))
///
/// (their eq. 2 with c = 1), and a fraction of the training episodes start from states of the
/// demonstrations. The paper's choices carry over where they can: the discriminator sees the
/// object only, episodes start from demonstration states. The sizes are the kit's, for its small
/// pushing task (lesson 7 says what was scaled down): PPO with Schulman et al.'s 10 epochs of
/// minibatches of 64 but a step size of 10⁻³ and γ = 0.98, 32-32 ReLU networks, 8 × 128 steps per
/// iteration.
public struct MixedRewardConfiguration: Sendable, Equatable {
    /// λ, the weight of the imitation reward (1: pure GAIL, 0: pure RL on the task reward).
    public var imitationWeight: Float = 0.1
    /// What the discriminator sees (default: the object only, as in the paper).
    public var discriminatorView: DiscriminatorView = .blockOnly
    /// The chance that a training episode starts from a demonstration state rather than from
    /// the environment's reset (0: never). Evaluation always uses the environment's reset.
    public var demonstrationStartProbability: Double = 0.8
    /// Which imitation reward the discriminator's output becomes (the paper's −log(1 − D)).
    public var rewardForm: GAILRewardForm = .negativeLogOneMinusD
    /// The factor c applied to the environment's task reward before mixing, r_task = c·info.taskReward.
    ///
    /// The pushing task ends its episode when the block reaches the goal, while r_GAIL ≥ 0 pays for
    /// every step survived; with c = 1 an agent does better by lingering than by finishing. Treating
    /// the goal as absorbing (the block stays in, and the task pays 1 at every later step) makes
    /// reaching it worth Σ_k γ^k = 1/(1 − γ): the default c = 50 = 1/(1 − 0.98).
    public var taskRewardScale: Float = 50
    /// The PPO learner (Schulman et al. 2017): 10 epochs, minibatches of 64, clip 0.2, GAE λ 0.95,
    /// here with γ = 0.98 and step sizes 10⁻³.
    public var ppo: PPOConfiguration = {
        var ppo = PPOConfiguration()
        ppo.discount = 0.98
        ppo.policyLearningRate = 1e-3
        ppo.valueLearningRate = 1e-3
        return ppo
    }()
    /// Rollout sizes: 8 environments × 128 steps per iteration (evaluation is the caller's).
    public var rollouts: OnPolicyConfiguration = {
        var rollouts = OnPolicyConfiguration()
        rollouts.environments = 8
        rollouts.stepsPerEnvironment = 128
        rollouts.evaluationInterval = 0
        return rollouts
    }()
    /// How the inputs of every network are brought to order one (default: the mean and standard
    /// deviation of the demonstrations, per input of each network).
    public var inputScaling: InputScalingChoice = .demonstrations
    /// Hidden layers of the policy and of the value function.
    public var policyHiddenSizes = [32, 32]
    /// The non-linearity of every network's hidden layers (ReLU: as good as PPO's tanh here, and
    /// faster, see lesson 4's `GAILConfiguration.hiddenActivation`).
    public var hiddenActivation: Activation = .relu
    /// Initial log σ of the Gaussian policy.
    public var initialLogStd: Float = -0.5
    /// Hidden layers of the discriminator.
    public var discriminatorHiddenSizes = [32, 32]
    /// Adam step size of the discriminator.
    public var discriminatorLearningRate: Float = 1e-3
    /// Discriminator minibatch steps per iteration.
    public var discriminatorStepsPerIteration = 8
    /// Expert and policy pairs per discriminator step (each).
    public var discriminatorMinibatchSize = 256

    /// The defaults.
    public init() {}
}
