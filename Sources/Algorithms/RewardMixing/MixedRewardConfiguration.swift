import ExerciseAPI
import NeuralNetworks

/// The hyper-parameters of the mixed-reward agent: Zhu et al. (2018), "Reinforcement and Imitation
/// Learning for Diverse Visuomotor Skills", section IV, on top of lesson 4's PPO and discriminator.
///
/// The policy is rewarded with
///
///     r(s, a) = λ·r_GAIL(s, a) + (1 − λ)·r_task(s, a),   r_GAIL = −log(1 − D(s, a))   (their eq. 2)
///
/// and a fraction of the training episodes start from states of the demonstrations. The defaults
/// are the paper's choices where they carry over (λ = 0.5 is in the middle of their sensitivity
/// sweep, the discriminator sees the object only) and PPO's published defaults otherwise; the
/// lesson scales the sizes down (see `RewardMixingExperiment`).
public struct MixedRewardConfiguration: Sendable, Equatable {
    /// λ, the weight of the imitation reward (1: pure GAIL, 0: pure RL on the task reward).
    public var imitationWeight: Float = 0.5
    /// What the discriminator sees (default: the object only, as in the paper).
    public var discriminatorView: DiscriminatorView = .blockOnly
    /// The chance that a training episode starts from a demonstration state rather than from
    /// the environment's reset (0: never). Evaluation always uses the environment's reset.
    public var demonstrationStartProbability: Double = 0.5
    /// Which imitation reward the discriminator's output becomes (the paper's −log(1 − D)).
    public var rewardForm: GAILRewardForm = .negativeLogOneMinusD
    /// The factor c applied to the environment's task reward before mixing, r_task = c·info.taskReward
    /// (1: the task reward as the environment gives it).
    public var taskRewardScale: Float = 1
    /// The PPO learner (Schulman et al. 2017).
    public var ppo = PPOConfiguration()
    /// Rollout sizes and evaluation.
    public var rollouts = OnPolicyConfiguration()
    /// How the inputs of every network are brought to order one (default: the mean and standard
    /// deviation of the demonstrations, per input of each network).
    public var inputScaling: InputScalingChoice = .demonstrations
    /// Hidden layers of the policy and of the value function.
    public var policyHiddenSizes = [64, 64]
    /// The non-linearity of every network's hidden layers (ReLU: as good as PPO's tanh here, and
    /// faster, see lesson 4's `GAILConfiguration.hiddenActivation`).
    public var hiddenActivation: Activation = .relu
    /// Initial log σ of the Gaussian policy.
    public var initialLogStd: Float = -0.5
    /// Hidden layers of the discriminator.
    public var discriminatorHiddenSizes = [64, 64]
    /// Adam step size of the discriminator.
    public var discriminatorLearningRate: Float = 3e-4
    /// Discriminator minibatch steps per iteration.
    public var discriminatorStepsPerIteration = 8
    /// Expert and policy pairs per discriminator step (each).
    public var discriminatorMinibatchSize = 256

    /// The defaults.
    public init() {}
}
