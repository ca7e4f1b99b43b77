import NeuralNetworks
import Numerics

/// The critic of ``PixelPPO``: V of the rows of a ``PixelRollout``, from whatever the critic
/// observes. Zhu et al. (2018, section IV-A) give it the simulator's low-dimensional state while the
/// policy sees pixels (the asymmetric actor-critic, ``ValueFunction``); their ablation gives it the
/// images the policy sees (``ConvolutionalValueFunction``).
public protocol PixelRolloutCritic: AnyObject {
    /// The trainable parameters.
    var parameters: [Parameter] { get }
    /// V at o_t (or s_t) of the rollout's rows `rows`, a rows × 1 tensor differentiable in the parameters.
    func predictions(_ rollout: PixelRollout, rows: [Int]) -> Tensor
    /// V at o_t and at o_{t+1} of every row, as numbers (GAE's values and next values).
    func values(_ rollout: PixelRollout) -> (values: [Float], nextValues: [Float])
}

/// The asymmetric critic: V(s) on the rollout's states.
extension ValueFunction: PixelRolloutCritic {
    /// V(s_t) of the rows `rows`, from the rollout's states.
    public func predictions(_ rollout: PixelRollout, rows: [Int]) -> Tensor {
        predictions(rollout.states.observations.rows(rows))
    }

    /// V(s_t) and V(s_{t+1}) of every row, from the rollout's states.
    public func values(_ rollout: PixelRollout) -> (values: [Float], nextValues: [Float]) {
        (values(rollout.states.observations), values(rollout.states.nextObservations))
    }
}
