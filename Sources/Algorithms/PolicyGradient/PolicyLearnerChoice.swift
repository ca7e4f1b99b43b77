import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// Which policy-gradient method trains a policy (GAIL's generator, the mixed-reward agent).
public enum PolicyLearnerChoice: Sendable, Equatable, Codable {
    /// PPO (the practical choice; GAIL's paper used TRPO, a close relative).
    case ppo(PPOConfiguration)
    /// REINFORCE with a value baseline (the lecture's update).
    case reinforce(REINFORCEConfiguration)

    /// A fresh Gaussian policy and value function for `environment`, both with `hiddenSizes` and
    /// `activation` and inputs scaled by `inputScaling` (the policy first from `rng`), and this
    /// learner training them with `formulas`.
    public func makeLearner(for environment: some ContinuousEnvironment, hiddenSizes: [Int], activation: Activation,
                            initialLogStd: Float, inputScaling: FeatureScaling?, formulas: some GAILExercises,
                            rng: inout RandomSource) -> any PolicyGradientLearner {
        let policy = GaussianPolicy(observationSize: environment.observationSize, actionSize: environment.actionSize,
                                    hiddenSizes: hiddenSizes, activation: activation, initialLogStd: initialLogStd,
                                    inputScaling: inputScaling, rng: &rng)
        let valueFunction = ValueFunction(observationSize: environment.observationSize, hiddenSizes: hiddenSizes,
                                          activation: activation, inputScaling: inputScaling, rng: &rng)
        switch self {
        case .ppo(let c): return PPO(policy: policy, valueFunction: valueFunction, configuration: c, formulas: formulas)
        case .reinforce(let c): return REINFORCE(policy: policy, valueFunction: valueFunction, configuration: c, formulas: formulas)
        }
    }
}
