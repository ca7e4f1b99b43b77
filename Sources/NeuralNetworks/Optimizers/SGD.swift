import Numerics

/// Stochastic gradient descent, optionally with momentum (PyTorch's `SGD`):
/// v ← μ·v + g, θ ← θ − lr·v (plain θ ← θ − lr·g when μ = 0).
public final class SGD: Optimizer {
    /// The parameters updated by `step`.
    public let parameters: [Parameter]
    /// The step size.
    public var learningRate: Float
    /// The momentum μ (0 for none).
    public let momentum: Float
    private var velocities: [Matrix]

    /// An optimiser for `parameters`.
    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.velocities = parameters.map { Matrix.zeros($0.value.rows, $0.value.cols) }
    }

    /// One step.
    public func step(_ gradients: [Matrix]) {
        checkGradients(gradients, optimizer: "SGD")
        for (i, parameter) in parameters.enumerated() {
            var direction = gradients[i]
            if momentum != 0 {
                velocities[i] *= momentum
                velocities[i].add(gradients[i])
                direction = velocities[i]
            }
            parameter.tensor.updateValue { $0.add(direction, scaledBy: -learningRate) }
        }
    }
}
