import ExerciseAPI
import NeuralNetworks

/// GAIL's hyper-parameters (Ho & Ermon 2016, Algorithm 1), extended with Zhu et al. (2018)'s
/// reward mix λ·r_GAIL + (1 − λ)·r_task and discriminator feature selection.
///
/// Ho & Ermon trained the policy with TRPO and the discriminator with Adam, one discriminator
/// pass per policy step; the defaults here are the kit's, for its small tasks: PPO with the
/// paper's MuJoCo settings (minibatches of 256), 64-64 ReLU networks, batches of 8 × 256 steps.
public struct GAILConfiguration: Sendable, Equatable {
    /// The generator's learner (default: PPO with the paper's settings but minibatches of 256,
    /// see ``PPOConfiguration/largeMinibatches``).
    public var learner: PolicyLearnerChoice = .ppo(.largeMinibatches)
    /// Rollout sizes and evaluation.
    public var rollouts = OnPolicyConfiguration()
    /// Hidden layers of the policy and the value function.
    public var policyHiddenSizes = [64, 64]
    /// The non-linearity of every network's hidden layers. PPO's papers use tanh; ReLU learns as
    /// well on the kit's tasks and runs about twice as fast here (the C library's `tanhf` cost more
    /// than the matrix products of these small networks).
    public var hiddenActivation: Activation = .relu
    /// Initial log σ of the Gaussian policy.
    public var initialLogStd: Float = -0.5
    /// Hidden layers of the discriminator.
    public var discriminatorHiddenSizes = [64, 64]
    /// Adam step size of the discriminator.
    public var discriminatorLearningRate: Float = 1e-3
    /// Discriminator minibatch steps per iteration (each: `discriminatorMinibatchSize` expert and as
    /// many policy pairs). A discriminator that learns too little per iteration stays near
    /// D = ½ everywhere and its reward carries little information; on the lane-keeping car 32
    /// steps of 256 + 256 pairs at 10⁻³ work well (8 steps at 3·10⁻⁴ left the imitation loose).
    public var discriminatorStepsPerIteration = 32
    /// Pairs of each kind per discriminator step.
    public var discriminatorMinibatchSize = 256
    /// Which reward the discriminator's output becomes.
    public var rewardForm: GAILRewardForm = .negativeLogOneMinusD
    /// λ in r = λ·r_GAIL + (1 − λ)·r_task (1: pure imitation, 0: pure RL on the task reward). Below 1
    /// the rewards are mixed by exercise 7.1, which GAIL then needs (its initializer's `mixing`).
    public var imitationWeight: Float = 1
    /// Which numbers of a pair the discriminator sees.
    public var discriminatorFeatures = DiscriminatorFeatures.stateAction
    /// How the inputs of every network are brought to order one.
    public var inputScaling: InputScalingChoice = .environmentBounds

    /// The defaults.
    public init() {}
}
