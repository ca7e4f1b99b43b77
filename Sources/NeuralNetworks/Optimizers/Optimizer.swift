import Numerics

/// Updates a fixed list of parameters from their gradients.
///
/// ```swift
/// let optimizer = Adam(parameters: network.parameters, learningRate: 1e-3)
/// let loss = mseLoss(network(x), Tensor(y))
/// optimizer.step(loss.gradients(for: optimizer.parameters))
/// ```
public protocol Optimizer: AnyObject {
    /// The parameters updated by `step`, in the order the gradients must follow.
    var parameters: [Parameter] { get }
    /// Takes one step given one gradient per parameter (same order and shapes).
    func step(_ gradients: [Matrix])
}

extension Optimizer {
    /// Checks that `gradients` match `parameters` in number and shape.
    func checkGradients(_ gradients: [Matrix], optimizer: String) {
        precondition(gradients.count == parameters.count,
                      "\(optimizer).step: \(gradients.count) gradients for \(parameters.count) parameters")
        for (p, g) in zip(parameters, gradients) {
            precondition(p.value.rows == g.rows && p.value.cols == g.cols,
                          "\(optimizer).step: gradient for \(p.name) is \(g.shapeDescription), "
                          + "the parameter is \(p.value.shapeDescription)")
        }
    }
}

/// The Euclidean norm of all gradients taken together, √(Σ‖gᵢ‖²).
public func globalNorm(_ gradients: [Matrix]) -> Float {
    var total: Double = 0
    for g in gradients {
        let n = Double(g.norm())
        total += n * n
    }
    return Float(total.squareRoot())
}

/// Scales all gradients by one factor so that their global norm is at most `maxNorm`
/// (PyTorch's `clip_grad_norm_`). Returns the norm before clipping.
@discardableResult
public func clipGlobalNorm(_ gradients: inout [Matrix], maxNorm: Float) -> Float {
    precondition(maxNorm > 0, "clipGlobalNorm: maxNorm must be positive, got \(maxNorm)")
    let norm = globalNorm(gradients)
    if norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for i in gradients.indices { gradients[i] *= scale }
    }
    return norm
}
