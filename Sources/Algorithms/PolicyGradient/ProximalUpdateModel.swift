import NeuralNetworks
import Numerics

/// What PPO's update needs from a policy and its critic, seen through the rows of the batch it
/// learns from: whatever the two observe (lesson 4's states, lesson 9's images, a critic on the
/// state beside a policy on pixels), the epochs of minibatch steps are the same, written once in
/// ``PPO/update(batch:rewards:model:configuration:formulas:name:rng:)``.
///
/// Row indices refer to the batch passed with the model; every closure reads that batch's rows.
public struct ProximalUpdateModel {
    /// V(s_t) and V(s_{t+1}) of every row, under the current critic (before any step).
    public var values: () -> (values: [Float], nextValues: [Float])
    /// log π_θ(a_i | o_i) of the given rows, a rows × 1 tensor differentiable in θ.
    public var logProbabilities: ([Int]) -> Tensor
    /// The minibatch's policy loss from its clipped surrogate (an entropy bonus or an auxiliary
    /// task are added here; identity: the surrogate alone). It throws what a plugged-in exercise
    /// throws (the auxiliary task's loss, exercise 9.4).
    public var policyLoss: (_ surrogate: Tensor, _ rows: [Int]) throws -> Tensor
    /// One optimizer step of the policy down a loss.
    public var stepPolicy: (Tensor) -> Void
    /// One optimizer step of the critic towards `targets` on the given rows; returns the loss
    /// before the step.
    public var stepValue: (_ rows: [Int], _ targets: [Float]) -> Double
    /// How far the policy has moved from the one that collected the batch: the approximate
    /// KL(π_old ‖ π) and the fraction of ratios outside the clip range.
    public var divergence: () -> (kl: Double, clipFraction: Double)

    /// A model from its closures.
    public init(values: @escaping () -> (values: [Float], nextValues: [Float]),
                logProbabilities: @escaping ([Int]) -> Tensor,
                policyLoss: @escaping (Tensor, [Int]) throws -> Tensor = { surrogate, _ in surrogate },
                stepPolicy: @escaping (Tensor) -> Void,
                stepValue: @escaping ([Int], [Float]) -> Double,
                divergence: @escaping () -> (kl: Double, clipFraction: Double)) {
        self.values = values
        self.logProbabilities = logProbabilities
        self.policyLoss = policyLoss
        self.stepPolicy = stepPolicy
        self.stepValue = stepValue
        self.divergence = divergence
    }
}
