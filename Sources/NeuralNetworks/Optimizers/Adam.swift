import Foundation
import Numerics

/// Adam (Kingma & Ba, 2015), with PyTorch's defaults and bias correction:
///
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
public final class Adam: Optimizer {
    /// The parameters updated by `step`.
    public let parameters: [Parameter]
    /// The step size (default 1e-3).
    public var learningRate: Float
    /// The decay of the first-moment average (default 0.9).
    public let beta1: Float
    /// The decay of the second-moment average (default 0.999).
    public let beta2: Float
    /// Added to the denominator for stability (default 1e-8).
    public let epsilon: Float
    /// The number of steps taken so far.
    public private(set) var stepCount = 0
    private var firstMoments: [Matrix]
    private var secondMoments: [Matrix]

    /// An optimiser for `parameters`.
    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.firstMoments = parameters.map { Matrix.zeros($0.value.rows, $0.value.cols) }
        self.secondMoments = firstMoments
    }

    /// One step.
    public func step(_ gradients: [Matrix]) {
        checkGradients(gradients, optimizer: "Adam")
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - Foundation.pow(beta1, t)
        let correction2 = 1 - Foundation.pow(beta2, t)
        let stepSize = learningRate / correction1
        let rootCorrection2 = correction2.squareRoot()
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for (i, parameter) in parameters.enumerated() {
            gradients[i].withUnsafeBufferPointer { g in
                firstMoments[i].withUnsafeMutableBufferPointer { m in
                    secondMoments[i].withUnsafeMutableBufferPointer { v in
                        parameter.tensor.updateValue { value in
                            value.withUnsafeMutableBufferPointer { theta in
                                for k in 0..<theta.count {
                                    m[k] = b1 * m[k] + (1 - b1) * g[k]
                                    v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                                    theta[k] -= stepSize * m[k] / (v[k].squareRoot() / rootCorrection2 + eps)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
