import NeuralNetworks

/// The hyper-parameters of the mixed-reward agent on pixels (Zhu et al. 2018, "Reinforcement and
/// Imitation Learning for Diverse Visuomotor Skills", sections IV-A to IV-C): lesson 7's agent
/// (``MixedRewardConfiguration``: λ, the discriminator's view, demonstration starts, the task
/// reward's scale, PPO, rollout sizes, the discriminator) with a policy that sees camera images
/// through a small CNN and a critic on the state or on the images.
///
/// The sizes are the kit's, chosen for two cores: 16 × 16 renders in the figures' style, two 3 × 3
/// stride-2 convolutions (8 and 16 filters: 16 → 8 → 4, 256 features) and a 32-unit head, where the
/// paper has 64 × 64 images from a robot's camera and a deeper network.
public struct PixelMixedRewardConfiguration: Sendable, Equatable {
    /// Lesson 7's settings: λ, view, starts, reward form and scale, PPO, rollouts (its
    /// `evaluationInterval` is not used), input scaling, the state critic's hidden layers
    /// (`policyHiddenSizes`), activations, the discriminator.
    public var rewardMixing = MixedRewardConfiguration()
    /// Images are `imageSize` × `imageSize` × 3.
    public var imageSize = 16
    /// The rendering style of the training episodes (fixed, or randomized per episode).
    public var styles: PushingStyleSource = .fixed(.figure)
    /// The convolutions of the policy's encoder (and of the critic's on pixels).
    public var convolutions: [ConvolutionSpec] = [ConvolutionSpec(filters: 8, kernel: 3, stride: 2, padding: 1),
                                                  ConvolutionSpec(filters: 16, kernel: 3, stride: 2, padding: 1)]
    /// How the policy's (and the pixel critic's) encoder reads its last feature map: flattened (the
    /// default) or as keypoints (Levine et al. 2016's spatial softmax).
    public var readout: FeatureReadout = .flatten
    /// The dense layers of the policy's head before the action.
    public var policyHiddenSizes = [32]
    /// What the critic observes (default: the state, the asymmetric actor-critic).
    public var critic: PixelCriticChoice = .state
    /// The dense layers of the pixel critic's head before its output (its convolutions are
    /// ``convolutions``).
    public var pixelCriticHiddenSizes = [32]
    /// The weight of the auxiliary position loss (0: no auxiliary head).
    public var auxiliaryWeight: Float = 0
    /// What the auxiliary head regresses.
    public var auxiliaryTarget: AuxiliaryTarget = .block
    /// Supervised steps on the auxiliary task before training (needs an auxiliary weight > 0).
    public var auxiliaryPretraining = AuxiliaryPretraining()

    /// The defaults.
    public init() {}
}
